using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Reviews;

public class ReviewServiceTests
{
    private static async Task<(TestDatabase Services, int[] ReportIds, int StructureId)> ArrangeAsync(ReviewState state, int count = 1)
    {
        var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        var ids = await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structures = await db.Structures.OrderBy(s => s.Id).Take(count).ToListAsync();
            var reports = structures.Select(s => new QuarterlyReport { StructureId = s.Id, Year = 2026, QuarterNumber = 2, State = state }).ToList();
            db.QuarterlyReports.AddRange(reports);
            await db.SaveChangesAsync();
            return reports.Select(r => r.Id).ToArray();
        });
        var structureId = await services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.Where(r => r.Id == ids[0]).Select(r => r.StructureId).SingleAsync());
        return (services, ids, structureId);
    }

    private static ReviewService Service(IServiceProvider sp) =>
        new(sp.GetRequiredService<SpPlusDbContext>(), sp.GetRequiredService<TimeProvider>(), NullLogger<ReviewService>.Instance);

    private static readonly ReviewActor Referent = new("ref-1", "Romain Référent", false, true, false, new HashSet<int>());

    [Fact]
    public async Task A_transition_changes_the_state_renews_the_token_and_appends_history()
    {
        var (services, ids, structureId) = await ArrangeAsync(ReviewState.Submitted);
        await using var _ = services;
        Guid before = Guid.Empty;

        await services.RunAsync(async sp =>
        {
            var report = await sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.SingleAsync(r => r.Id == ids[0]);
            before = report.ConcurrencyToken;
            var result = await Service(sp).ApplyAsync(report, Referent, new ReviewService.Request(ReviewAction.Return, "Le dénominateur du taux de décroché semble faux.", ExpectedToken: before));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var report = await db.QuarterlyReports.SingleAsync(r => r.Id == ids[0]);
            Assert.Equal(ReviewState.Draft, report.State);
            Assert.NotEqual(before, report.ConcurrencyToken);
            Assert.Equal(services.Time.GetUtcNow().UtcDateTime, report.StateChangedAtUtc);
            var history = await Service(sp).HistoryAsync(ReviewDocumentKind.QuarterlyReport, ids[0]);
            var single = Assert.Single(history);
            Assert.Equal((ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft, "ref-1", "Romain Référent", structureId),
                (single.Action, single.FromState, single.ToState, single.ActorUserId, single.ActorName, single.StructureId));
            Assert.Equal("Le dénominateur du taux de décroché semble faux.", single.Comment);
        });
    }

    [Fact]
    public async Task A_concurrent_change_saved_first_makes_the_second_one_fail_without_writing_anything()
    {
        var (services, ids, _) = await ArrangeAsync(ReviewState.Submitted);
        await using var _ = services;

        using var first = services.CreateScope();
        using var second = services.CreateScope();
        var firstReport = await first.ServiceProvider.GetRequiredService<SpPlusDbContext>().QuarterlyReports.SingleAsync(r => r.Id == ids[0]);
        var secondReport = await second.ServiceProvider.GetRequiredService<SpPlusDbContext>().QuarterlyReports.SingleAsync(r => r.Id == ids[0]);

        Assert.True((await Service(first.ServiceProvider).ApplyAsync(firstReport, Referent, new ReviewService.Request(ReviewAction.Approve))).Succeeded);
        var late = await Service(second.ServiceProvider).ApplyAsync(secondReport, Referent, new ReviewService.Request(ReviewAction.Return, "Trop tard"));

        Assert.Equal([ReviewService.ConflictMessage], late.Errors);
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal(ReviewState.Approved, (await db.QuarterlyReports.SingleAsync(r => r.Id == ids[0])).State);
            Assert.Equal([ReviewAction.Approve], await db.ReviewEvents.Select(e => e.Action).ToListAsync());
        });
    }

    [Fact]
    public async Task Acting_on_several_documents_is_all_or_nothing()
    {
        var (services, ids, _) = await ArrangeAsync(ReviewState.Approved, count: 3);
        await using var _ = services;
        await services.RunAsync(async sp =>
        {
            // One of the three is still submitted: publishing the selection must refuse all of it.
            var db = sp.GetRequiredService<SpPlusDbContext>();
            (await db.QuarterlyReports.SingleAsync(r => r.Id == ids[1])).State = ReviewState.Submitted;
            await db.SaveChangesAsync();
        });

        await services.RunAsync(async sp =>
        {
            var reports = await sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.Where(r => ids.Contains(r.Id)).ToListAsync();
            var result = await Service(sp).ApplyManyAsync(reports, Referent, new ReviewService.Request(ReviewAction.Publish));
            Assert.False(result.Succeeded);
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.DoesNotContain(ReviewState.Published, await db.QuarterlyReports.Select(r => r.State).ToListAsync());
            Assert.Empty(await db.ReviewEvents.ToListAsync());
        });

        await services.RunAsync(async sp =>
        {
            var reports = await sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.Where(r => r.Id != ids[1]).ToListAsync();
            Assert.True((await Service(sp).ApplyManyAsync(reports, Referent, new ReviewService.Request(ReviewAction.Publish))).Succeeded);
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal(2, await db.QuarterlyReports.CountAsync(r => r.State == ReviewState.Published));
            Assert.Equal(2, await db.ReviewEvents.CountAsync(e => e.Action == ReviewAction.Publish));
        });
    }

    [Fact]
    public async Task A_refused_action_writes_nothing()
    {
        var (services, ids, _) = await ArrangeAsync(ReviewState.Draft);
        await using var _ = services;
        await services.RunAsync(async sp =>
        {
            var report = await sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.SingleAsync(r => r.Id == ids[0]);
            var result = await Service(sp).ApplyAsync(report, Referent, new ReviewService.Request(ReviewAction.Submit));
            Assert.False(result.Succeeded);
            Assert.Contains("Vous n'êtes pas autorisé", result.Errors[0]);
        });
        Assert.Equal(0, await services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().ReviewEvents.CountAsync()));
    }
}
