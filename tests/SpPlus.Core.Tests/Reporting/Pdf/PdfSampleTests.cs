using SpPlus.Core.Reporting.Pdf;
using UglyToad.PdfPig;

namespace SpPlus.Core.Tests.Reporting.Pdf;

/// <summary>
/// Builds a sample using every block, checks it, and writes it to the folder named by SPPLUS_PDF_SAMPLE_DIR when
/// that variable is set, to look at the rendered pages.
/// </summary>
public class PdfSampleTests
{
    public static byte[] BuildSample(PdfOrientation orientation)
    {
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = "Résultats de qualité de service — DDT de l'Aube",
            Subtitle = "1er trimestre 2026 · données publiées au 07/04/2026",
            HeaderText = "Préfecture de l'Aube",
            GeneratedAt = new DateTime(2026, 4, 7),
            Orientation = orientation,
        });

        report.KeyFigures(
        [
            new KeyFigure("87 %", "Usagers satisfaits de l'accueil", "Cible : 80 %", PdfTone.Green),
            new KeyFigure("3,5 j", "Délai moyen de réponse aux courriels"),
            new KeyFigure("142", "Expériences usagers publiées", "dont 12 « à revoir »", PdfTone.Red),
            new KeyFigure("12", "Réclamations traitées"),
        ]);
        report.Heading("Synthèse");
        report.Paragraph(
            "Au 1er trimestre, la DDT a maintenu son engagement d'accueil : 87\u00A0% des usagers se déclarent satisfaits, " +
            "soit 4 points de plus qu'au trimestre précédent. Les délais de réponse aux courriels restent supérieurs à " +
            "l'objectif national ; une action « cœur de métier » est inscrite au plan d'amélioration (coût estimé : 1\u00A0200\u00A0€).");
        report.Paragraph("Source : saisies des structures, validées par le référent Services Publics +.", PdfTextStyle.Muted);
        report.BarChart(
            "Taux de décroché téléphonique par structure",
            [
                new PdfBarItem("Préfecture de l'Aube", 92.5, "92,5 %"),
                new PdfBarItem("Sous-préfecture de Nogent-sur-Seine", 64, "64 %", PdfTone.Red),
                new PdfBarItem("Sous-préfecture de Bar-sur-Aube", 81, "81 %"),
                new PdfBarItem("DDT", 88, "88 %", PdfTone.Green),
                new PdfBarItem("DDETSPP", 77.3, "77,3 %"),
            ],
            max: 100,
            axisLabel: v => PdfReport.FormatNumber(v) + " %");
        report.LineChart(
            "Délai moyen de réponse (jours)",
            ["T2 2025", "T3 2025", "T4 2025", "T1 2026"],
            [new PdfLineSeries("Préfecture", [5.2, 4.8, null, 3.5]), new PdfLineSeries("DDT", [6, 5.5, 4.1, 3.9]), new PdfLineSeries("DDETSPP", [null, 7, 6.2, 5])],
            target: 5);
        var table = new PdfTable(
            [
                new PdfColumn("Code", 1),
                new PdfColumn("Indicateur", 4),
                new PdfColumn("Structure", 2.5),
                new PdfColumn("Résultat", 1.2, PdfAlign.Right),
                new PdfColumn("Cible", 1, PdfAlign.Right),
                new PdfColumn("État", 1.3, PdfAlign.Center),
            ],
            caption: "Résultats détaillés par indicateur");
        for (var i = 1; i <= 45; i++)
        {
            var late = i % 6 == 0;
            table.AddRow(
                new PdfCell($"I-{i:00}", Bold: true),
                new PdfCell(i % 5 == 0
                    ? "Taux de réponse aux sollicitations écrites dans un délai de cinq jours ouvrés, mesuré sur l'échantillon du trimestre"
                    : "Taux de satisfaction à l'accueil"),
                new PdfCell(i % 3 == 0 ? "Sous-préfecture de Nogent-sur-Seine" : "DDT"),
                new PdfCell($"{60 + (i % 40)},{i % 10} %", Tone: late ? PdfTone.Red : PdfTone.Default),
                new PdfCell("80 %"),
                new PdfCell(late ? "En retard" : "Publié", Tone: late ? PdfTone.Red : PdfTone.Green));
        }

        report.Table(table);
        report.KeepTogether(140).Heading("Retrouvez nos résultats en ligne", 2);
        report.QrCode("https://spplus.example.fr/public/resultats/ddt-10", 90, PdfAlign.Left, "Scannez pour voir les résultats publiés.");
        return report.ToArray();
    }

    [Theory]
    [InlineData(PdfOrientation.Portrait)]
    [InlineData(PdfOrientation.Landscape)]
    public void The_sample_uses_every_block_and_numbers_its_pages(PdfOrientation orientation)
    {
        var pdf = BuildSample(orientation);

        using var document = PdfDocument.Open(pdf);
        var count = document.NumberOfPages;
        Assert.True(count >= 2);
        var pages = document.GetPages().ToList();
        for (var p = 0; p < count; p++)
        {
            Assert.Contains($"page {p + 1} / {count}", pages[p].Text);
            Assert.Contains("Préfecture de l'Aube", pages[p].Text);
        }

        var all = string.Concat(pages.Select(p => p.Text));
        Assert.Contains("1\u00A0200\u00A0€", all);
        Assert.Contains("I-45", all);
        Assert.Contains(pages, p => p.GetImages().Any());

        var folder = Environment.GetEnvironmentVariable("SPPLUS_PDF_SAMPLE_DIR");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"sample-{orientation.ToString().ToLowerInvariant()}.pdf"), pdf);
        }
    }
}
