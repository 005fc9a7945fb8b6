using System.Globalization;
using System.Text.RegularExpressions;

namespace SpPlus.Core.Common;

/// <summary>A calendar quarter, shown "T3 2026", stored as a year and a number (1 to 4).</summary>
public readonly partial record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        if (!IsNumber(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter is numbered 1 to 4.");
        }

        if (!IsYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year out of range.");
        }

        Year = year;
        Number = number;
    }

    /// <summary>The years a quarter can belong to (2000 to 2100): what the pages and documents accept.</summary>
    public static bool IsYear(int year) => year is >= 2000 and <= 2100;

    /// <summary>1 to 4.</summary>
    public static bool IsNumber(int number) => number is >= 1 and <= 4;

    public int Year { get; }

    public int Number { get; }

    /// <summary>A sortable integer: 20263 for T3 2026.</summary>
    public int Key => Year * 10 + Number;

    /// <summary>First day of the quarter.</summary>
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>Last day of the quarter.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Containing(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static Quarter FromKey(int key) => new(key / 10, key % 10);

    /// <summary>The <paramref name="count"/> quarters ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<Quarter> Range(Quarter last, int count)
    {
        var quarters = new Quarter[count];
        var current = last;
        for (var i = count - 1; i >= 0; i--)
        {
            quarters[i] = current;
            current = current.Previous;
        }

        return quarters;
    }

    /// <summary>Reads "T3 2026", "t3-2026", "2026-T3" or "2026T3".</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = QuarterPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["n1"].Success ? match.Groups["n1"].Value : match.Groups["n2"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        quarter = new Quarter(year, number);
        return true;
    }

    public int CompareTo(Quarter other) => Key.CompareTo(other.Key);

    public static bool operator <(Quarter left, Quarter right) => left.Key < right.Key;

    public static bool operator >(Quarter left, Quarter right) => left.Key > right.Key;

    public static bool operator <=(Quarter left, Quarter right) => left.Key <= right.Key;

    public static bool operator >=(Quarter left, Quarter right) => left.Key >= right.Key;

    /// <summary>"T3 2026".</summary>
    public override string ToString() => $"T{Number} {Year}";

    /// <summary>"2026-T3": used in addresses and file names.</summary>
    public string ToSlug() => $"{Year}-T{Number}";

    [GeneratedRegex(@"^(?:[Tt](?<n1>[1-4])[\s\-_]*(?<y1>\d{4})|(?<y2>\d{4})[\s\-_]*[Tt](?<n2>[1-4]))$")]
    private static partial Regex QuarterPattern();
}
