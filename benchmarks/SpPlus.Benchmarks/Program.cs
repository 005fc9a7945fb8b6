using System.Globalization;
using SpPlus.Benchmarks;

// The benchmark of issue 6: generates the large data set, then measures the indicators-history export, its CSV
// baseline and the CLAC pack, each in a process of its own. See the README's Benchmark section.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args.Length > 0 && args[0] == "--measure")
{
    // Child: --measure <operation> <database> <warm-up database> <output> <year> <today>
    return await Measurement.RunAsync(
        new MeasureRequest(args[1], args[2], args[3], args[4], int.Parse(args[5], CultureInfo.InvariantCulture),
            DateOnly.ParseExact(args[6], "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        cancellation.Token);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

return await new BenchmarkRun(options).RunAsync(cancellation.Token);
