using System.IO.Compression;
using System.Text;
using SpPlus.Core.Common;
using SpPlus.Core.Imports;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Excel;
using SpreadCheetah;

namespace SpPlus.Core.Tests.Imports;

public class QuarterlyTemplateTests
{
    private static readonly QuarterlyTemplateTarget Ddt = new("ddt-aube", "DDT de l'Aube", new Quarter(2026, 3));

    private static readonly ApplicableIndicator Ratio = new(1, "TAUX-DECROCHE", "Taux de décroché", null, null, "Appels décrochés", "Appels reçus",
        IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 0, 100, IndicatorSource.Entered, null, 85);

    private static readonly ApplicableIndicator Average = new(2, "ATTENTE", "Temps d'attente moyen", null, null, null, null,
        IndicatorKind.Average, IndicatorUnit.Minutes, IndicatorDirection.LowerIsBetter, 0, 600, IndicatorSource.Entered, null, 20);

    private static readonly ApplicableIndicator[] Indicators = [Ratio, Average];

    private static async Task<MemoryStream> TemplateAsync(QuarterlyTemplateTarget target, params IndicatorEntry?[] current)
    {
        var stream = new MemoryStream();
        await QuarterlyTemplateWriter.WriteAsync(stream, target, Indicators.Select((i, n) => new QuarterlyTemplateLine(i, current.ElementAtOrDefault(n))));
        stream.Position = 0;
        return stream;
    }

    /// <summary>A file as a user returns it: the marker sheet and the given rows under the header.</summary>
    private static async Task<MemoryStream> FilledAsync(QuarterlyTemplateTarget target, params Cell[][] rows)
    {
        var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync(QuarterlyTemplate.EntrySheet);
            await spreadsheet.AddRowAsync(QuarterlyTemplate.Headers.Select(h => new Cell(h)).ToArray());
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(row);
            }

            await spreadsheet.StartWorksheetAsync(QuarterlyTemplate.MarkerSheet);
            await spreadsheet.AddRowAsync([new Cell(QuarterlyTemplate.Marker)]);
            await spreadsheet.AddRowAsync([new Cell(target.StructureSlug)]);
            await spreadsheet.AddRowAsync([new Cell(target.Quarter.ToSlug())]);
            await spreadsheet.AddRowAsync([new Cell(target.StructureName)]);
            await spreadsheet.FinishAsync();
        }

        stream.Position = 0;
        return stream;
    }

    private static Cell[] Row(string code, Cell numerator, Cell denominator, Cell value, Cell count, string notApplicable = "non", string? reason = null) =>
        [new(code), new("libellé"), new("type"), new("unité"), new(85), numerator, denominator, value, count, new(notApplicable), new(reason), new("")];

    private static Task<QuarterlyTemplateReadResult> ReadAsync(Stream stream) => QuarterlyTemplateReader.ReadAsync(stream, Ddt, Indicators);

    [Fact]
    public async Task A_downloaded_template_reads_back_the_same_figures()
    {
        IndicatorEntry ratio = new(1, 90, 100, null, null, false, null, "Un agent en congé");
        IndicatorEntry average = new(2, null, null, 12.5, 40, false, null, null);

        var template = await TemplateAsync(Ddt, ratio, average);
        var result = await ReadAsync(template);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal([ratio, average], result.Entries);
        // Laid out like every export: styled and frozen header, filter, widths.
        Tests.Reporting.Excel.ExcelTestData.AssertSheetLayout(template.ToArray(), 1, QuarterlyTemplate.Headers.Length);
    }

    [Fact]
    public async Task A_filled_template_gives_the_entries()
    {
        var file = await FilledAsync(Ddt,
            Row("TAUX-DECROCHE", new(45), new(50), new(""), new("")),
            Row("ATTENTE", new(""), new(""), new("12,5"), new(8)));

        var result = await ReadAsync(file);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(new IndicatorEntry(1, 45, 50, null, null, false, null, null), result.Entries[0]);
        Assert.Equal(new IndicatorEntry(2, null, null, 12.5, 8, false, null, null), result.Entries[1]);
    }

    [Fact]
    public async Task A_text_file_renamed_and_random_bytes_are_not_workbooks()
    {
        var text = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("Ceci n'est pas un classeur.")));
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var random = await ReadAsync(new MemoryStream(bytes));

        Assert.Equal("Ce fichier n'est pas un classeur Excel (.xlsx).", Assert.Single(text.Errors).Message);
        Assert.Equal("Ce fichier n'est pas un classeur Excel (.xlsx).", Assert.Single(random.Errors).Message);
    }

    [Fact]
    public async Task A_workbook_without_the_marker_is_refused()
    {
        var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync("Feuil1");
            await spreadsheet.AddRowAsync([new Cell("TAUX-DECROCHE"), new Cell(12)]);
            await spreadsheet.FinishAsync();
        }

        stream.Position = 0;
        var result = await ReadAsync(stream);

        Assert.StartsWith("Ce fichier n'est pas un modèle de saisie SpPlus", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_of_another_structure_or_quarter_is_refused()
    {
        var other = await ReadAsync(await TemplateAsync(new QuarterlyTemplateTarget("ddetspp-aube", "DDETSPP de l'Aube", new Quarter(2026, 3))));
        var earlier = await ReadAsync(await TemplateAsync(Ddt with { Quarter = new Quarter(2026, 2) }));

        Assert.Equal("Ce fichier a été préparé pour DDETSPP de l'Aube, T3 2026, pas pour DDT de l'Aube, T3 2026.", Assert.Single(other.Errors).Message);
        Assert.Equal("Ce fichier a été préparé pour DDT de l'Aube, T2 2026, pas pour DDT de l'Aube, T3 2026.", Assert.Single(earlier.Errors).Message);
    }

    [Fact]
    public async Task Every_error_is_listed_at_once_with_its_cell()
    {
        var file = await FilledAsync(Ddt,
            Row("TAUX-DECROCHE", new("douze"), new(50), new(""), new("")),
            Row("ATTENTE", new(""), new(""), new(12), new(0)),
            Row("INCONNU", new(1), new(2), new(""), new("")));
        var overDenominator = await FilledAsync(Ddt, Row("TAUX-DECROCHE", new(60), new(50), new(""), new("")));

        var result = await ReadAsync(file);
        var ratio = await ReadAsync(overDenominator);

        Assert.Equal(
        [
            "Feuille Saisie, cellule F2 : « douze » n'est pas un nombre.",
            "Feuille Saisie, cellule H3 : Le nombre de mesures doit être supérieur à 0.",
            "Feuille Saisie, cellule A4 : le code « INCONNU » n'est pas un indicateur à saisir pour ce rapport.",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Entries);
        Assert.Equal("Feuille Saisie, cellule F2 : Le numérateur ne peut pas dépasser le dénominateur.", Assert.Single(ratio.Errors).ToString());
    }

    [Fact]
    public async Task A_file_over_two_megabytes_is_refused()
    {
        var bytes = new byte[(2 * 1024 * 1024) + 1];

        var result = await ReadAsync(new MemoryStream(bytes));

        Assert.Equal("Le fichier dépasse 2 Mo.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_being_expanded()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("xl/workbook.xml");
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            await using var content = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 21; i++)
            {
                await content.WriteAsync(zeros);
            }
        }

        Assert.True(stream.Length < 200 * 1024);
        stream.Position = 0;
        var result = await ReadAsync(stream);

        Assert.Equal("Le fichier décompressé est trop volumineux.", Assert.Single(result.Errors).Message);
    }
}
