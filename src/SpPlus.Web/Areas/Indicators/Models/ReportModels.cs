using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.Indicators.Models;

/// <summary>The list of quarterly reports the user may read, with its filters and the form to open a quarter.</summary>
public sealed class ReportListViewModel
{
    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    [Display(Name = "Trimestre")]
    public string? Quarter { get; init; }

    [Display(Name = "État")]
    public ReviewState? State { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> QuarterChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StateChoices { get; init; } = [];

    public bool IsFiltered { get; init; }

    public bool ShowingOwnStructures { get; init; }

    public IReadOnlyList<ReportListRow> Reports { get; init; } = [];

    public int TotalCount { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }

    /// <summary>The form to open a quarter; null when the user may open none.</summary>
    public OpenReportForm? Open { get; init; }
}

public sealed record ReportListRow(int Id, string StructureName, Quarter Quarter, ReviewState State, bool WasReturned, DateTime? StateChangedAtUtc, DateTime? PublishedAtUtc);

/// <summary>Open a quarter: create (or find) a structure's report.</summary>
public sealed class OpenReportForm
{
    [Required]
    [Display(Name = "Structure")]
    public int? OpenStructureId { get; set; }

    [Required]
    [Display(Name = "Trimestre")]
    public string? OpenQuarter { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> QuarterChoices { get; set; } = [];
}

/// <summary>A report read-only: values beside targets, and the review panel.</summary>
public sealed class ReportDetailsViewModel
{
    public required QuarterlyReportSheet Sheet { get; init; }

    public required bool CanEdit { get; init; }

    public required ReviewPanelModel Review { get; init; }
}

/// <summary>The entry form: one row per applicable indicator.</summary>
public sealed class ReportEditForm
{
    public Guid Token { get; set; }

    public List<ReportEntryRow> Rows { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public QuarterlyReportSheet? Sheet { get; set; }

    public IReadOnlyList<IndicatorEntry> ToEntries() =>
        Rows.Select(r => new IndicatorEntry(r.IndicatorId, r.Numerator, r.Denominator, r.Value, r.Count, r.IsNotApplicable, r.NotApplicableReason, r.Comment))
            .ToList();

    public static ReportEditForm From(QuarterlyReportSheet sheet) => new()
    {
        Token = sheet.ConcurrencyToken,
        Sheet = sheet,
        Rows = sheet.Lines.Where(l => !l.Indicator.IsComputed).Select(l => new ReportEntryRow
        {
            IndicatorId = l.Indicator.Id,
            Numerator = l.Saved?.Numerator,
            Denominator = l.Saved?.Denominator,
            Value = l.Saved?.Value,
            Count = l.Saved?.Count,
            IsNotApplicable = l.Saved?.IsNotApplicable ?? false,
            NotApplicableReason = l.Saved?.NotApplicableReason,
            Comment = l.Saved?.Comment,
        }).ToList(),
    };
}

/// <summary>One indicator's inputs. Labels are given by the view (they name the indicator).</summary>
public sealed class ReportEntryRow
{
    public int IndicatorId { get; set; }

    [Display(Name = "Numérateur")]
    public int? Numerator { get; set; }

    [Display(Name = "Dénominateur")]
    public int? Denominator { get; set; }

    [Display(Name = "Valeur")]
    public double? Value { get; set; }

    [Display(Name = "Nombre de mesures")]
    public int? Count { get; set; }

    [Display(Name = "Non applicable ce trimestre")]
    public bool IsNotApplicable { get; set; }

    [Display(Name = "Motif")]
    public string? NotApplicableReason { get; set; }

    [Display(Name = "Commentaire")]
    public string? Comment { get; set; }
}

/// <summary>
/// The "traitement groupé" of a quarter: the referent approves submitted reports, or publishes approved ones, several
/// at once.
/// </summary>
public sealed class BatchViewModel
{
    [Display(Name = "Action")]
    public ReviewAction Operation { get; init; }

    /// <summary>The state of the reports the action applies to.</summary>
    public ReviewState SourceState { get; init; }

    [Display(Name = "Trimestre")]
    public string? Quarter { get; init; }

    public string? QuarterLabel { get; init; }

    public IReadOnlyList<SelectListItem> OperationChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> QuarterChoices { get; init; } = [];

    public IReadOnlyList<BatchRow> Reports { get; init; } = [];

    /// <summary>The reports ticked when the page comes back after a refusal; null on a first display (everything ticked).</summary>
    public IReadOnlyCollection<int>? Selected { get; init; }

    public bool IsSelected(int id) => Selected is null || Selected.Contains(id);

    /// <summary>The wording of an action in the chooser.</summary>
    public static string OperationLabel(ReviewAction operation) => operation switch
    {
        ReviewAction.Approve => "Approuver les résultats soumis",
        ReviewAction.Publish => "Publier les résultats approuvés",
        _ => operation.Label(ReviewDocumentKind.QuarterlyReport),
    };

    /// <summary>The submit button: "Approuver la sélection", "Publier la sélection".</summary>
    public string ButtonLabel => $"{Operation.Label(ReviewDocumentKind.QuarterlyReport)} la sélection";

    /// <summary>"soumis", "approuvés": what the listed reports are.</summary>
    public string SourceLabel => SourceState == ReviewState.Submitted ? "soumis" : "approuvés";

    /// <summary>The column of the state's date: "Soumis le", "Approuvé le".</summary>
    public string DateHeader => $"{SourceState.Label()} le";
}

/// <summary>One report of the batch page, with the concurrency token the page was shown with.</summary>
public sealed record BatchRow(int Id, string StructureName, DateTime? StateChangedAtUtc, Guid ConcurrencyToken);

/// <summary>What the batch page posts: the action, the quarter shown, the ticked reports and each shown report's token.</summary>
public sealed class BatchForm
{
    public ReviewAction? Operation { get; set; }

    public string? Quarter { get; set; }

    public List<int> Selected { get; set; } = [];

    public Dictionary<int, Guid> Tokens { get; set; } = [];
}

/// <summary>Indicator values written the French way: "87,5 %", "12 min", "-4 points".</summary>
public static class IndicatorFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Value(double? value, IndicatorUnit unit)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var number = v.ToString("#,##0.#", French);
        var symbol = unit.Symbol();
        return symbol.Length == 0 ? number : $"{number} {symbol}";
    }

    public static string Number(double? value) => value is { } v ? v.ToString("#,##0.##", French) : "";

    /// <summary>The text of a target, with "au moins"/"au plus" from the direction.</summary>
    public static string Target(double? target, IndicatorDirection direction, IndicatorUnit unit) =>
        target is null ? "—" : (direction == IndicatorDirection.HigherIsBetter ? "au moins " : "au plus ") + Value(target, unit);

    public static IReadOnlyList<SelectListItem> QuarterChoices(IEnumerable<Quarter> quarters) =>
        quarters.Select(q => new SelectListItem(q.ToString(), q.ToSlug())).ToList();
}
