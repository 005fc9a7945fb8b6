using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Engagements;

namespace SpPlus.Web.Areas.Engagements.Models;

/// <summary>The structures and their local commitments.</summary>
public sealed class CommitmentsIndexViewModel
{
    /// <summary>The structure chosen in the filter; null for all (or, by default, the correspondent's own).</summary>
    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    /// <summary>The list shows the correspondent's own structures because no filter was chosen.</summary>
    public bool ShowingOwnStructures { get; init; }

    public required IReadOnlyList<StructureCommitments> Structures { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }
}

public sealed record StructureCommitments(int Id, string Name, bool CanEdit, IReadOnlyList<CommitmentRow> Commitments);

public sealed record CommitmentRow(
    int Id,
    int EngagementNumber,
    string EngagementWording,
    int FrameworkYear,
    bool EngagementIsActive,
    LocalCommitmentKind Kind,
    string Text,
    int? AnnouncedDelayDays,
    string? Target,
    DateTime UpdatedAtUtc)
{
    public string EngagementLabel => EngagementLabels.Short(EngagementNumber, EngagementWording, 60);
}

/// <summary>Labels shared by the Engagements pages.</summary>
public static class EngagementLabels
{
    /// <summary>"1 — Dans le respect mutuel, vous êtes accueillis…": number and wording cut at a word.</summary>
    public static string Short(int number, string wording, int maxLength = 70) => $"{number} — {Truncate(wording, maxLength)}";

    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text[..maxLength];
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > maxLength / 2)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>"10 jours", "1 jour".</summary>
    public static string Days(int days) => days > 1 ? $"{days} jours" : $"{days} jour";
}

/// <summary>The form to create or change a local commitment.</summary>
public sealed class CommitmentForm
{
    /// <summary>The structure the commitment belongs to (or moves to, when editing); when absent, it stays where it is.</summary>
    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Required]
    [Display(Name = "Engagement national", Description = "L'engagement du référentiel actif que cet engagement local décline.")]
    public int? EngagementId { get; set; }

    [Required]
    [Display(Name = "Type d'engagement local")]
    public LocalCommitmentKind? Kind { get; set; }

    [Required]
    [StringLength(LocalCommitmentService.TextMaxLength)]
    [Display(Name = "Engagement local", Description = "Tel qu'il sera affiché au public, par exemple « Accueil ouvert du lundi au vendredi de 8 h 30 à 12 h ».")]
    public string? Text { get; set; }

    [Range(LocalCommitmentService.MinDelayDays, LocalCommitmentService.MaxDelayDays)]
    [Display(Name = "Délai annoncé, en jours", Description = "Obligatoire pour un délai annoncé : un nombre de jours entre 1 et 365.")]
    public int? AnnouncedDelayDays { get; set; }

    [StringLength(LocalCommitmentService.TargetMaxLength)]
    [Display(Name = "Objectif (facultatif)", Description = "Par exemple « 90 % des appels décrochés ».")]
    public string? Target { get; set; }

    [BindNever]
    [ValidateNever]
    public string StructureName { get; set; } = "";

    /// <summary>The structures the user may move the commitment to (edit only); one choice or less hides the field.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> EngagementChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> KindChoices { get; set; } = [];

    /// <summary>Set when the commitment is tied to an engagement of a version that is no longer active.</summary>
    [BindNever]
    [ValidateNever]
    public string? OutdatedEngagement { get; set; }

    /// <summary>The rule no single attribute says: an announced delay needs its number of days.</summary>
    public void AddConditionalErrors(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var key = nameof(AnnouncedDelayDays);
        if (Kind == LocalCommitmentKind.AnnouncedDelay && AnnouncedDelayDays is null
            && modelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
        {
            modelState.AddModelError(key, LocalCommitmentService.DelayRequiredMessage);
        }
    }

    public LocalCommitmentInput ToInput() =>
        new(StructureId ?? 0, EngagementId ?? 0, Kind ?? default, Text ?? "", AnnouncedDelayDays, Target);
}

/// <summary>The confirmation page before deleting a local commitment.</summary>
public sealed record DeleteCommitmentViewModel(int Id, int StructureId, string StructureName, CommitmentRow Commitment);
