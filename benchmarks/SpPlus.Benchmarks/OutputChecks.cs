using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SpPlus.Benchmarks;

/// <summary>What the produced files hold, read back without a spreadsheet or PDF library: a benchmark of a broken file is worthless.</summary>
public static partial class OutputChecks
{
    /// <summary>The first sheet of a workbook (by the workbook's order): its name and its number of rows, header included.</summary>
    public static (string Name, long Rows, int Sheets) FirstSheet(string xlsxPath)
    {
        using var zip = ZipFile.OpenRead(xlsxPath);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace package = "http://schemas.openxmlformats.org/package/2006/relationships";

        var workbook = Load(zip, "xl/workbook.xml");
        var sheets = workbook.Descendants(main + "sheet").ToList();
        var first = sheets.FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheet.");
        var relationId = (string?)first.Attribute(relationships + "id");
        var target = Load(zip, "xl/_rels/workbook.xml.rels").Descendants(package + "Relationship")
            .Single(r => (string?)r.Attribute("Id") == relationId)
            .Attribute("Target")!.Value.TrimStart('/');
        var entryName = target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target;
        var entry = zip.GetEntry(entryName) ?? throw new InvalidDataException($"The workbook has no {entryName}.");
        using var stream = entry.Open();
        return ((string?)first.Attribute("name") ?? "", Count(stream, "<row"), sheets.Count);
    }

    public static long CsvDataLines(string csvPath) => File.ReadLines(csvPath, Encoding.UTF8).LongCount() - 1;

    /// <summary>Whether the file starts as a PDF and ends with its end-of-file marker, and its number of pages (page objects).</summary>
    public static (bool IsPdf, int Pages) Pdf(string pdfPath)
    {
        var bytes = File.ReadAllBytes(pdfPath);
        var text = Encoding.Latin1.GetString(bytes);
        var isPdf = text.StartsWith("%PDF-", StringComparison.Ordinal) && text.TrimEnd().EndsWith("%%EOF", StringComparison.Ordinal);
        var pages = PageObject().Count(text);
        return (isPdf, pages);
    }

    /// <summary>A page object's type entry, "/Type /Page" or "/Type/Page", not the "/Pages" tree.</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidDataException($"The workbook has no {name}.")).Open();
        return XDocument.Load(stream);
    }

    /// <summary>Occurrences of an ASCII marker in a stream read by blocks (the marker may straddle two blocks).</summary>
    private static long Count(Stream stream, string marker)
    {
        var pattern = Encoding.ASCII.GetBytes(marker);
        var buffer = new byte[1 << 16];
        var carried = 0;
        long count = 0;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            var span = buffer.AsSpan(0, length);
            var start = 0;
            int found;
            while ((found = span[start..].IndexOf(pattern)) >= 0)
            {
                // "<row" and not "<rows..." or another element starting the same way.
                var after = start + found + pattern.Length;
                if (after >= length)
                {
                    break;
                }

                if (span[after] is (byte)' ' or (byte)'>')
                {
                    count++;
                }

                start = after;
            }

            // Keep the tail that could begin a marker cut by the block's end.
            var keep = Math.Min(pattern.Length, length - start);
            span[(length - keep)..].CopyTo(buffer);
            carried = keep;
        }

        return count;
    }
}
