using System.ComponentModel.DataAnnotations;

namespace SpPlus.Web.Models.Account;

/// <summary>The login form. Sessions are never persistent: no "stay signed in" box.</summary>
public sealed class LoginViewModel
{
    [Required]
    [StringLength(256)]
    [Display(Name = "Adresse électronique", Description = "Format attendu : nom@domaine.fr")]
    public string? Email { get; set; }

    [Required]
    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    /// <summary>The local page to open after signing in.</summary>
    public string? ReturnUrl { get; set; }
}
