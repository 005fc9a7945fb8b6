using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Reporting.Documents;

public class QuarterlyDepartmentReportDocumentTests
{
    private static readonly Quarter T3 = new(2026, 3);

    /// <summary>
    /// T3 2026: the préfecture (published, 90 / 100) and the SGCD (published, 1 / 10) for the calls; the DDT approved
    /// (300 / 1000), the DDETSPP submitted (123 / 1000), the Nogent sous-préfecture in draft, Bar-sur-Aube not started,
    /// and the préfecture's published T2 (80 / 100) for the trend.
    /// </summary>
    private static async Task<(TestDatabase Services, Dictionary<string, int> Ids)> ArrangeAsync()
    {
        var services = await DocumentTestData.ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        await AddReportAsync(services, ids["prefecture-aube"], new Quarter(2026, 2), ReviewState.Published, Ratio("TAUX-DECROCHE", 80, 100));
        await AddReportAsync(services, ids["prefecture-aube"], T3, ReviewState.Published, Ratio("TAUX-DECROCHE", 90, 100), Average("ATTENTE-GUICHET", 18, 50));
        await AddReportAsync(services, ids["sgcd-aube"], T3, ReviewState.Published, Ratio("TAUX-DECROCHE", 1, 10));
        await AddReportAsync(services, ids["ddt-aube"], T3, ReviewState.Approved, Ratio("TAUX-DECROCHE", 300, 1000));
        await AddReportAsync(services, ids["ddetspp-aube"], T3, ReviewState.Submitted, Ratio("TAUX-DECROCHE", 123, 1000));
        await AddReportAsync(services, ids["sous-prefecture-nogent-sur-seine"], T3, ReviewState.Draft, Ratio("TAUX-DECROCHE", 456, 1000));
        return (services, ids);
    }

    [Fact]
    public async Task The_report_has_one_completeness_row_per_active_structure_with_its_state()
    {
        var (services, ids) = await ArrangeAsync();
        await using var _ = services;
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Structures.Add(new SpPlus.Core.Structures.Structure
            {
                DepartmentId = db.Departments.Single().Id, Name = "Ancienne antenne de Romilly", Slug = "antenne-romilly",
                Type = StructureType.Other, IsActive = false,
            });
            await db.SaveChangesAsync();
        });

        var data = await WithAsync(services, (db, results) => QuarterlyDepartmentReportDocument.LoadAsync(db, results, T3));
        var pdf = QuarterlyDepartmentReportDocument.Build(data!, GeneratedAt);
        WriteSample("rapport-trimestriel.pdf", pdf);
        AssertEmbeddedDejaVuFonts(pdf);

        Assert.Equal(ReferenceData.Structures.Count, data!.Completeness.Count);
        var states = data.Completeness.ToDictionary(r => r.StructureName, r => r.State);
        Assert.Equal(BoardCellState.Published, states["Préfecture de l'Aube"]);
        Assert.Equal(BoardCellState.Approved, states["DDT de l'Aube"]);
        Assert.Equal(BoardCellState.Submitted, states["DDETSPP de l'Aube"]);
        Assert.Equal(BoardCellState.Draft, states["Sous-préfecture de Nogent-sur-Seine"]);
        Assert.Equal(BoardCellState.NotStarted, states["Sous-préfecture de Bar-sur-Aube"]);
        // The deadline is past on 27/11: the structures that have not submitted are late.
        Assert.Equal(IndicatorResultsService.Deadline(T3, SettingKeys.DefaultQuarterDeadlineDays), data.Deadline);
        Assert.Equal(["Sous-préfecture de Bar-sur-Aube", "Sous-préfecture de Nogent-sur-Seine"], data.Completeness.Where(r => r.IsLate).Select(r => r.StructureName).Order());

        var pages = PageTexts(pdf);
        var first = pages[0];
        foreach (var (_, name, _, _) in ReferenceData.Structures)
        {
            Assert.Contains(name, first);
        }

        Assert.DoesNotContain("Romilly", string.Concat(pages));
        foreach (var label in new[] { "Publié", "Approuvé", "Soumis", "Brouillon", "Non commencé" })
        {
            Assert.Contains(label, first);
        }

        Assert.Contains("3e trimestre 2026", first);
        Assert.Contains("2 / 6", first);
        Assert.Equal("rapport-trimestriel-aube-2026-T3.pdf", QuarterlyDepartmentReportDocument.FileName(data));
        Assert.True(pages.Count >= 2);
        for (var p = 0; p < pages.Count; p++)
        {
            Assert.Contains($"page {p + 1} / {pages.Count}", pages[p]);
        }
    }

    [Fact]
    public async Task The_departement_figure_sums_the_published_numerators_and_denominators_and_the_trend_covers_four_quarters()
    {
        var (services, _) = await ArrangeAsync();
        await using var __ = services;

        var data = await WithAsync(services, (db, results) => QuarterlyDepartmentReportDocument.LoadAsync(db, results, T3));
        var text = string.Concat(PageTexts(QuarterlyDepartmentReportDocument.Build(data!, GeneratedAt)));

        var calls = data!.Indicators.Single(i => i.Code == "TAUX-DECROCHE");
        // (90 + 1) / (100 + 10) = 82,7 %; the average of the two percentages would be 50 %, and the approved DDT is not counted.
        Assert.Equal(100.0 * (90 + 1) / (100 + 10), calls.DepartmentValue!.Value, 9);
        Assert.Equal([new Quarter(2025, 4), new Quarter(2026, 1), new Quarter(2026, 2), T3], data.TrendQuarters);
        Assert.Equal([null, null, 80.0, 100.0 * 91 / 110], calls.Trend.Select(p => p.Value));
        Assert.Contains("82,7\u00A0%", text);
        Assert.Contains("80\u00A0%", text);
        Assert.Contains("T4 2025", text);
        Assert.Contains("T3 2026", text);

        // Structures' values: published and approved, the approved one said so; never a submitted or draft value.
        Assert.Contains("90\u00A0%", text);
        Assert.Contains("10\u00A0%", text);
        Assert.Contains("30\u00A0%", text);
        // Thousands grouped with a narrow no-break space, as in French.
        Assert.Contains("300 / 1\u202F000", text);
        Assert.Contains("Approuvé, non publié", text);
        Assert.Contains(Squash("Valeurs des rapports publiés et des rapports approuvés"), Squash(text));
        Assert.DoesNotContain("12,3", text);
        Assert.DoesNotContain("45,6", text);
        Assert.Equal(
            [("DDT de l'Aube", false), ("Préfecture de l'Aube", true), ("SGCD de l'Aube", true)],
            calls.Structures.Select(s => (s.StructureName, s.IsPublished)));
    }
}
