using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;

namespace SpPlus.Core.Tests.Reporting.Excel;

/// <summary>The reference data on 28/11/2026, the export written to memory, and readers of the workbook (values and sheet XML).</summary>
internal static class ExcelTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 28);

    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static async Task<TestDatabase> ArrangeAsync()
    {
        var services = await TestDatabase.CreateEmptyAsync();
        services.Time.SetUtcNow(Now);
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        return services;
    }

    public static Task<Dictionary<string, int>> StructureIdsAsync(TestDatabase services) =>
        services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Structures.ToDictionaryAsync(s => s.Slug, s => s.Id));

    public static Task<byte[]> WriteAsync(TestDatabase services, Func<SpPlusDbContext, Stream, Task> write) =>
        services.RunAsync(async sp =>
        {
            using var output = new MemoryStream();
            await write(sp.GetRequiredService<SpPlusDbContext>(), output);
            return output.ToArray();
        });

    public static List<string> SheetNames(byte[] workbook) => MiniExcel.GetSheetNames(new MemoryStream(workbook));

    public static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet) =>
        MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .ToList();

    /// <summary>The XML of the sheet at <paramref name="index"/> (1-based, in the workbook's order).</summary>
    public static XDocument SheetXml(byte[] workbook, int index) => Entry(workbook, $"xl/worksheets/sheet{index}.xml");

    /// <summary>Every part of the workbook as text: to prove a value is nowhere in the file.</summary>
    public static string AllText(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    /// <summary>The cell at <paramref name="reference"/> (e.g. "L2") of a sheet's XML.</summary>
    public static XElement Cell(XDocument sheet, string reference)
    {
        var cells = sheet.Descendants(Main + "c").ToList();
        var byReference = cells.FirstOrDefault(c => (string?)c.Attribute("r") == reference);
        if (byReference is not null)
        {
            return byReference;
        }

        // Cells written without references: find them by position.
        var column = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);
        var row = int.Parse(reference[reference.TakeWhile(char.IsLetter).Count()..]);
        var rowElement = sheet.Descendants(Main + "row").ElementAt(row - 1);
        return rowElement.Elements(Main + "c").ElementAt(column - 1);
    }

    /// <summary>Whether a cell holds a number (no shared or inline string type) with a value.</summary>
    public static bool IsNumber(XElement cell) =>
        cell.Attribute("t") is null or { Value: "n" } && cell.Element(Main + "v") is not null;

    /// <summary>The number format code of a cell's style ("General" without a style).</summary>
    public static string FormatCode(byte[] workbook, XElement cell)
    {
        var styleIndex = (int?)cell.Attribute("s") ?? 0;
        var styles = Entry(workbook, "xl/styles.xml");
        var xf = styles.Descendants(Main + "cellXfs").Elements(Main + "xf").ElementAt(styleIndex);
        var formatId = (int?)xf.Attribute("numFmtId") ?? 0;
        var custom = styles.Descendants(Main + "numFmt").FirstOrDefault(f => (int)f.Attribute("numFmtId")! == formatId);
        return custom is not null ? (string)custom.Attribute("formatCode")! : formatId == 0 ? "General" : $"builtin:{formatId}";
    }

    /// <summary>Checks the layout every export shares: frozen first row, autofilter from A1 over the header, column widths, bold header.</summary>
    public static void AssertSheetLayout(byte[] workbook, int index, int columns)
    {
        var sheet = SheetXml(workbook, index);
        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("A2", (string?)pane.Attribute("topLeftCell"));
        var filter = (string?)sheet.Descendants(Main + "autoFilter").Single().Attribute("ref");
        Assert.NotNull(filter);
        Assert.StartsWith("A1:", filter);
        Assert.StartsWith(ColumnName(columns), filter[3..]);
        Assert.Equal(columns, sheet.Descendants(Main + "col").Count(c => c.Attribute("width") is not null));

        var header = Cell(sheet, "A1");
        var styles = Entry(workbook, "xl/styles.xml");
        var xf = styles.Descendants(Main + "cellXfs").Elements(Main + "xf").ElementAt((int?)header.Attribute("s") ?? 0);
        var font = styles.Descendants(Main + "fonts").Elements(Main + "font").ElementAt((int?)xf.Attribute("fontId") ?? 0);
        Assert.NotNull(font.Element(Main + "b"));
        var fill = styles.Descendants(Main + "fills").Elements(Main + "fill").ElementAt((int?)xf.Attribute("fillId") ?? 0);
        Assert.Equal("solid", (string?)fill.Element(Main + "patternFill")?.Attribute("patternType"));
    }

    public static void AssertDateCell(byte[] workbook, XDocument sheet, string reference, DateOnly expected)
    {
        var cell = Cell(sheet, reference);
        Assert.True(IsNumber(cell), $"{reference} is not a number cell");
        Assert.Equal("dd/mm/yyyy", FormatCode(workbook, cell));
        var serial = double.Parse(cell.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DateOnly.FromDateTime(DateTime.FromOADate(serial)));
    }

    public static double Number(XDocument sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        Assert.True(IsNumber(cell), $"{reference} is not a number cell");
        return double.Parse(cell.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            name = (char)('A' + (number - 1) % 26) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static XDocument Entry(byte[] workbook, string path)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }
}
