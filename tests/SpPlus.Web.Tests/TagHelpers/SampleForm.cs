using System.ComponentModel.DataAnnotations;

namespace SpPlus.Web.Tests.TagHelpers;

/// <summary>A form model with one property for each kind of DSFR field.</summary>
public sealed class SampleForm
{
    [Display(Name = "Adresse électronique", Description = "Format attendu : nom@domaine.fr")]
    public string? Email { get; set; }

    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    [Display(Name = "Commentaire")]
    public string? Comment { get; set; }

    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Display(Name = "Décision")]
    public string? Decision { get; set; }

    [Display(Name = "Compte actif")]
    public bool IsActive { get; set; }

    [Display(Name = "Rôles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Structures suivies")]
    public List<int> StructureIds { get; set; } = [];

    public SampleAddress Address { get; set; } = new();
}

public sealed class SampleAddress
{
    [Display(Name = "Commune")]
    public string? City { get; set; }
}
