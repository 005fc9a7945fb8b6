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

        // Rows come ordered by structure: the structures of the per-structure sheets, and the indicators each has
        // values for (their columns), are gathered on the way.
        var structures = new List<StructureSheet>();
        var rows = source
            .OrderBy(v => v.Report!.Structure!.Name).ThenBy(v => v.Report!.StructureId)
            .ThenBy(v => v.Report!.Year).ThenBy(v => v.Report!.QuarterNumber)
            .ThenBy(v => v.Indicator!.SortOrder).ThenBy(v => v.Indicator!.Code)
            .Select(v => new HistoryRow
            {
                StructureId = v.Report!.StructureId,
                StructureName = v.Report.Structure!.Name,
                StructureType = v.Report.Structure.Type,
                IndicatorId = v.IndicatorId,
                SortOrder = v.Indicator!.SortOrder,
                Code = v.Indicator.Code,
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
                structures.Add(new StructureSheet(row.StructureId, row.StructureName));
            }

            structures[^1].Add(row);
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

        await WriteStructureSheetsAsync(spreadsheet, source, structures, styles, cancellationToken);
        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>
    /// The per-structure sheets, a row per quarter and a column per indicator, from one query whatever the number of
    /// structures: the values come ordered by structure then quarter, a sheet starts when the structure changes and a
    /// row is written when the quarter changes, so only one row is held at a time. The sheets and their columns are
    /// those gathered from the main sheet; a value that was not on it (written in between) is left out.
    /// </summary>
    private static async Task WriteStructureSheetsAsync(
        Spreadsheet spreadsheet, IQueryable<IndicatorValue> source, IReadOnlyList<StructureSheet> structures, ExcelStyleSet styles, CancellationToken cancellationToken)
    {
        if (structures.Count == 0)
        {
            return;
        }

        var sheets = structures.ToDictionary(s => s.Id);
        var names = ExcelStyles.SheetNames(MainSheet);
        var values = source
            .OrderBy(v => v.Report!.Structure!.Name).ThenBy(v => v.Report!.StructureId)
            .ThenBy(v => v.Report!.Year).ThenBy(v => v.Report!.QuarterNumber)
            .Select(v => new
            {
                v.Report!.StructureId,
                Key = v.Report.Year * 10 + v.Report.QuarterNumber,
                v.IndicatorId,
                v.Indicator!.Kind,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable),
            })
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        StructureSheet? sheet = null;
        Cell[]? cells = null;
        var key = 0;
        await foreach (var value in values)
        {
            if (sheet?.Id != value.StructureId)
            {
                await AddRowAsync(spreadsheet, cells, cancellationToken);
                cells = null;
                if (!sheets.Remove(value.StructureId, out sheet))
                {
                    continue;
                }

                await sheet.StartAsync(spreadsheet, ExcelStyles.SheetName(sheet.Name, names), styles, cancellationToken);
            }

            if (cells is null || value.Key != key)
            {
                await AddRowAsync(spreadsheet, cells, cancellationToken);
                key = value.Key;
                cells = sheet.NewRow(Quarter.FromKey(key));
            }

            if (sheet.ColumnOf(value.IndicatorId) is { } column)
            {
                cells[column] = new Cell(IndicatorMath.Compute(value.Kind, value.Figures), styles.Decimal);
            }
        }

        await AddRowAsync(spreadsheet, cells, cancellationToken);
    }

    private static async Task AddRowAsync(Spreadsheet spreadsheet, Cell[]? cells, CancellationToken cancellationToken)
    {
        if (cells is not null)
        {
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
    }

    /// <summary>A structure's sheet: the indicators it has values for, as columns in the catalogue's order.</summary>
    private sealed class StructureSheet(int id, string name)
    {
        private readonly Dictionary<int, (int SortOrder, string Code, string Header)> _indicators = [];
        private Dictionary<int, int> _columns = [];

        public int Id { get; } = id;

        public string Name { get; } = name;

        public void Add(HistoryRow row) => _indicators.TryAdd(
            row.IndicatorId,
            (row.SortOrder, row.Code, row.Unit.Symbol() is { Length: > 0 } symbol ? $"{row.Label} ({symbol})" : row.Label));

        /// <summary>Starts the sheet with its header: "Trimestre", then an indicator a column.</summary>
        public Task StartAsync(Spreadsheet spreadsheet, string sheetName, ExcelStyleSet styles, CancellationToken cancellationToken)
        {
            var ordered = _indicators.OrderBy(i => i.Value.SortOrder).ThenBy(i => i.Value.Code).ToList();
            _columns = ordered.Select((indicator, index) => (indicator.Key, index)).ToDictionary(c => c.Key, c => c.index + 1);
            var headers = new List<string> { "Trimestre" };
            headers.AddRange(ordered.Select(i => i.Value.Header));
            var widths = new List<double> { 14 };
            widths.AddRange(ordered.Select(_ => 22.0));
            return ExcelStyles.StartSheetAsync(spreadsheet, sheetName, headers, widths, styles, cancellationToken);
        }

        /// <summary>A quarter's row: its label, then a blank cell an indicator.</summary>
        public Cell[] NewRow(Quarter quarter)
        {
            var cells = new Cell[_columns.Count + 1];
            cells[0] = new Cell(quarter.ToString());
            for (var i = 1; i < cells.Length; i++)
            {
                cells[i] = new Cell();
            }

            return cells;
        }

        /// <summary>The cell index of an indicator in a row, null for an indicator not in the header.</summary>
        public int? ColumnOf(int indicatorId) => _columns.TryGetValue(indicatorId, out var column) ? column : null;
    }

    private sealed class HistoryRow
    {
        public int StructureId { get; init; }

        public string StructureName { get; init; } = "";

        public StructureType StructureType { get; init; }

        public int IndicatorId { get; init; }

        public int SortOrder { get; init; }

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
