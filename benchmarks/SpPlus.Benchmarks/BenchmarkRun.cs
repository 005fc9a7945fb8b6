using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SpPlus.Benchmarks;

/// <summary>The parent process: generates the databases, starts one measuring process per operation, checks the files and prints the figures.</summary>
public sealed class BenchmarkRun(BenchmarkOptions options)
{
    public const double HistoryPeakTargetMb = 150;
    public const double HistoryRatioTarget = 3;
    public const double ClacTimeTargetMs = 2000;

    private const double Mb = 1024 * 1024;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"spplus-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInAsync(folder, cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"Files kept in {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<int> RunInAsync(string folder, CancellationToken cancellationToken)
    {
        // The data set ends with the last full year; the CLAC pack is that year's, as presented early the next year.
        var now = DateTimeOffset.UtcNow;
        var lastYear = now.Year - 1;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var database = Path.Combine(folder, "benchmark.db");
        var warmUp = Path.Combine(folder, "warm-up.db");

        Console.WriteLine($"SpPlus benchmark, {DateTime.Now:yyyy-MM-dd HH:mm}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}; measured with the {(options.ServerGc ? "server" : "workstation")} GC.");
        Console.WriteLine($"Data set: {options.Structures} structures × {DataSetGenerator.IndicatorCount} indicators × {options.Quarters} quarters, {options.Experiences:N0} experiences; CLAC pack of {lastYear}.");

        var stopwatch = Stopwatch.StartNew();
        var summary = await new DataSetGenerator(database, options.Structures, options.Quarters, options.Experiences, lastYear, now).GenerateAsync(cancellationToken);
        stopwatch.Stop();
        Console.WriteLine(
            $"Generated in {stopwatch.Elapsed.TotalSeconds:0.0} s: {summary.Structures} active structures, {summary.Indicators} active indicators, " +
            $"{summary.Reports:N0} published reports ({summary.First}–{summary.Last}), {summary.IndicatorValues:N0} indicator values, " +
            $"{summary.Experiences:N0} experiences ({summary.AnsweredExperiences:N0} answered), {summary.SelfAssessments} validated self-assessments " +
            $"({summary.Ratings:N0} ratings), {summary.ActionPlans} validated action plans ({summary.Actions} actions); " +
            $"database {new FileInfo(database).Length / Mb:0.0} MB.");
        await new DataSetGenerator(warmUp, 2, 4, 200, lastYear, now).GenerateAsync(cancellationToken);

        var csvPath = Path.Combine(folder, "historique.csv");
        var xlsxPath = Path.Combine(folder, "historique-indicateurs.xlsx");
        var pdfPath = Path.Combine(folder, "dossier-clac.pdf");
        var csv = await MeasureAsync(Measurement.Csv, database, warmUp, csvPath, lastYear, today, cancellationToken);
        var history = await MeasureAsync(Measurement.History, database, warmUp, xlsxPath, lastYear, today, cancellationToken);
        var clac = await MeasureAsync(Measurement.Clac, database, warmUp, pdfPath, lastYear, today, cancellationToken);

        // The files, read back.
        var csvRows = OutputChecks.CsvDataLines(csvPath);
        var (sheetName, sheetRows, sheets) = OutputChecks.FirstSheet(xlsxPath);
        var historyRows = sheetRows - 1;
        var (isPdf, pages) = OutputChecks.Pdf(pdfPath);
        var filesOk = csvRows == summary.IndicatorValues && historyRows == summary.IndicatorValues && isPdf;
        Console.WriteLine();
        Console.WriteLine("Files:");
        Console.WriteLine($"  {Path.GetFileName(csvPath),-30} {csv.OutputBytes / Mb,7:0.0} MB  {csvRows:N0} data lines");
        Console.WriteLine($"  {Path.GetFileName(xlsxPath),-30} {history.OutputBytes / Mb,7:0.0} MB  first sheet « {sheetName} »: {historyRows:N0} data rows; {sheets} sheets");
        Console.WriteLine($"  {Path.GetFileName(pdfPath),-30} {clac.OutputBytes / Mb,7:0.0} MB  {(isPdf ? "%PDF" : "NOT A PDF")}, {pages} pages");
        Console.WriteLine($"  expected data rows: {summary.IndicatorValues:N0} — {(filesOk ? "OK" : "MISMATCH")}");

        Console.WriteLine();
        Console.WriteLine($"{"Operation",-32} {"Rows",8} {"Time (ms)",10} {"Peak (MB)",10} {"Alloc. (MB)",12} {"÷ CSV",7}");
        Row("CSV baseline (StreamWriter)", csvRows, csv, csv);
        Row("Indicators history (.xlsx)", historyRows, history, csv);
        Row($"CLAC pack {lastYear} (load + PDF)", null, clac, null);
        Console.WriteLine("Peak = the measuring process's peak working set (runtime, EF model and warm-up included).");

        var ratio = history.ElapsedMs / csv.ElapsedMs;
        var targets = new[]
        {
            ($"History export peak < {HistoryPeakTargetMb:0} MB", history.PeakBytes / Mb < HistoryPeakTargetMb, $"{history.PeakBytes / Mb:0} MB"),
            ($"History export time ≤ {HistoryRatioTarget:0} × CSV baseline", ratio <= HistoryRatioTarget, $"{ratio:0.00} ×"),
            ($"CLAC pack < {ClacTimeTargetMs / 1000:0} s", clac.ElapsedMs < ClacTimeTargetMs, $"{clac.ElapsedMs:0} ms"),
            ("Produced files complete", filesOk, filesOk ? "rows and %PDF as expected" : "see Files"),
        };
        Console.WriteLine();
        Console.WriteLine("Targets:");
        foreach (var (name, met, actual) in targets)
        {
            Console.WriteLine($"  {(met ? "OK     " : "NOT MET")}  {name,-42} {actual}");
        }

        // Broken files fail every run: their figures mean nothing. Missed targets fail only with --check.
        return !filesOk || (options.Check && targets.Any(t => !t.Item2)) ? 1 : 0;
    }

    /// <summary>One line of the table; the ratio to the CSV baseline only for what writes the same rows.</summary>
    private static void Row(string name, long? rows, MeasureResult result, MeasureResult? baseline) =>
        Console.WriteLine(
            $"{name,-32} {(rows is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "—"),8} {result.ElapsedMs,10:0} {result.PeakBytes / Mb,10:0.0} " +
            $"{result.AllocatedBytes / Mb,12:0.0} {(baseline is null ? "—" : (result.ElapsedMs / baseline.ElapsedMs).ToString("0.00", CultureInfo.InvariantCulture)),7}");

    /// <summary>Runs one operation in a new process of this program and reads its result line.</summary>
    private async Task<MeasureResult> MeasureAsync(
        string operation, string database, string warmUp, string output, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is unknown."),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Started as "dotnet SpPlus.Benchmarks.dll": the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "--measure", operation, database, warmUp, output, year.ToString(CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.ServerGc)
        {
            start.Environment["DOTNET_gcServer"] = "1";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The {operation} measurement did not start.");
        MeasureResult? result = null;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(Measurement.ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<MeasureResult>(line[Measurement.ResultPrefix.Length..]);
            }
            else
            {
                Console.WriteLine($"  [{operation}] {line}");
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"The {operation} measurement failed (exit code {process.ExitCode}).");
        }

        Console.WriteLine($"  measured {operation}: {result.ElapsedMs:0} ms, peak {result.PeakBytes / Mb:0.0} MB");
        return result;
    }
}
