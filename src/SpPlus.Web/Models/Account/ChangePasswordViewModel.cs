using System.ComponentModel.DataAnnotations;

namespace SpPlus.Web.Models.Account;

/// <summary>The signed-in user's change of password.</summary>
public sealed class ChangePasswordViewModel
{
    [Required]
    [Display(Name = "Mot de passe actuel")]
    public string? CurrentPassword { get; set; }

    [Required]
    [Display(Name = "Nouveau mot de passe",
        Description = "12 caractères au minimum. Une phrase de passe de plusieurs mots est plus sûre et plus facile à retenir.")]
    public string? NewPassword { get; set; }

    [Required]
    [Compare(nameof(NewPassword), ErrorMessage = "La confirmation ne correspond pas au nouveau mot de passe.")]
    [Display(Name = "Confirmation du nouveau mot de passe")]
    public string? ConfirmPassword { get; set; }
}
