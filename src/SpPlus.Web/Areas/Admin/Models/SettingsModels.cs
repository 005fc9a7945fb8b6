using System.ComponentModel.DataAnnotations;

namespace SpPlus.Web.Areas.Admin.Models;

/// <summary>The settings form. The range (1 to 120 days) is checked by <c>SettingsService</c>, which reports each error on its field.</summary>
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
}
