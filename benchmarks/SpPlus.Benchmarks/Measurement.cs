using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Benchmarks;

/// <summary>What a measuring process reports: the operation's wall time, the process's peak and what the operation allocated.</summary>
public sealed record MeasureResult(string Operation, double ElapsedMs, long PeakBytes, long AllocatedBytes, long OutputBytes);

/// <summary>The inputs of one measuring process.</summary>
public sealed record MeasureRequest(string Operation, string Database, string WarmUpDatabase, string Output, int Year, DateOnly Today);

/// <summary>
/// The measuring side, run in a process of its own for each operation so that its peak working set is its own. The
/// operation runs once on the small warm-up database (same code, same query shapes: JIT and EF query compilation are
/// done there), then the garbage is collected and the timed run goes to the output file.
/// </summary>
public static class Measurement
{
    public const string Csv = "csv";
    public const string History = "history";
    public const string Clac = "clac";

    public const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(MeasureRequest request, CancellationToken cancellationToken)
    {
        Func<string, string, Task> operation = request.Operation switch
        {
            Csv => (database, output) => WriteCsvAsync(database, output, cancellationToken),
            History => (database, output) => WriteHistoryAsync(database, output, cancellationToken),
            Clac => (database, output) => ClacPackMeasurement.WriteAsync(database, output, request.Year, request.Today, cancellationToken),
            _ => throw new ArgumentException($"Unknown operation: {request.Operation}"),
        };

        await operation(request.WarmUpDatabase, request.Output + ".warm-up");
        File.Delete(request.Output + ".warm-up");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        await operation(request.Database, request.Output);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var result = new MeasureResult(request.Operation, stopwatch.Elapsed.TotalMilliseconds, PeakMemory.Bytes(), allocated, new FileInfo(request.Output).Length);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>The exact call of the web export (all rows, no filter), to a file.</summary>
    private static async Task WriteHistoryAsync(string database, string output, CancellationToken cancellationToken)
    {
        await using var db = BenchmarkDatabase.Open(database);
        await using var file = File.Create(output);
        await IndicatorsHistoryExport.WriteAsync(file, db.IndicatorValues, cancellationToken);
    }

    /// <summary>
    /// The baseline: the rows and columns of the history's main sheet, read with the export's query (same ordering,
    /// same projection, target looked up per row) and written as plain CSV with a StreamWriter.
    /// </summary>
    private static async Task WriteCsvAsync(string database, string output, CancellationToken cancellationToken)
    {
        await using var db = BenchmarkDatabase.Open(database);
        await using var writer = new StreamWriter(output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(string.Join(';', IndicatorsHistoryExport.Headers));
        var rows = db.IndicatorValues
            .OrderBy(v => v.Report!.Structure!.Name).ThenBy(v => v.Report!.StructureId)
            .ThenBy(v => v.Report!.Year).ThenBy(v => v.Report!.QuarterNumber)
            .ThenBy(v => v.Indicator!.SortOrder).ThenBy(v => v.Indicator!.Code)
            .Select(v => new CsvRow(
                v.Report!.Structure!.Name,
                v.Report.Structure.Type,
                v.Indicator!.Code,
                v.Indicator.Label,
                v.Indicator.Kind,
                v.Indicator.Unit,
                v.Report.Year,
                v.Report.QuarterNumber,
                v.Report.State,
                v.Numerator,
                v.Denominator,
                v.Value,
                v.Count,
                v.IsNotApplicable,
                v.NotApplicableReason,
                v.Indicator.Targets.Where(t => t.StructureId == v.Report.StructureId).Select(t => (double?)t.Target).FirstOrDefault()
                    ?? v.Indicator.DefaultTarget,
                v.Report.PublishedAtUtc))
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        var line = new StringBuilder();
        await foreach (var row in rows)
        {
            var value = IndicatorMath.Compute(row.Kind, new IndicatorFigures(row.Numerator, row.Denominator, row.Value, row.Count, row.IsNotApplicable));
            line.Clear()
                .Append(Text(row.StructureName)).Append(';')
                .Append(row.StructureType.Label()).Append(';')
                .Append(Text(row.Code)).Append(';')
                .Append(Text(row.Label)).Append(';')
                .Append(row.Unit.Label()).Append(';')
                .Append(row.Year).Append(';')
                .Append(row.QuarterNumber).Append(';')
                .Append(new Quarter(row.Year, row.QuarterNumber).ToString()).Append(';')
                .Append(row.State.Label()).Append(';')
                .Append(Number(row.Numerator)).Append(';')
                .Append(Number(row.Denominator)).Append(';')
                .Append(Number(value)).Append(';')
                .Append(row.IsNotApplicable ? "Oui" : "Non").Append(';')
                .Append(Text(row.NotApplicableReason)).Append(';')
                .Append(Number(row.Target)).Append(';')
                .Append(row.PublishedAtUtc?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }

    private static string Text(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Contains(';') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private sealed record CsvRow(
        string StructureName, StructureType StructureType, string Code, string Label, IndicatorKind Kind, IndicatorUnit Unit,
        int Year, int QuarterNumber, ReviewState State, int? Numerator, int? Denominator, double? Value, int? Count,
        bool IsNotApplicable, string? NotApplicableReason, double? Target, DateTime? PublishedAtUtc);
}
