using System.Text;
using SpPlus.Core.Reporting.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SpPlus.Core.Tests.Reporting.Pdf;

public class PdfReportTests
{
    private static readonly DateTime GeneratedAt = new(2026, 4, 7, 9, 30, 0);

    private static PdfReport NewReport(PdfOrientation orientation = PdfOrientation.Portrait, string title = "Rapport trimestriel") =>
        new(new PdfReportOptions
        {
            Title = title,
            GeneratedAt = GeneratedAt,
            Orientation = orientation,
            HeaderText = "Préfecture de l'Aube",
            Subtitle = "1er trimestre 2026",
        });

    private static byte[] Build(Action<PdfReport> content, PdfOrientation orientation = PdfOrientation.Portrait)
    {
        using var report = NewReport(orientation);
        content(report);
        return report.ToArray();
    }

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void French_text_comes_back_with_its_accents_ligatures_quotes_and_spaces()
    {
        const string sentence = "Délai d'accueil « œuvre » : 12\u00A0€, ça déjà À l'été, cœur\u202F!";
        var pdf = Build(r => r.Heading("Qualité de l'accueil").Paragraph(sentence));

        var text = string.Concat(PageTexts(pdf));

        Assert.Contains("Qualité de l'accueil", text);
        Assert.Contains(sentence, text);
    }

    [Fact]
    public void Fonts_are_the_shipped_DejaVu_and_are_embedded()
    {
        var pdf = Build(r => r.Paragraph("Texte normal").Paragraph("Texte gras", PdfTextStyle.Bold).Paragraph("Note", PdfTextStyle.Muted));

        using var document = PdfDocument.Open(pdf);
        var fontNames = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? string.Empty).Distinct().ToList();
        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, name => Assert.Contains("DejaVu", name, StringComparison.Ordinal));
        Assert.Contains(fontNames, n => n.Contains("Bold", StringComparison.Ordinal));
        Assert.Contains(fontNames, n => n.Contains("Oblique", StringComparison.Ordinal));
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.True(Occurrences(raw, "/FontFile2") >= 3, "each of the three faces carries its font program");
    }

    [Fact]
    public void Metadata_and_footer_date_come_from_the_options()
    {
        var pdf = Build(r => r.Paragraph("Contenu"));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Rapport trimestriel", document.Information.Title);
        Assert.Equal("SpPlus", document.Information.Author);
        Assert.Equal("SpPlus", document.Information.Creator);
        var text = document.GetPage(1).Text;
        Assert.Contains("Généré le 07/04/2026", text);
        Assert.Contains("Préfecture de l'Aube", text);
        Assert.Contains("1er trimestre 2026", text);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_every_page_prints_each_row_once_and_never_splits_a_row()
    {
        var table = new PdfTable(
            [new PdfColumn("Indicateur", 3), new PdfColumn("Commentaire", 4), new PdfColumn("Valeur", 1, PdfAlign.Right)],
            caption: "Résultats par indicateur");
        for (var i = 1; i <= 120; i++)
        {
            var comment = i % 10 == 0
                ? $"début-{i:000} un commentaire assez long pour tenir sur plusieurs lignes de la colonne, puis fin-{i:000}"
                : $"com-{i:000}";
            table.AddRow($"R-{i:000} Taux de réponse", comment, $"v{i:000},5 %");
        }

        var pages = PageTexts(Build(r => r.Paragraph("Introduction").Table(table)));

        var count = pages.Count;
        Assert.True(count >= 3, $"120 rows should need several pages, got {count}");
        for (var p = 0; p < count; p++)
        {
            Assert.Contains("Indicateur", pages[p]);
            Assert.Contains("Commentaire", pages[p]);
            Assert.Contains($"page {p + 1} / {count}", pages[p]);
            Assert.Contains(p == 0 ? "Résultats par indicateur" : "Résultats par indicateur (suite)", pages[p]);
        }

        var all = string.Concat(pages);
        for (var i = 1; i <= 120; i++)
        {
            Assert.Equal(1, Occurrences(all, $"R-{i:000} "));
            Assert.Equal(1, Occurrences(all, $"v{i:000},5 %"));
        }

        for (var i = 10; i <= 120; i += 10)
        {
            var page = pages.Single(t => t.Contains($"début-{i:000}", StringComparison.Ordinal));
            Assert.Contains($"fin-{i:000}", page);
        }
    }

    [Fact]
    public void An_empty_table_says_so_under_its_header()
    {
        var pdf = Build(r => r.Table(new PdfTable([new PdfColumn("Action"), new PdfColumn("Échéance")])));

        var text = PageTexts(pdf).Single();
        Assert.Contains("Échéance", text);
        Assert.Contains("Aucune donnée.", text);
    }

    [Theory]
    [InlineData(PdfOrientation.Portrait, 595, 842)]
    [InlineData(PdfOrientation.Landscape, 842, 595)]
    public void Pages_are_A4_in_the_chosen_orientation(PdfOrientation orientation, double width, double height)
    {
        var table = new PdfTable([new PdfColumn("Structure"), new PdfColumn("Taux")]);
        for (var i = 0; i < 80; i++)
        {
            table.AddRow($"Structure {i}", "50 %");
        }

        var pdf = Build(r => r.Table(table), orientation);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        foreach (var page in document.GetPages())
        {
            Assert.InRange(page.Width, width - 1, width + 1);
            Assert.InRange(page.Height, height - 1, height + 1);
        }
    }

    [Fact]
    public void A_long_paragraph_wraps_inside_the_margins_and_flows_to_the_next_page()
    {
        var words = Enumerable.Range(1, 900).Select(i => i % 7 == 0 ? "anticonstitutionnellement" : $"mot{i}");
        var text = string.Join(' ', words);

        var pdf = Build(r => r.Paragraph(text));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, "900 words do not fit one page");
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.All(letters, l =>
        {
            Assert.True(l.BoundingBox.Left >= 42 - 0.5, $"'{l.Value}' starts at {l.BoundingBox.Left}");
            Assert.True(l.BoundingBox.Right <= 595.28 - 42 + 0.5, $"'{l.Value}' ends at {l.BoundingBox.Right}");
        });
        var baselines = document.GetPage(1).Letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();
        Assert.True(baselines > 30, $"the paragraph should fill the first page with lines, got {baselines}");
        var all = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("mot899", all);
        Assert.Contains("mot1 ", all);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_instead_of_overflowing()
    {
        var pdf = Build(r => r.Paragraph(new string('W', 200)));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters.Where(l => l.Value == "W").ToList();
        Assert.Equal(200, letters.Count);
        Assert.All(letters, l => Assert.True(l.BoundingBox.Right <= 595.28 - 42 + 0.5));
    }

    [Fact]
    public void Key_figures_and_charts_render_their_labels_and_values()
    {
        var pdf = Build(r => r
            .KeyFigures(
            [
                new KeyFigure("87 %", "Usagers satisfaits", "Cible : 80 %", PdfTone.Green),
                new KeyFigure("3 j", "Délai moyen de réponse"),
                new KeyFigure("142", "Expériences publiées", Tone: PdfTone.Red),
                new KeyFigure("12", "Réclamations traitées"),
            ])
            .BarChart("Taux de décroché par structure", [new PdfBarItem("DDT de l'Aube", 92.5, "92,5 %"), new PdfBarItem("Sous-préfecture de Nogent-sur-Seine", 64, "64 %", PdfTone.Red)], max: 100)
            .LineChart(
                "Évolution du délai",
                ["T1 2025", "T2 2025", "T3 2025", "T4 2025"],
                [new PdfLineSeries("Préfecture", [72.5, null, 81, 84]), new PdfLineSeries("DDETSPP", [60, 65, 70, null])],
                target: 80));

        // Labels may wrap inside their tile: compare without the spaces (a line break leaves none in the page text).
        var text = Squash(string.Concat(PageTexts(pdf)));
        foreach (var expected in new[]
                 {
                     "87 %", "Usagers satisfaits", "Cible : 80 %", "Délai moyen de réponse", "142", "Expériences publiées",
                     "Taux de décroché par structure", "DDT de l'Aube", "92,5 %", "Sous-préfecture de Nogent-sur-Seine", "64 %",
                     "Évolution du délai", "T1 2025", "T4 2025", "Préfecture", "DDETSPP", "72,5", "84", "Cible : 80",
                 })
        {
            Assert.Contains(Squash(expected), text);
        }
    }

    [Fact]
    public void A_bar_chart_scales_bars_to_the_maximum()
    {
        var pdf = Build(r => r.BarChart("Taux", [new PdfBarItem("A", 50, "50 %"), new PdfBarItem("B", 100, "100 %")], max: 100));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        var half = Letters(letters, "50 %").BoundingBox.Left;
        var full = Letters(letters, "100 %").BoundingBox.Left;
        var axisStart = Letters(letters, "A").BoundingBox.Left;
        Assert.True(full > half + 100, $"the 100 % label ({full}) should sit far right of the 50 % one ({half})");
        Assert.True(half > axisStart + 100);
    }

    [Fact]
    public void Line_chart_values_never_overlap_a_value_that_would_collide_is_left_out()
    {
        var pdf = Build(r => r.LineChart(
            "Égalité",
            ["T1 2026"],
            [new PdfLineSeries("A", [10]), new PdfLineSeries("B", [10]), new PdfLineSeries("C", [10])]));

        using var document = PdfDocument.Open(pdf);
        var ones = document.GetPage(1).Letters.Where(l => l.Value == "1").ToList();
        // Axis labels are 0, 3, 6, 9, 12: "12" holds one "1", the values "10" the others.
        var valueOnes = ones.Where(l => document.GetPage(1).Letters.Any(n => n.Value == "0" && Math.Abs(n.StartBaseLine.Y - l.StartBaseLine.Y) < 0.1 && n.BoundingBox.Left > l.BoundingBox.Left && n.BoundingBox.Left - l.BoundingBox.Right < 2)).ToList();
        Assert.Equal(2, valueOnes.Count);
        Assert.True(Math.Abs(valueOnes[0].StartBaseLine.Y - valueOnes[1].StartBaseLine.Y) > 5, "the second value goes below the point");
    }

    [Fact]
    public void A_QR_code_is_embedded_as_an_image()
    {
        var pdf = Build(r => r.QrCode("https://spplus.example.fr/public/resultats/ddt-10", 90, PdfAlign.Right, "Résultats en ligne"));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.GetPage(1).GetImages().Count() >= 1);
        Assert.Contains("Résultats en ligne", document.GetPage(1).Text);
    }

    [Fact]
    public void The_same_report_saves_to_the_same_bytes_and_refuses_content_afterwards()
    {
        using var report = NewReport();
        report.Paragraph("Une ligne");
        var first = report.ToArray();
        using var stream = new MemoryStream();
        report.Save(stream);

        Assert.Equal(first, stream.ToArray());
        Assert.Throws<InvalidOperationException>(() => report.Paragraph("Trop tard"));
    }

    [Fact]
    public void Keep_together_and_page_break_start_new_pages_only_when_needed()
    {
        using var report = NewReport();
        report.Paragraph("Début");
        report.KeepTogether(50);
        Assert.Equal(1, report.PageCount);
        report.KeepTogether(report.RemainingHeight + 1);
        Assert.Equal(2, report.PageCount);
        report.PageBreak();
        Assert.Equal(2, report.PageCount);
        report.Paragraph("Suite").PageBreak();
        Assert.Equal(3, report.PageCount);
    }

    [Fact]
    public async Task Eight_documents_generated_in_parallel_are_all_complete()
    {
        var tasks = Enumerable.Range(1, 8).Select(n => Task.Run(() =>
        {
            var table = new PdfTable([new PdfColumn("Structure", 2), new PdfColumn("Taux", 1, PdfAlign.Right)]);
            for (var i = 0; i < 60; i++)
            {
                table.AddRow($"Doc{n}-structure-{i}", "75 %");
            }

            using var report = NewReport(n % 2 == 0 ? PdfOrientation.Landscape : PdfOrientation.Portrait, $"Document n° {n}");
            report.Heading($"Synthèse « {n} »").Table(table).QrCode($"https://spplus.example.fr/{n}");
            return (n, Pdf: report.ToArray());
        })).ToList();

        var results = await Task.WhenAll(tasks);

        foreach (var (n, pdf) in results)
        {
            var text = string.Concat(PageTexts(pdf));
            Assert.Contains($"Synthèse « {n} »", text);
            Assert.Contains($"Doc{n}-structure-59", text);
            Assert.DoesNotContain($"Doc{(n % 8) + 1}-structure-0", text);
        }
    }

    [Fact]
    public void Registering_the_fonts_again_is_harmless()
    {
        PdfFonts.EnsureRegistered();
        PdfFonts.EnsureRegistered();

        Assert.Same(PdfFonts.Instance, PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        Assert.NotNull(PdfFonts.Instance.GetFont(PdfFonts.Instance.ResolveTypeface(PdfFonts.FamilyName, true, false)!.FaceName));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static Letter Letters(IReadOnlyList<Letter> letters, string text)
    {
        for (var i = 0; i + text.Length <= letters.Count; i++)
        {
            if (string.Concat(letters.Skip(i).Take(text.Length).Select(l => l.Value)) == text)
            {
                return letters[i];
            }
        }

        throw new InvalidOperationException($"'{text}' not found");
    }
}
