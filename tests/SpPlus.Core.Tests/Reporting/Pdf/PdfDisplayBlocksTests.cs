using SpPlus.Core.Reporting.Pdf;
using UglyToad.PdfPig;

namespace SpPlus.Core.Tests.Reporting.Pdf;

/// <summary>The blocks for documents read from a distance: large text, status rows, numbered items, the QR callout.</summary>
public class PdfDisplayBlocksTests
{
    private static byte[] Build(Action<PdfReport> content, double titleSize = PdfTheme.TitleSize)
    {
        using var report = new PdfReport(new PdfReportOptions { Title = "Affiche", TitleSize = titleSize, GeneratedAt = new DateTime(2026, 7, 15) });
        content(report);
        return report.ToArray();
    }

    [Fact]
    public void Status_rows_print_label_detail_value_and_status_text_and_draw_a_mark_per_status()
    {
        var pdf = Build(r => r.StatusRows(
        [
            new PdfStatusRow("Taux de décroché", "87,5\u00A0%", "Objectif : 85\u00A0%", PdfStatus.Positive, "Objectif atteint"),
            new PdfStatusRow("Attente au guichet", "25,5\u00A0min", "Objectif : 20\u00A0min", PdfStatus.Negative, "Objectif non atteint"),
            new PdfStatusRow("Satisfaction", "Non applicable"),
        ]));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        foreach (var expected in new[] { "Taux de décroché", "87,5\u00A0%", "Objectif : 85\u00A0%", "Objectif atteint", "25,5\u00A0min", "Objectif non atteint", "Non applicable" })
        {
            Assert.Contains(expected, page.Text);
        }

        // The value is large: bigger letters than the label's.
        var valueSize = page.Letters.Where(l => l.Value == "8").Max(l => l.PointSize);
        var labelSize = page.Letters.Where(l => l.Value == "T").Max(l => l.PointSize);
        Assert.True(valueSize > labelSize + 5, $"value {valueSize} pt, label {labelSize} pt");
        // Three rows in three y positions, top to bottom in the given order.
        var tops = new[] { "Taux de décroché", "Attente au guichet", "Satisfaction" }
            .Select(label => page.GetWords().First(w => label.StartsWith(w.Text, StringComparison.Ordinal)).BoundingBox.Top).ToList();
        Assert.True(tops[0] > tops[1] && tops[1] > tops[2]);
    }

    [Fact]
    public void Many_status_rows_flow_over_pages_without_losing_or_splitting_a_row()
    {
        var rows = Enumerable.Range(1, 40).Select(i => new PdfStatusRow($"Indicateur-{i:00}", $"{i},5\u00A0%", $"Détail-{i:00}", PdfStatus.Positive, "Objectif atteint")).ToList();

        using var document = PdfDocument.Open(Build(r => r.StatusRows(rows)));

        Assert.True(document.NumberOfPages >= 2);
        var pages = document.GetPages().Select(p => p.Text).ToList();
        for (var i = 1; i <= 40; i++)
        {
            var page = Assert.Single(pages, t => t.Contains($"Indicateur-{i:00}", StringComparison.Ordinal));
            Assert.Contains($"Détail-{i:00}", page);
        }
    }

    [Fact]
    public void Banner_numbered_items_and_the_QR_callout_print_their_text_and_the_title_size_is_an_option()
    {
        var pdf = Build(
            r => r.Banner("Préfecture de l'Aube", 22)
                .NumberedItems([new PdfListItem("1", "Vous êtes accueillis avec courtoisie"), new PdfListItem("9", "Nous sommes éco-responsables", "Depuis 2021")])
                .QrCallout("https://example.fr/avis", "Votre avis compte", "Scannez ce code."),
            titleSize: 30);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        foreach (var expected in new[] { "Préfecture de l'Aube", "Vous êtes accueillis avec courtoisie", "Nous sommes éco-responsables", "Depuis 2021", "Votre avis compte", "Scannez ce code." })
        {
            Assert.Contains(expected, page.Text);
        }

        Assert.Single(page.GetImages());
        var titleSize = page.Letters.Where(l => l.Value == "A").Max(l => l.PointSize);
        Assert.Equal(30, titleSize, 0.5);
        Assert.Equal(22, page.Letters.Where(l => l.Value == "P").Max(l => l.PointSize), 0.5);
    }
}
