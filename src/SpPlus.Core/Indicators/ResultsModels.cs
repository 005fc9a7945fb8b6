using SpPlus.Core.Common;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>What the completeness board shows in a cell: the report's state, "returned" told apart from a plain draft.</summary>
public enum BoardCellState
{
    NotStarted = 0,
    Draft = 1,
    Returned = 2,
    Submitted = 3,
    Approved = 4,
    Published = 5,
}

public static class BoardCellStateLabels
{
    public static string Label(this BoardCellState state) => state switch
    {
        BoardCellState.NotStarted => "Non commencé",
        BoardCellState.Draft => "Brouillon",
        BoardCellState.Returned => "Renvoyé",
        BoardCellState.Submitted => "Soumis",
        BoardCellState.Approved => "Approuvé",
        BoardCellState.Published => "Publié",
        _ => state.ToString(),
    };

    /// <summary>The DSFR badge type of a cell state (null: a neutral badge).</summary>
    public static string? BadgeType(this BoardCellState state) => state switch
    {
        BoardCellState.Draft => "info",
        BoardCellState.Returned => "warning",
        BoardCellState.Submitted => "new",
        BoardCellState.Approved => "success",
        BoardCellState.Published => "success",
        _ => null,
    };

    /// <summary>The correspondent still has to act: nothing submitted yet.</summary>
    public static bool AwaitsSubmission(this BoardCellState state) =>
        state is BoardCellState.NotStarted or BoardCellState.Draft or BoardCellState.Returned;
}

/// <summary>The board's filters.</summary>
public sealed record BoardQuery(IReadOnlyList<Quarter> Quarters, StructureType? StructureType = null, BoardCellState? State = null);

/// <summary>Quarters (columns) × structures (rows).</summary>
public sealed record CompletenessBoard(IReadOnlyList<BoardQuarter> Quarters, IReadOnlyList<BoardRow> Rows, int DeadlineDays);

public sealed record BoardQuarter(Quarter Quarter, DateOnly Deadline);

public sealed record BoardRow(int StructureId, string StructureName, StructureType StructureType, IReadOnlyList<BoardCell> Cells);

public sealed record BoardCell(Quarter Quarter, int? ReportId, BoardCellState State, DateOnly Deadline, bool IsLate);

/// <summary>One indicator over several quarters for a structure or the département, with its target.</summary>
public sealed record IndicatorTrend(
    int IndicatorId,
    string Code,
    string Label,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? Target,
    IReadOnlyList<TrendPoint> Points)
{
    public bool HasValues => Points.Any(p => p.Value is not null);

    public TrendPoint? Latest => Points.Count > 0 ? Points[^1] : null;
}

/// <summary>A quarter's published value (weighted over structures for the département); null when none was published.</summary>
public sealed record TrendPoint(Quarter Quarter, double? Value, bool IsNotApplicable, DateTime? PublishedAtUtc);

/// <summary>The trends of a structure (or of the département when <see cref="StructureId"/> is null).</summary>
public sealed record TrendsResult(int? StructureId, string ScopeName, IReadOnlyList<Quarter> Quarters, IReadOnlyList<IndicatorTrend> Indicators);

/// <summary>A structure in the public list, with its latest published quarter if any.</summary>
public sealed record PublicStructureSummary(int Id, string Name, string Slug, StructureType Type, Quarter? LatestPublished);

/// <summary>A structure's public results: its latest published quarter and the history up to it.</summary>
public sealed record PublicStructureResults(int Id, string Name, string Slug, Quarter? LatestPublished, DateTime? PublishedAtUtc, TrendsResult? History);

/// <summary>One line of the open-data file.</summary>
public sealed record OpenDataRow(
    string Structure,
    string IndicatorCode,
    string IndicatorLabel,
    Quarter Quarter,
    double Value,
    IndicatorUnit Unit,
    double? Target,
    DateTime PublishedAtUtc);
