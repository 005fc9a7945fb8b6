using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Imports;

/// <summary>The outcome of reading an uploaded template: the entries, or every error found in the file.</summary>
public sealed record QuarterlyTemplateReadResult(IReadOnlyList<IndicatorEntry> Entries, IReadOnlyList<TemplateError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads an uploaded quarterly template. The whole file is checked before anything is returned: size, that it is an
/// xlsx (a zip with the workbook parts, of bounded expanded size), the marker (structure and quarter), the indicator
/// codes, numbers in the number cells, then <see cref="IndicatorMath.Validate"/> per line. Every error is listed.
/// </summary>
public static class QuarterlyTemplateReader
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const long MaxExpandedBytes = 20 * 1024 * 1024;
    public const int MaxEntries = 200;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task<QuarterlyTemplateReadResult> ReadAsync(
        Stream input, QuarterlyTemplateTarget expected, IReadOnlyCollection<ApplicableIndicator> indicators, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(limited, cancellationToken)) > 0)
        {
            buffer.Write(limited, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                return Fail(null, null, "Le fichier dépasse 2 Mo.");
            }
        }

        buffer.Position = 0;
        var container = CheckContainer(buffer);
        if (container is not null)
        {
            return Fail(null, null, container);
        }

        buffer.Position = 0;
        List<IDictionary<string, object?>> markerRows;
        List<IDictionary<string, object?>> entryRows;
        try
        {
            var sheets = MiniExcel.GetSheetNames(buffer);
            if (!sheets.Contains(QuarterlyTemplate.MarkerSheet) || !sheets.Contains(QuarterlyTemplate.EntrySheet))
            {
                return Fail(null, null, "Ce fichier n'est pas un modèle de saisie SpPlus : téléchargez le modèle depuis la page du rapport.");
            }

            buffer.Position = 0;
            markerRows = Rows(MiniExcel.Query(buffer, useHeaderRow: false, sheetName: QuarterlyTemplate.MarkerSheet));
            buffer.Position = 0;
            entryRows = Rows(MiniExcel.Query(buffer, useHeaderRow: false, sheetName: QuarterlyTemplate.EntrySheet));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or IOException or ArgumentException or NotSupportedException)
        {
            return Fail(null, null, "Ce fichier n'est pas un classeur Excel (.xlsx) lisible.");
        }

        var marker = markerRows.Select(r => Text(r, "A")).ToList();
        if (marker.Count < 3 || marker[0] != QuarterlyTemplate.Marker)
        {
            return Fail(null, null, "Ce fichier n'est pas un modèle de saisie SpPlus : téléchargez le modèle depuis la page du rapport.");
        }

        if (marker[1] != expected.StructureSlug || marker[2] != expected.Quarter.ToSlug())
        {
            var name = marker.Count > 3 && !string.IsNullOrWhiteSpace(marker[3]) ? marker[3] : marker[1];
            var quarter = Quarter.TryParse(marker[2], out var q) ? q.ToString() : marker[2];
            return Fail(QuarterlyTemplate.MarkerSheet, null,
                $"Ce fichier a été préparé pour {name}, {quarter}, pas pour {expected.StructureName}, {expected.Quarter}.");
        }

        var byCode = indicators.Where(i => !i.IsComputed).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new List<TemplateError>();
        var entries = new List<IndicatorEntry>();
        var seen = new HashSet<int>();
        for (var index = 1; index < entryRows.Count; index++)
        {
            var row = entryRows[index];
            var line = index + 1;
            var code = Text(row, "A");
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            if (!byCode.TryGetValue(code.Trim(), out var indicator))
            {
                errors.Add(new(QuarterlyTemplate.EntrySheet, $"A{line}", $"le code « {code} » n'est pas un indicateur à saisir pour ce rapport."));
                continue;
            }

            if (!seen.Add(indicator.Id))
            {
                errors.Add(new(QuarterlyTemplate.EntrySheet, $"A{line}", $"l'indicateur {indicator.Code} figure deux fois."));
                continue;
            }

            var before = errors.Count;
            var numerator = Integer(row, "F", line, errors);
            var denominator = Integer(row, "G", line, errors);
            var value = Number(row, "H", line, errors);
            var count = Integer(row, "I", line, errors);
            var notApplicableText = Text(row, "J")?.Trim().ToLowerInvariant();
            var notApplicable = notApplicableText is "oui" or "o" or "x";
            if (notApplicableText is not (null or "" or "oui" or "o" or "x" or "non" or "n"))
            {
                errors.Add(new(QuarterlyTemplate.EntrySheet, $"J{line}", $"« {Text(row, "J")} » : écrivez « oui » ou « non »."));
            }

            if (errors.Count > before)
            {
                continue;
            }

            var entry = new IndicatorEntry(indicator.Id, numerator, denominator, value, count, notApplicable,
                Clean(Text(row, "K")), Clean(Text(row, "L")));
            if (!entry.IsBlank)
            {
                foreach (var message in IndicatorMath.Validate(indicator.ToIndicator(), entry.Figures, entry.NotApplicableReason))
                {
                    errors.Add(new(QuarterlyTemplate.EntrySheet, CellOf(indicator.Kind, entry, line), message));
                }
            }

            entries.Add(entry);
        }

        return new QuarterlyTemplateReadResult(errors.Count == 0 ? entries : [], errors);
    }

    /// <summary>Null when the stream is a zip with the parts of a workbook of bounded expanded size; otherwise the French reason.</summary>
    private static string? CheckContainer(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return "Le fichier décompressé est trop volumineux.";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxExpandedBytes)
                {
                    return "Le fichier décompressé est trop volumineux.";
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
            {
                return "Ce fichier n'est pas un classeur Excel (.xlsx).";
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "Ce fichier n'est pas un classeur Excel (.xlsx).";
        }
    }

    private static string CellOf(IndicatorKind kind, IndicatorEntry entry, int line) => entry.IsNotApplicable
        ? $"K{line}"
        : kind switch
        {
            IndicatorKind.Ratio => $"F{line}",
            IndicatorKind.Average => $"H{line}",
            _ => $"H{line}",
        };

    private static List<IDictionary<string, object?>> Rows(IEnumerable<dynamic> rows) =>
        rows.Select(r => (IDictionary<string, object?>)r).Take(2000).ToList();

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? Number(IDictionary<string, object?> row, string column, int line, List<TemplateError> errors)
    {
        if (!row.TryGetValue(column, out var value) || value is null || value is string { Length: 0 })
        {
            return null;
        }

        switch (value)
        {
            case double d:
                return d;
            case int or long or decimal or float:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, French, out var parsed)
                || double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed):
                return parsed;
            default:
                errors.Add(new(QuarterlyTemplate.EntrySheet, $"{column}{line}", $"« {Convert.ToString(value, CultureInfo.InvariantCulture)} » n'est pas un nombre."));
                return null;
        }
    }

    private static int? Integer(IDictionary<string, object?> row, string column, int line, List<TemplateError> errors)
    {
        var before = errors.Count;
        var number = Number(row, column, line, errors);
        if (errors.Count > before || number is null)
        {
            return null;
        }

        if (number.Value != Math.Floor(number.Value) || number.Value < 0 || number.Value > int.MaxValue)
        {
            errors.Add(new(QuarterlyTemplate.EntrySheet, $"{column}{line}", $"« {number.Value.ToString(French)} » n'est pas un nombre entier positif."));
            return null;
        }

        return (int)number.Value;
    }

    private static QuarterlyTemplateReadResult Fail(string? sheet, string? cell, string message) => new([], [new(sheet, cell, message)]);
}
