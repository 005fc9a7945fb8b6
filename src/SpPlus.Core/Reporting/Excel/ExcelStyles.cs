using System.Drawing;
using System.Globalization;
using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>The styles of one export workbook: registered once per spreadsheet.</summary>
internal sealed record ExcelStyleSet(StyleId Header, StyleId Decimal);

/// <summary>
/// What the Excel exports share: dates written as date cells shown dd/MM/yyyy, a bold filled header row, the first row
/// frozen, an autofilter over the header, set column widths, "Oui"/"Non" for flags and valid sheet names.
/// </summary>
internal static class ExcelStyles
{
    /// <summary>The longest sheet name a workbook accepts.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>The last row of a worksheet: the autofilter covers whole columns, the row count being unknown while streaming.</summary>
    private const int LastRow = 1_048_576;

    private static readonly char[] ForbiddenSheetChars = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Dates as real date cells, shown the French way.</summary>
    public static SpreadCheetahOptions Options() => new() { DefaultDateTimeFormat = NumberFormat.Custom("dd/mm/yyyy") };

    public static ExcelStyleSet Register(Spreadsheet spreadsheet) => new(
        spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true, Color = Color.White },
            Fill = { Color = Color.FromArgb(0, 0, 145) },
        }),
        spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") }));

    /// <summary>Starts a sheet with its widths, the frozen header row and the autofilter, and writes the header.</summary>
    public static async Task StartSheetAsync(
        Spreadsheet spreadsheet, string name, IReadOnlyList<string> headers, IReadOnlyList<double> widths, ExcelStyleSet styles, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions($"A1:{ColumnName(headers.Count)}{LastRow}"),
        };
        for (var i = 0; i < headers.Count; i++)
        {
            options.Column(i + 1).Width = i < widths.Count ? widths[i] : 16;
        }

        await spreadsheet.StartWorksheetAsync(name, options, cancellationToken);
        await spreadsheet.AddHeaderRowAsync(headers.ToArray(), styles.Header, cancellationToken);
    }

    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = new StringBuilder();
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name.Insert(0, (char)('A' + remainder));
            number = (number - 1) / 26;
        }

        return name.ToString();
    }

    public static Cell Date(DateOnly? date) => date is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue)) : new Cell();

    /// <summary>A UTC instant as its calendar day in Europe/Paris.</summary>
    public static Cell Date(DateTime? utc) => utc is { } u
        ? Date(Common.LocalTime.DateOf(u))
        : new Cell();

    public static Cell YesNo(bool value) => new(value ? "Oui" : "Non");

    public static Cell Text(string? text) => text is null ? new Cell() : new Cell(text);

    /// <summary>A date in a file name: 2026-11-28.</summary>
    public static string FileDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A valid sheet name from <paramref name="name"/>: forbidden characters replaced, no leading or trailing quote,
    /// at most 31 characters, and unique (ignoring case) among <paramref name="used"/>, which it is added to.
    /// </summary>
    public static string SheetName(string name, ISet<string> used)
    {
        var clean = new string(name.Select(c => ForbiddenSheetChars.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim().Trim('\'').Trim();
        if (clean.Length == 0)
        {
            clean = "Feuille";
        }

        var candidate = Truncate(clean, MaxSheetNameLength);
        for (var n = 2; used.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Truncate(clean, MaxSheetNameLength - suffix.Length).TrimEnd().TrimEnd('\'') + suffix;
        }

        used.Add(candidate);
        return candidate;
    }

    public static HashSet<string> SheetNames(params string[] reserved) => new(reserved, StringComparer.OrdinalIgnoreCase);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd().TrimEnd('\'');
}
