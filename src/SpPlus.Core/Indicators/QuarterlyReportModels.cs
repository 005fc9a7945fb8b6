using SpPlus.Core.Common;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>What a user typed for one indicator of a quarterly report (entry form, Excel template).</summary>
public sealed record IndicatorEntry(
    int IndicatorId,
    int? Numerator,
    int? Denominator,
    double? Value,
    int? Count,
    bool IsNotApplicable,
    string? NotApplicableReason,
    string? Comment)
{
    /// <summary>No figure and not "non applicable": allowed in a draft, saved as no value.</summary>
    public bool IsBlank => !IsNotApplicable && Numerator is null && Denominator is null && Value is null && Count is null;

    public IndicatorFigures Figures => new(Numerator, Denominator, Value, Count, IsNotApplicable);
}

/// <summary>An indicator that applies to a structure, with the structure's effective target.</summary>
public sealed record ApplicableIndicator(
    int Id,
    string Code,
    string Label,
    string? Description,
    string? Formula,
    string? NumeratorLabel,
    string? DenominatorLabel,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? MinValue,
    double? MaxValue,
    IndicatorSource Source,
    string? NationalCode,
    double? Target)
{
    public bool IsComputed => Source != IndicatorSource.Entered;

    /// <summary>The catalogue entity as <see cref="IndicatorMath.Validate"/> needs it.</summary>
    public Indicator ToIndicator() => new()
    {
        Id = Id, Code = Code, Label = Label, Kind = Kind, Unit = Unit, Direction = Direction, MinValue = MinValue, MaxValue = MaxValue, Source = Source,
    };
}

/// <summary>A refusal tied to one indicator's row (entry form row, template line).</summary>
public sealed record EntryError(int IndicatorId, string IndicatorLabel, string Message);

/// <summary>
/// The outcome of <see cref="QuarterlyReportService.SaveEntriesAsync"/>: success with the report's new concurrency
/// token, or errors for the whole report (locked, conflict, unknown indicator) and errors per indicator.
/// </summary>
public sealed class SaveEntriesResult
{
    private SaveEntriesResult(IReadOnlyList<string> reportErrors, IReadOnlyList<EntryError> entryErrors, Guid? newToken, bool isConflict)
    {
        ReportErrors = reportErrors;
        EntryErrors = entryErrors;
        NewToken = newToken;
        IsConflict = isConflict;
    }

    /// <summary>Errors that concern the whole report.</summary>
    public IReadOnlyList<string> ReportErrors { get; }

    /// <summary>Errors by indicator, in the order of the entries.</summary>
    public IReadOnlyList<EntryError> EntryErrors { get; }

    /// <summary>The report's concurrency token after a successful save.</summary>
    public Guid? NewToken { get; }

    /// <summary>Someone else saved or moved the report since the form was opened.</summary>
    public bool IsConflict { get; }

    public bool Succeeded => ReportErrors.Count == 0 && EntryErrors.Count == 0;

    /// <summary>Every message, each indicator's prefixed with its label.</summary>
    public IReadOnlyList<string> AllMessages =>
        [.. ReportErrors, .. EntryErrors.Select(e => $"{e.IndicatorLabel} : {e.Message}")];

    /// <summary>The messages of one indicator.</summary>
    public IReadOnlyList<string> ErrorsFor(int indicatorId) =>
        EntryErrors.Where(e => e.IndicatorId == indicatorId).Select(e => e.Message).ToList();

    public static SaveEntriesResult Saved(Guid newToken) => new([], [], newToken, false);

    public static SaveEntriesResult Refused(string message, bool isConflict = false) => new([message], [], null, isConflict);

    public static SaveEntriesResult Invalid(IReadOnlyList<string> reportErrors, IReadOnlyList<EntryError> entryErrors) =>
        new(reportErrors, entryErrors, null, false);
}

/// <summary>A quarterly report with its applicable indicators and the saved figures: what the detail and entry pages show.</summary>
public sealed record QuarterlyReportSheet(
    int Id,
    int StructureId,
    string StructureName,
    StructureType StructureType,
    Quarter Quarter,
    ReviewState State,
    Guid ConcurrencyToken,
    DateTime CreatedAtUtc,
    DateTime? StateChangedAtUtc,
    DateTime? PublishedAtUtc,
    IReadOnlyList<QuarterlyReportLine> Lines);

/// <summary>One indicator of a report and its saved figures (null when nothing was saved).</summary>
public sealed record QuarterlyReportLine(ApplicableIndicator Indicator, SavedFigures? Saved)
{
    public double? ComputedValue => Saved is null ? null : IndicatorMath.Compute(Indicator.Kind, Saved.Figures);

    public bool? MeetsTarget => IndicatorMath.MeetsTarget(Indicator.Direction, ComputedValue, Indicator.Target);

    /// <summary>Entered, with figures or "non applicable" (what a submission needs).</summary>
    public bool IsComplete => Saved is not null && (Saved.IsNotApplicable || !Saved.IsBlank);
}

/// <summary>The figures saved for one indicator.</summary>
public sealed record SavedFigures(int? Numerator, int? Denominator, double? Value, int? Count, bool IsNotApplicable, string? NotApplicableReason, string? Comment)
{
    public IndicatorFigures Figures => new(Numerator, Denominator, Value, Count, IsNotApplicable);

    public bool IsBlank => !IsNotApplicable && Numerator is null && Denominator is null && Value is null && Count is null;
}
