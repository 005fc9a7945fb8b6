using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The list of reports of hard-to-understand documents: its filters, one page of rows.</summary>
public sealed class DocumentListViewModel
{
    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    [Display(Name = "Statut")]
    public DocumentReportStatus? Status { get; init; }

    [Display(Name = "Type de document")]
    public DocumentKind? Kind { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StatusChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> KindChoices { get; init; } = [];

    public required IReadOnlyList<DocumentRow> Reports { get; init; }

    public int TotalCount { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }

    public bool IsFiltered { get; init; }

    public bool ShowingOwnStructures { get; init; }

    /// <summary>The user may register a report for at least one structure.</summary>
    public bool CanCreate { get; init; }
}

public sealed record DocumentRow(
    int Id,
    string DocumentName,
    DocumentKind Kind,
    string StructureName,
    DateOnly ReceivedOn,
    DocumentReportStatus Status,
    DateTime CreatedAtUtc);

/// <summary>The registration form of a report. The rules (required fields, lengths, date) are checked by <c>DocumentReportService</c>.</summary>
public sealed class DocumentCreateForm
{
    [Display(Name = "Structure concernée")]
    public int? StructureId { get; set; }

    [Display(Name = "Nom du document", Description = "Par exemple « Courrier de relance pour pièce manquante » ou « Formulaire de demande de titre de séjour ».")]
    public string? DocumentName { get; set; }

    [Display(Name = "Type de document")]
    public DocumentKind? Kind { get; set; }

    [Display(Name = "Reçu par l'usager le")]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Ce que l'usager a trouvé difficile à comprendre")]
    public string? Difficulty { get; set; }

    [Display(Name = "Formulation plus simple suggérée (facultatif)")]
    public string? Suggestion { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    public static IReadOnlyList<SelectListItem> KindChoices { get; } =
        [.. Enum.GetValues<DocumentKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public DocumentReportInput ToInput() => new(StructureId, DocumentName, Kind, ReceivedOn, Difficulty, Suggestion);
}

/// <summary>A report, its follow-up, and the form to add a note when the user may.</summary>
public sealed class DocumentDetailsViewModel
{
    public required DocumentReportDetails Report { get; init; }

    public bool CanAddNote { get; init; }

    public DocumentNoteForm Note { get; init; } = new();

    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
        [.. Enum.GetValues<DocumentReportStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()))];
}

/// <summary>A follow-up note as posted, with the token of the report as the author saw it.</summary>
public sealed class DocumentNoteForm
{
    [Display(Name = "Note", Description = "Ce qui a été fait ou décidé : transmission au service, nouvelle version du document…")]
    public string? Text { get; set; }

    [Display(Name = "Statut du signalement après cette note")]
    public DocumentReportStatus? Status { get; set; }

    public Guid Token { get; set; }
}
