using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>
/// The reads of quarterly results: the completeness board, trends over quarters (weighted for the département) and
/// the public results. Each read sends a fixed number of queries, whatever the number of structures.
/// Trends and public results use <b>published</b> reports only.
/// </summary>
public sealed class IndicatorResultsService(SpPlusDbContext db, TimeProvider time)
{
    public const int TrendQuarterCount = 8;

    /// <summary>Today in Europe/Paris: deadlines are calendar days there.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The last completed quarter: the one whose results are being collected now.</summary>
    public Quarter LastCompletedQuarter => Quarter.Containing(Today).Previous;

    /// <summary>The quarter's results are due this day: its last day plus the configured number of days.</summary>
    public static DateOnly Deadline(Quarter quarter, int deadlineDays) => quarter.LastDay.AddDays(deadlineDays);

    /// <summary>The setting "quarter deadline" (days after the quarter's end), or its default when absent or unreadable.</summary>
    public Task<int> QuarterDeadlineDaysAsync(CancellationToken cancellationToken = default) =>
        db.DaysSettingAsync(SettingKeys.QuarterDeadlineDays, SettingKeys.DefaultQuarterDeadlineDays, cancellationToken);

    /// <summary>The completeness board: three queries (setting, structures, reports with whether each draft was returned).</summary>
    public async Task<CompletenessBoard> BoardAsync(BoardQuery query, CancellationToken cancellationToken = default)
    {
        var quarters = query.Quarters.Distinct().Order().ToList();
        var deadlineDays = await QuarterDeadlineDaysAsync(cancellationToken);
        var type = query.StructureType;

        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive && (type == null || s.Type == type))
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Type })
            .ToListAsync(cancellationToken);

        var minKey = quarters.Count > 0 ? quarters[0].Key : 0;
        var maxKey = quarters.Count > 0 ? quarters[^1].Key : 0;
        // A draft whose last transition is a return is "returned": read in the same query as the reports.
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.QuarterlyReport);
        var reports = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.Year * 10 + r.QuarterNumber >= minKey && r.Year * 10 + r.QuarterNumber <= maxKey)
            .Where(r => r.Structure!.IsActive && (type == null || r.Structure.Type == type))
            .Select(r => new { r.Id, r.StructureId, r.Year, r.QuarterNumber, r.State, WasReturned = r.State == ReviewState.Draft && returned.Contains(r.Id) })
            .ToListAsync(cancellationToken);

        var byCell = reports.ToDictionary(r => (r.StructureId, new Quarter(r.Year, r.QuarterNumber).Key));
        var today = Today;
        var boardQuarters = quarters.Select(q => new BoardQuarter(q, Deadline(q, deadlineDays))).ToList();
        var rows = new List<BoardRow>();
        foreach (var structure in structures)
        {
            var cells = new List<BoardCell>();
            foreach (var (quarter, deadline) in boardQuarters)
            {
                var report = byCell.GetValueOrDefault((structure.Id, quarter.Key));
                var state = report is null ? BoardCellState.NotStarted : report.State switch
                {
                    ReviewState.Draft => report.WasReturned ? BoardCellState.Returned : BoardCellState.Draft,
                    ReviewState.Submitted => BoardCellState.Submitted,
                    ReviewState.Approved or ReviewState.Validated => BoardCellState.Approved,
                    _ => BoardCellState.Published,
                };
                cells.Add(new BoardCell(quarter, report?.Id, state, deadline, today > deadline && state.AwaitsSubmission()));
            }

            if (query.State is { } wanted && !cells.Any(c => c.State == wanted))
            {
                continue;
            }

            rows.Add(new BoardRow(structure.Id, structure.Name, structure.Type, cells));
        }

        return new CompletenessBoard(boardQuarters, rows, deadlineDays);
    }

    /// <summary>
    /// Each applicable indicator over the <paramref name="count"/> quarters ending with <paramref name="last"/>, for a
    /// structure, or for the département (every active structure, weighted) when <paramref name="structureId"/> is null.
    /// Published values only. Three queries. Null for an unknown structure.
    /// </summary>
    public async Task<TrendsResult?> TrendsAsync(int? structureId, Quarter last, int count = TrendQuarterCount, CancellationToken cancellationToken = default)
    {
        string scopeName;
        StructureType? type = null;
        if (structureId is { } id)
        {
            var structure = await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Name, s.Type }).FirstOrDefaultAsync(cancellationToken);
            if (structure is null)
            {
                return null;
            }

            scopeName = structure.Name;
            type = structure.Type;
        }
        else
        {
            var department = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
            scopeName = department is null ? "Département" : $"Département ({department})";
        }

        return await TrendsForAsync(structureId, type, scopeName, last, count, cancellationToken);
    }

    private async Task<TrendsResult> TrendsForAsync(
        int? structureId, StructureType? type, string scopeName, Quarter last, int count, CancellationToken cancellationToken)
    {
        var quarters = Quarter.Range(last, count);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.IsActive && (type == null || i.StructureTypes.Any(t => t.StructureType == type)))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new
            {
                i.Id,
                i.Code,
                i.Label,
                i.Kind,
                i.Unit,
                i.Direction,
                Target = structureId == null
                    ? i.DefaultTarget
                    : i.Targets.Where(t => t.StructureId == structureId).Select(t => (double?)t.Target).FirstOrDefault() ?? i.DefaultTarget,
            })
            .ToListAsync(cancellationToken);

        var minKey = quarters[0].Key;
        var maxKey = last.Key;
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Report!.State == ReviewState.Published)
            .Where(v => v.Report!.Year * 10 + v.Report.QuarterNumber >= minKey && v.Report.Year * 10 + v.Report.QuarterNumber <= maxKey)
            .Where(v => structureId == null ? v.Report!.Structure!.IsActive : v.Report!.StructureId == structureId)
            .Select(v => new
            {
                v.IndicatorId,
                v.Report!.Year,
                v.Report.QuarterNumber,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable),
                PublishedAtUtc = v.Report.PublishedAtUtc ?? v.Report.StateChangedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var byIndicatorAndQuarter = values.ToLookup(v => (v.IndicatorId, v.Year * 10 + v.QuarterNumber));

        var trends = indicators.Select(i => new IndicatorTrend(i.Id, i.Code, i.Label, i.Kind, i.Unit, i.Direction, i.Target,
                quarters.Select(q =>
                {
                    var figures = byIndicatorAndQuarter[(i.Id, q.Key)].ToList();
                    return new TrendPoint(
                        q,
                        IndicatorMath.Aggregate(i.Kind, figures.Select(f => f.Figures)),
                        figures.Count > 0 && figures.All(f => f.Figures.IsNotApplicable),
                        figures.Max(f => f.PublishedAtUtc));
                }).ToList()))
            .ToList();
        return new TrendsResult(structureId, scopeName, quarters, trends);
    }

    /// <summary>The active structures with their latest published quarter (two queries).</summary>
    public async Task<IReadOnlyList<PublicStructureSummary>> PublicStructuresAsync(CancellationToken cancellationToken = default)
    {
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.ParentId == null ? s.Name : s.Parent!.Name)
            .ThenBy(s => s.ParentId == null ? 0 : 1)
            .ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug, s.Type })
            .ToListAsync(cancellationToken);
        var latest = await LatestPublishedKeysQuery(null).ToDictionaryAsync(x => x.StructureId, x => x.Key, cancellationToken);
        return structures
            .Select(s => new PublicStructureSummary(s.Id, s.Name, s.Slug, s.Type,
                latest.TryGetValue(s.Id, out var key) ? Quarter.FromKey(key) : null))
            .ToList();
    }

    /// <summary>An active structure's published results: its latest published quarter and the 8 quarters up to it. Null for an unknown slug.</summary>
    public async Task<PublicStructureResults?> PublicResultsAsync(string slug, CancellationToken cancellationToken = default)
    {
        var structure = await db.Structures.AsNoTracking()
            .Where(s => s.Slug == slug && s.IsActive)
            .Select(s => new { s.Id, s.Name, s.Slug, s.Type })
            .FirstOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return null;
        }

        var latest = await LatestPublishedKeysQuery(structure.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return new PublicStructureResults(structure.Id, structure.Name, structure.Slug, null, null, null);
        }

        var quarter = Quarter.FromKey(latest.Key);
        var history = await TrendsForAsync(structure.Id, structure.Type, structure.Name, quarter, TrendQuarterCount, cancellationToken);
        var publishedAt = history.Indicators.Select(i => i.Latest?.PublishedAtUtc).Max();
        return new PublicStructureResults(structure.Id, structure.Name, structure.Slug, quarter, publishedAt, history);
    }

    private IQueryable<LatestKey> LatestPublishedKeysQuery(int? structureId) =>
        db.QuarterlyReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Published && (structureId == null || r.StructureId == structureId))
            .GroupBy(r => r.StructureId)
            .Select(g => new LatestKey(g.Key, g.Max(r => r.Year * 10 + r.QuarterNumber)));

    private sealed record LatestKey(int StructureId, int Key);

    /// <summary>
    /// Every published value (not the "non applicable" ones), streamed as read: structure, indicator, quarter. The
    /// target is the structure's own or the indicator's default.
    /// </summary>
    public async IAsyncEnumerable<OpenDataRow> OpenDataAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = db.IndicatorValues.AsNoTracking()
            .Where(v => v.Report!.State == ReviewState.Published && !v.IsNotApplicable)
            .OrderBy(v => v.Report!.Structure!.Name)
            .ThenBy(v => v.Indicator!.SortOrder)
            .ThenBy(v => v.Indicator!.Code)
            .ThenBy(v => v.Report!.Year)
            .ThenBy(v => v.Report!.QuarterNumber)
            .Select(v => new
            {
                Structure = v.Report!.Structure!.Name,
                v.Indicator!.Code,
                v.Indicator.Label,
                v.Indicator.Kind,
                v.Indicator.Unit,
                v.Report.Year,
                v.Report.QuarterNumber,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, false),
                Target = v.Indicator.Targets.Where(t => t.StructureId == v.Report.StructureId).Select(t => (double?)t.Target).FirstOrDefault()
                    ?? v.Indicator.DefaultTarget,
                PublishedAtUtc = v.Report.PublishedAtUtc ?? v.Report.StateChangedAtUtc ?? v.Report.CreatedAtUtc,
            })
            .AsAsyncEnumerable();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (IndicatorMath.Compute(row.Kind, row.Figures) is { } value)
            {
                yield return new OpenDataRow(row.Structure, row.Code, row.Label, new Quarter(row.Year, row.QuarterNumber), value, row.Unit,
                    row.Target, row.PublishedAtUtc);
            }
        }
    }
}
