using System.Globalization;

namespace SpPlus.Benchmarks;

/// <summary>The size of the generated data set and what the harness does with the figures.</summary>
public sealed record BenchmarkOptions
{
    public int Structures { get; init; } = 100;

    public int Quarters { get; init; } = 40;

    public int Experiences { get; init; } = 50_000;

    /// <summary>With <c>--check</c> the exit code is 1 when a target is missed.</summary>
    public bool Check { get; init; }

    /// <summary>Keeps the temporary folder (database, produced files) for a look afterwards.</summary>
    public bool Keep { get; init; }

    /// <summary>Runs the measuring processes with the server garbage collector, as the web application runs.</summary>
    public bool ServerGc { get; init; }

    public const string Usage =
        """
        Usage: dotnet run -c Release --project benchmarks/SpPlus.Benchmarks -- [options]

          --structures N    active structures (default 100, at least 1)
          --quarters N      published quarters per structure, ending with the last full year (default 40)
          --experiences N   users' experiences over the last three years (default 50000)
          --check           exit code 1 when a target is missed
          --server-gc       measure with the server garbage collector (as the web application runs)
          --keep            keep the temporary folder (database, xlsx, pdf, csv) and print where it is
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--structures" => options with { Structures = Positive(args, ++i) },
                "--quarters" => options with { Quarters = Positive(args, ++i) },
                "--experiences" => options with { Experiences = NonNegative(args, ++i) },
                "--check" => options with { Check = true },
                "--keep" => options with { Keep = true },
                "--server-gc" => options with { ServerGc = true },
                _ => throw new ArgumentException($"Unknown option: {args[i]}"),
            };
        }

        return options;
    }

    private static int Positive(IReadOnlyList<string> args, int index)
    {
        var value = NonNegative(args, index);
        return value > 0 ? value : throw new ArgumentException($"{args[index - 1]} needs a number above 0.");
    }

    private static int NonNegative(IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"{args[index - 1]} needs a number.");
        }

        return value;
    }
}
