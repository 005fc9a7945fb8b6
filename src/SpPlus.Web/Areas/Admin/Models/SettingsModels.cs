using System.ComponentModel.DataAnnotations;
using SpPlus.Core.Engagements;

namespace SpPlus.Web.Areas.Admin.Models;

/// <summary>
/// The settings form. The range (1 to 120 days) and the address (https://, at most 500 characters) are checked by
/// <c>SettingsService</c>, which reports each error on its field.
/// </summary>
public sealed class SettingsForm
{
    [Required]
    [Display(Name = "Délai de remise des résultats trimestriels (jours)",
        Description = "Nombre de jours après la fin d'un trimestre pour saisir et soumettre ses résultats, de 1 à 120.")]
    public int? QuarterDeadlineDays { get; set; }

    [Required]
    [Display(Name = "Délai de réponse aux avis des usagers (jours)",
        Description = "Nombre de jours après la publication d'un avis pour y répondre, de 1 à 120. Le modifier recalcule l'échéance de tous les avis.")]
    public int? AnswerDelayDays { get; set; }

    /// <summary>Empty: the national platform's address applies.</summary>
    [Display(Name = "Adresse du formulaire « Je donne mon avis »",
        Description = "Utilisée par le QR code des affiches (résultats et engagements) et par le lien « Donner mon avis » des pages publiques. "
            + "Elle commence par https://. Laissée vide, c'est l'adresse de la plateforme nationale : " + OpinionPlatform.Url)]
    public string? OpinionFormUrl { get; set; }
}
