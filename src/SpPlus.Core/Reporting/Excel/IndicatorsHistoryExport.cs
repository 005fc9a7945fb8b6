using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpreadCheetah;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>
/// The indicators history, streamed: a "Historique" sheet with one row per structure × indicator × quarter, then one
/// sheet per structure laid out quarters × indicators. The values given are already filtered by the caller (who may
/// see what); a ratio's value is its percentage (87.5), as <see cref="IndicatorMath.Compute"/> gives it.
/// </summary>
public static class IndicatorsHistoryExport
{
    public const string MainSheet = "Historique";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Structure", "Type", "Code indicateur", "Indicateur", "Unité", "Année", "Trimestre", "Trimestre libellé", "État",
        "Numérateur", "Dénominateur", "Valeur (taux en %)", "Non applicable", "Motif", "Objectif", "Date de publication",
    ];

    private static readonly double[] Widths = [36, 16, 20, 48, 14, 8, 11, 16, 12, 13, 14, 18, 15, 36, 10, 20];

    public static string FileName(DateOnly date) => $"historique-indicateurs-{ExcelStyles.FileDate(date)}.xlsx";

    /// <param name="source">The indicator values to export, already scoped by the caller's read rules.</param>
    public static async Task WriteAsync(Stream output, IQueryable<IndicatorValue> source, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, ExcelStyles.Options(), cancellationToken);
        var styles = ExcelStyles.Register(spreadsheet);
        await ExcelStyles.StartSheetAsync(spreadsheet, MainSheet, Headers, Widths, styles, cancellationToken);

        // Rows come ordered by structure: the structures of the per-structure sheets are gathered on the way.
        var structures = new List<(int Id, string Name)>();
        var rows = source
            .OrderBy(v => v.Report!.Structure!.Name).ThenBy(v => v.Report!.StructureId)
            .ThenBy(v => v.Report!.Year).ThenBy(v => v.Report!.QuarterNumber)
            .ThenBy(v => v.Indicator!.SortOrder).ThenBy(v => v.Indicator!.Code)
            .Select(v => new HistoryRow
            {
                StructureId = v.Report!.StructureId,
                StructureName = v.Report.Structure!.Name,
                StructureType = v.Report.Structure.Type,
                Code = v.Indicator!.Code,
                Label = v.Indicator.Label,
                Kind = v.Indicator.Kind,
                Unit = v.Indicator.Unit,
                Year = v.Report.Year,
                QuarterNumber = v.Report.QuarterNumber,
                State = v.Report.State,
                Numerator = v.Numerator,
                Denominator = v.Denominator,
                Value = v.Value,
                Count = v.Count,
                IsNotApplicable = v.IsNotApplicable,
                NotApplicableReason = v.NotApplicableReason,
                Target = v.Indicator.Targets.Where(t => t.StructureId == v.Report.StructureId).Select(t => (double?)t.Target).FirstOrDefault()
                    ?? v.Indicator.DefaultTarget,
                PublishedAtUtc = v.Report.PublishedAtUtc,
            })
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            if (structures.Count == 0 || structures[^1].Id != row.StructureId)
            {
                structures.Add((row.StructureId, row.StructureName));
            }

            var quarter = new Quarter(row.Year, row.QuarterNumber);
            await spreadsheet.AddRowAsync(
            [
                new Cell(row.StructureName),
                new Cell(row.StructureType.Label()),
                new Cell(row.Code),
                new Cell(row.Label),
                new Cell(row.Unit.Label()),
                new Cell(row.Year),
                new Cell(row.QuarterNumber),
                new Cell(quarter.ToString()),
                new Cell(row.State.Label()),
                new Cell(row.Numerator),
                new Cell(row.Denominator),
                new Cell(row.ComputedValue, styles.Decimal),
                ExcelStyles.YesNo(row.IsNotApplicable),
                ExcelStyles.Text(row.NotApplicableReason),
                new Cell(row.Target),
                ExcelStyles.Date(row.PublishedAtUtc),
            ], cancellationToken);
        }

        var names = ExcelStyles.SheetNames(MainSheet);
        foreach (var (id, name) in structures)
        {
            await WriteStructureSheetAsync(spreadsheet, ExcelStyles.SheetName(name, names), source, id, styles, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>One structure's sheet: a row per quarter, a column per indicator, one query (bounded by the structure's quarters × indicators).</summary>
    private static async Task WriteStructureSheetAsync(
        Spreadsheet spreadsheet, string sheetName, IQueryable<IndicatorValue> source, int structureId, ExcelStyleSet styles, CancellationToken cancellationToken)
    {
        var values = await source
            .Where(v => v.Report!.StructureId == structureId)
            .Select(v => new
            {
                Key = v.Report!.Year * 10 + v.Report.QuarterNumber,
                v.IndicatorId,
                v.Indicator!.Label,
                v.Indicator.Unit,
                v.Indicator.SortOrder,
                v.Indicator.Code,
                v.Indicator.Kind,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var indicators = values
            .GroupBy(v => v.IndicatorId)
            .Select(g => g.First())
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToList();
        var columns = indicators.Select((indicator, index) => (indicator.IndicatorId, index)).ToDictionary(c => c.IndicatorId, c => c.index);
        var headers = new List<string> { "Trimestre" };
        headers.AddRange(indicators.Select(i => i.Unit.Symbol() is { Length: > 0 } symbol ? $"{i.Label} ({symbol})" : i.Label));
        var widths = new List<double> { 14 };
        widths.AddRange(indicators.Select(_ => 22.0));
        await ExcelStyles.StartSheetAsync(spreadsheet, sheetName, headers, widths, styles, cancellationToken);

        foreach (var quarter in values.GroupBy(v => v.Key).OrderBy(g => g.Key))
        {
            var cells = new Cell[indicators.Count + 1];
            cells[0] = new Cell(Quarter.FromKey(quarter.Key).ToString());
            for (var i = 1; i < cells.Length; i++)
            {
                cells[i] = new Cell();
            }

            foreach (var value in quarter)
            {
                cells[columns[value.IndicatorId] + 1] = new Cell(IndicatorMath.Compute(value.Kind, value.Figures), styles.Decimal);
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
    }

    private sealed class HistoryRow
    {
        public int StructureId { get; init; }

        public string StructureName { get; init; } = "";

        public StructureType StructureType { get; init; }

        public string Code { get; init; } = "";

        public string Label { get; init; } = "";

        public IndicatorKind Kind { get; init; }

        public IndicatorUnit Unit { get; init; }

        public int Year { get; init; }

        public int QuarterNumber { get; init; }

        public ReviewState State { get; init; }

        public int? Numerator { get; init; }

        public int? Denominator { get; init; }

        public double? Value { get; init; }

        public int? Count { get; init; }

        public bool IsNotApplicable { get; init; }

        public string? NotApplicableReason { get; init; }

        public double? Target { get; init; }

        public DateTime? PublishedAtUtc { get; init; }

        public double? ComputedValue => IndicatorMath.Compute(Kind, new IndicatorFigures(Numerator, Denominator, Value, Count, IsNotApplicable));
    }
}
