using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Reviews;

/// <summary>A COPIL validation is recorded against a COPIL meeting of the portal, and only a validation carries one.</summary>
public class ReviewMeetingTests
{
    private static readonly ReviewActor Copil = new("copil-1", "Chloé Copil", false, false, true, new HashSet<int>());
    private static readonly ReviewActor Referent = new("ref-1", "Romain Référent", false, true, false, new HashSet<int>());

    private static async Task<(TestDatabase Services, int PlanId, int CopilMeetingId, int ClacMeetingId)> ArrangeAsync(ReviewState state)
    {
        var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        var ids = await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structureId = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var plan = new ActionPlan { StructureId = structureId, Year = 2026, State = state };
            var copil = new Meeting { Kind = MeetingKind.Copil, HeldAt = new DateTime(2026, 2, 20, 14, 0, 0), Place = "Salle du conseil", CreatedByUserId = "copil-1" };
            var clac = new Meeting { Kind = MeetingKind.Clac, HeldAt = new DateTime(2026, 2, 25, 10, 0, 0), Place = "Maison des services", CreatedByUserId = "copil-1" };
            db.AddRange(plan, copil, clac);
            await db.SaveChangesAsync();
            return (plan.Id, copil.Id, clac.Id);
        });
        return (services, ids.Item1, ids.Item2, ids.Item3);
    }

    private static ReviewService Service(IServiceProvider sp) =>
        new(sp.GetRequiredService<SpPlusDbContext>(), sp.GetRequiredService<TimeProvider>(), NullLogger<ReviewService>.Instance);

    [Fact]
    public async Task A_validation_in_a_copil_meeting_is_recorded_with_the_meeting()
    {
        var (services, planId, copilId, _) = await ArrangeAsync(ReviewState.Approved);
        await using var _ = services;

        await services.RunAsync(async sp =>
        {
            var plan = await sp.GetRequiredService<SpPlusDbContext>().ActionPlans.SingleAsync(p => p.Id == planId);
            var result = await Service(sp).ApplyAsync(plan, Copil, new ReviewService.Request(ReviewAction.Validate, MeetingId: copilId));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        });

        await services.RunAsync(async sp =>
        {
            var history = await Service(sp).HistoryAsync(ReviewDocumentKind.ActionPlan, planId);
            var validation = Assert.Single(history);
            Assert.Equal((ReviewAction.Validate, ReviewState.Validated, copilId), (validation.Action, validation.ToState, validation.MeetingId));
            Assert.Equal("Salle du conseil", validation.Meeting?.Place);
        });
    }

    [Fact]
    public async Task A_clac_meeting_or_an_unknown_one_cannot_carry_a_validation()
    {
        var (services, planId, _, clacId) = await ArrangeAsync(ReviewState.Approved);
        await using var _ = services;

        foreach (var meetingId in new[] { clacId, 999_999 })
        {
            await services.RunAsync(async sp =>
            {
                var plan = await sp.GetRequiredService<SpPlusDbContext>().ActionPlans.SingleAsync(p => p.Id == planId);
                var result = await Service(sp).ApplyAsync(plan, Copil, new ReviewService.Request(ReviewAction.Validate, MeetingId: meetingId));
                Assert.False(result.Succeeded);
                Assert.Contains("n'est pas une réunion du COPIL", string.Join(" ", result.Errors));
            });
        }

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal(ReviewState.Approved, await db.ActionPlans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync());
            Assert.False(await db.ReviewEvents.AnyAsync(e => e.DocumentKind == ReviewDocumentKind.ActionPlan && e.DocumentId == planId));
        });
    }

    [Fact]
    public async Task A_meeting_sent_with_another_action_is_not_recorded()
    {
        var (services, planId, copilId, _) = await ArrangeAsync(ReviewState.Submitted);
        await using var _ = services;

        await services.RunAsync(async sp =>
        {
            var plan = await sp.GetRequiredService<SpPlusDbContext>().ActionPlans.SingleAsync(p => p.Id == planId);
            var result = await Service(sp).ApplyAsync(plan, Referent, new ReviewService.Request(ReviewAction.Approve, MeetingId: copilId));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        });

        await services.RunAsync(async sp =>
        {
            var approval = Assert.Single(await Service(sp).HistoryAsync(ReviewDocumentKind.ActionPlan, planId));
            Assert.Null(approval.MeetingId);
        });
    }
}
