using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.ActionPlans;

public class PublicActionQueriesTests
{
    [Fact]
    public async Task Only_done_actions_flagged_for_users_in_validated_plans_of_the_structure_reach_the_public_most_recent_first()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await database.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        var (structure, other, frameworkId, engagementId, draftFrameworkEngagementId) = await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var ids = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
            var active = await db.EngagementFrameworks.SingleAsync(f => f.Status == FrameworkStatus.Active);
            var engagement = await db.Engagements.SingleAsync(e => e.FrameworkId == active.Id && e.Number == 5);
            var draftEngagement = await db.Engagements.FirstAsync(e => e.FrameworkId != active.Id);
            return (ids[0], ids[1], active.Id, engagement.Id, draftEngagement.Id);
        });

        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            ImprovementAction Action(string title, ActionStatus status, bool show, DateOnly? completedOn, int? engagement = null) => new()
            {
                Title = title, Status = status, ShowToUsers = show, CompletedOn = completedOn, EngagementId = engagement,
                Progress = status == ActionStatus.Done ? 100 : 40, OwnerName = "Claire Rousseau", Description = "Note interne",
            };
            db.ActionPlans.AddRange(
                new ActionPlan
                {
                    StructureId = structure, Year = 2025, State = ReviewState.Validated,
                    Actions =
                    [
                        Action("Horaires affichés à l'entrée", ActionStatus.Done, true, new DateOnly(2025, 6, 3), engagementId),
                        Action("Signalétique refaite", ActionStatus.Done, true, new DateOnly(2025, 11, 20), draftFrameworkEngagementId),
                        Action("Action interne terminée", ActionStatus.Done, false, new DateOnly(2025, 9, 1)),
                        Action("Rappel des usagers en cours", ActionStatus.InProgress, true, null),
                        Action("Borne abandonnée", ActionStatus.Abandoned, true, null),
                    ],
                },
                new ActionPlan
                {
                    StructureId = structure, Year = 2026, State = ReviewState.Approved,
                    Actions = [Action("Plan pas encore validé", ActionStatus.Done, true, new DateOnly(2026, 2, 1))],
                },
                new ActionPlan
                {
                    StructureId = other, Year = 2025, State = ReviewState.Validated,
                    Actions = [Action("Action d'une autre structure", ActionStatus.Done, true, new DateOnly(2025, 7, 1))],
                });
            await db.SaveChangesAsync();
        });

        var shown = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().PublicDoneActionsAsync(structure, frameworkId));

        Assert.Equal(
            [
                new PublicDoneAction("Signalétique refaite", null, new DateOnly(2025, 11, 20), 2025),
                new PublicDoneAction("Horaires affichés à l'entrée", 5, new DateOnly(2025, 6, 3), 2025),
            ],
            shown);
        var limited = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().PublicDoneActionsAsync(structure, frameworkId, limit: 1));
        Assert.Equal("Signalétique refaite", Assert.Single(limited).Title);
    }
}
