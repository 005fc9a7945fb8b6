using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Feedback;

public sealed class DemoFeedbackSeederTests
{
    [Fact]
    public async Task The_demo_feedback_is_varied_consistent_with_its_history_and_seeded_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await database.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await database.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync("Un-autre-mot-de-passe-42"));
        var first = await CountsAsync(database);
        await database.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync("Un-autre-mot-de-passe-42"));

        Assert.Equal(first, await CountsAsync(database));
        Assert.Equal((40, 3, 2, 2, 1), (first.Experiences, first.Templates, first.Comments, first.Reports, first.Mappings));

        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var service = new ExperienceService(db, database.Time);
            var today = service.Today;
            var rows = new List<ExperienceListRow>();
            var page = await service.ListAsync(db.Experiences.AsNoTracking(), new ExperienceFilter(), 1);
            for (var p = 1; p <= page.TotalPages; p++)
            {
                rows.AddRange((await service.ListAsync(db.Experiences.AsNoTracking(), new ExperienceFilter(), p)).Rows);
            }

            // Every status, a few overdue, three unmapped, the three sentiments and every structure.
            Assert.Equal(Enum.GetValues<ExperienceStatus>().ToHashSet(), rows.Select(r => r.Status).ToHashSet());
            Assert.InRange(rows.Count(r => r.IsOverdue), 3, 6);
            Assert.Equal(3, rows.Count(r => r.StructureId is null));
            Assert.Equal(2, rows.Count(r => r.NationalStructureLabel == DemoFeedbackSeeder.UnmappedLabel));
            Assert.Equal(Enum.GetValues<Sentiment>().ToHashSet(), rows.Where(r => r.Sentiment is not null).Select(r => r.Sentiment!.Value).ToHashSet());
            Assert.Equal(6, rows.Where(r => r.StructureId is not null).Select(r => r.StructureId).Distinct().Count());
            Assert.All(rows, r => Assert.True(r.PublishedOn <= today && r.PublishedOn >= today.AddMonths(-9), $"{r.Title} published {r.PublishedOn}"));

            // Each answer is in the state its last review event left it in, by an allowed transition.
            var answers = await db.ExperienceAnswers.AsNoTracking().Include(a => a.Experience).ToListAsync();
            var events = await db.ReviewEvents.AsNoTracking().Where(e => e.DocumentKind == ReviewDocumentKind.ExperienceAnswer)
                .OrderBy(e => e.Id).ToListAsync();
            Assert.NotEmpty(answers);
            foreach (var answer in answers)
            {
                var history = events.Where(e => e.DocumentId == answer.Id).ToList();
                var state = ReviewState.Draft;
                foreach (var e in history)
                {
                    var rule = ReviewRules.Find(ReviewDocumentKind.ExperienceAnswer, state, e.Action);
                    Assert.NotNull(rule);
                    Assert.Equal((state, rule.To), (e.FromState, e.ToState));
                    Assert.Equal(answer.StructureId, e.StructureId);
                    state = e.ToState;
                }

                Assert.Equal(state, answer.State);
                Assert.Equal(answer.Experience!.StructureId, answer.StructureId);
                Assert.Equal(answer.State == ReviewState.Published, answer.PostedOn is not null);
                if (answer.PostedOn is { } posted)
                {
                    Assert.Equal(posted, answer.Experience.FirstAnswerOn);
                }
            }

            Assert.Contains(events, e => e.Action == ReviewAction.Return && !string.IsNullOrWhiteSpace(e.Comment));
            Assert.All(await db.AnswerTemplates.Select(t => t.Body).ToListAsync(), body =>
            {
                Assert.Contains(AnswerTemplateRenderer.StructurePlaceholder, body);
                Assert.Contains(AnswerTemplateRenderer.DatePlaceholder, body);
                Assert.Contains(AnswerTemplateRenderer.SignaturePlaceholder, body);
            });
            var mapping = await db.StructureLabelMappings.SingleAsync();
            Assert.Equal(StructureLabels.Normalize(mapping.Label), mapping.NormalizedLabel);
        });
    }

    private static Task<(int Experiences, int Answers, int Events, int Templates, int Comments, int Reports, int Notes, int Mappings)> CountsAsync(TestDatabase database) =>
        database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return (await db.Experiences.CountAsync(), await db.ExperienceAnswers.CountAsync(), await db.ReviewEvents.CountAsync(e => e.DocumentKind == ReviewDocumentKind.ExperienceAnswer),
                await db.AnswerTemplates.CountAsync(), await db.ExperienceComments.CountAsync(), await db.DocumentReports.CountAsync(),
                await db.DocumentReportNotes.CountAsync(), await db.StructureLabelMappings.CountAsync());
        });
}
