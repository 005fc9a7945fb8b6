using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reporting.Documents;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Reporting.Documents;

public class EngagementsPosterDocumentTests
{
    [Fact]
    public async Task The_poster_lists_the_nine_engagements_of_2021_in_order_on_one_page()
    {
        await using var services = await DocumentTestData.ArrangeAsync();

        var data = await WithAsync(services, (db, _) => EngagementsPosterDocument.LoadAsync(db));
        var pdf = EngagementsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-engagements.pdf", pdf);
        AssertEmbeddedDejaVuFonts(pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = Squash(document.GetPage(1).Text);
        Assert.Equal(9, data!.Engagements.Count);
        var positions = ReferenceData.Framework2021.Select(e => text.IndexOf(Squash(e.Wording), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "every engagement appears in full"));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("+proches", text);
        Assert.Contains("+efficaces", text);
        Assert.Contains("+simples", text);
        Assert.DoesNotContain(Squash(ReferenceData.Framework2023[0].Wording), text);
        Assert.Equal("affiche-engagements-2021.pdf", EngagementsPosterDocument.FileName(data));
    }

    [Fact]
    public async Task The_poster_follows_the_framework_in_force_and_there_is_none_without_one()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            foreach (var framework in db.EngagementFrameworks)
            {
                framework.Status = framework.Year == 2023 ? FrameworkStatus.Active : FrameworkStatus.Archived;
                framework.ActivatedAtUtc = framework.Year == 2023 ? Now.UtcDateTime : framework.ActivatedAtUtc;
            }

            await db.SaveChangesAsync();
        });

        var data = await WithAsync(services, (db, _) => EngagementsPosterDocument.LoadAsync(db));
        var text = Squash(string.Concat(PageTexts(EngagementsPosterDocument.Build(data!, GeneratedAt))));

        Assert.Equal(2023, data!.FrameworkYear);
        Assert.Contains(Squash(ReferenceData.Framework2023[3].Wording), text);
        Assert.DoesNotContain(Squash(ReferenceData.Framework2021[0].Wording), text);

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            foreach (var framework in db.EngagementFrameworks)
            {
                framework.Status = FrameworkStatus.Archived;
            }

            await db.SaveChangesAsync();
        });
        Assert.Null(await WithAsync(services, (db, _) => EngagementsPosterDocument.LoadAsync(db)));
    }
}
