using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Tests.Seeding;

public sealed class DemoImprovementSeederTests
{
    private const string Password = "Un-autre-mot-de-passe-42";

    [Fact]
    public async Task Seeding_twice_changes_nothing_the_second_time()
    {
        await using var database = await SeededAsync();
        var first = await CountsAsync(database);
        await database.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync(Password));
        await database.RunAsync(sp => new DemoImprovementSeeder(sp.GetRequiredService<SpPlusDbContext>(), database.Time).SeedAsync());

        Assert.Equal(first, await CountsAsync(database));
        Assert.True(first.Assessments > 0 && first.Plans > 0 && first.Actions > 0 && first.Updates > 0, first.ToString());
        Assert.Equal(3, first.Meetings);
    }

    [Fact]
    public async Task Every_structure_has_last_year_validated_in_the_december_copil_and_this_year_in_mixed_states()
    {
        await using var database = await SeededAsync();
        var year = database.Time.CurrentYear();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structureIds = await db.Structures.Where(s => s.IsActive).Select(s => s.Id).ToListAsync();
            var criteriaCount = await db.AssessmentCriteria.CountAsync(c => c.Grid!.Framework!.Status == FrameworkStatus.Active);
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.Participants).Include(m => m.Decisions).ToListAsync();
            var assessments = await db.SelfAssessments.AsNoTracking().Include(a => a.Ratings).ToListAsync();
            var plans = await db.ActionPlans.AsNoTracking().Include(p => p.Actions).ToListAsync();

            Assert.Equal(2, meetings.Count(m => m.Kind == MeetingKind.Copil));
            var clac = Assert.Single(meetings, m => m.Kind == MeetingKind.Clac);
            Assert.Contains(clac.Participants, p => p.UserId is null && p.Quality is not null);
            Assert.All(meetings, m =>
            {
                Assert.NotEmpty(m.Decisions);
                Assert.False(string.IsNullOrWhiteSpace(m.Minutes));
                Assert.Contains(m.Participants, p => p.UserId is not null);
                Assert.Contains(m.Participants, p => p.UserId is null);
            });
            var previousCopil = Assert.Single(meetings, m => m.Kind == MeetingKind.Copil && m.HeldAt.Year == year - 1);
            var currentCopil = Assert.Single(meetings, m => m.Kind == MeetingKind.Copil && m.HeldAt.Year == year);
            Assert.True(DateOnly.FromDateTime(currentCopil.HeldAt) <= database.Time.Today());

            // Last year: every structure, fully rated, validated with its meeting.
            var validatedEvents = await db.ReviewEvents.AsNoTracking().Where(e => e.Action == ReviewAction.Validate).ToListAsync();
            foreach (var structureId in structureIds)
            {
                var assessment = Assert.Single(assessments, a => a.StructureId == structureId && a.Year == year - 1);
                Assert.Equal(ReviewState.Validated, assessment.State);
                Assert.NotNull(assessment.ValidatedAtUtc);
                Assert.Equal(criteriaCount, assessment.Ratings.Count);
                Assert.All(assessment.Ratings, r => Assert.NotNull(r.Level));
                var plan = Assert.Single(plans, p => p.StructureId == structureId && p.Year == year - 1);
                Assert.Equal(ReviewState.Validated, plan.State);
                Assert.NotNull(plan.ValidatedAtUtc);
                Assert.InRange(plan.Actions.Count, 3, 5);
                Assert.Contains(plan.Actions, a => a.Origin == ActionOrigin.Criterion && a.SourceAssessmentId == assessment.Id
                    && assessment.Ratings.Single(r => r.CriterionId == a.SourceCriterionId).Level!.Value.IsWeak());
                Assert.Equal(previousCopil.Id, Assert.Single(validatedEvents, e => e.DocumentKind == ReviewDocumentKind.SelfAssessment && e.DocumentId == assessment.Id).MeetingId);
                Assert.Equal(previousCopil.Id, Assert.Single(validatedEvents, e => e.DocumentKind == ReviewDocumentKind.ActionPlan && e.DocumentId == plan.Id).MeetingId);
            }

            // Every validation names a COPIL meeting, and the validated documents are exactly those validated.
            var copilIds = meetings.Where(m => m.Kind == MeetingKind.Copil).Select(m => m.Id).ToHashSet();
            Assert.All(validatedEvents, e => Assert.Contains(e.MeetingId ?? 0, copilIds));
            Assert.Equal(
                assessments.Count(a => a.State == ReviewState.Validated) + plans.Count(p => p.State == ReviewState.Validated),
                validatedEvents.Count);

            // This year: one structure in each state, one returned for correction, one without any.
            var returnedAssessments = await db.ReviewEvents.ReturnedIds(ReviewDocumentKind.SelfAssessment).ToListAsync();
            var returnedPlans = await db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ActionPlan).ToListAsync();
            var current = assessments.Where(a => a.Year == year).ToList();
            Assert.Equal(structureIds.Count - 1, current.Count);
            Assert.Equal(
                [ReviewState.Draft, ReviewState.Draft, ReviewState.Submitted, ReviewState.Approved, ReviewState.Validated],
                current.Select(a => a.State).Order().ToList());
            var returned = Assert.Single(current, a => returnedAssessments.Contains(a.Id));
            Assert.Equal(ReviewState.Draft, returned.State);
            var partlyRated = Assert.Single(current, a => a.State == ReviewState.Draft && !returnedAssessments.Contains(a.Id));
            Assert.InRange(partlyRated.Ratings.Count, 1, criteriaCount - 1);
            var currentPlans = plans.Where(p => p.Year == year).ToList();
            Assert.Equal(
                [ReviewState.Draft, ReviewState.Draft, ReviewState.Submitted, ReviewState.Approved, ReviewState.Validated],
                currentPlans.Select(p => p.State).Order().ToList());
            Assert.Single(currentPlans, p => returnedPlans.Contains(p.Id));
            Assert.Equal(currentCopil.Id, Assert.Single(validatedEvents, e => e.DocumentKind == ReviewDocumentKind.ActionPlan
                && e.DocumentId == currentPlans.Single(p => p.State == ReviewState.Validated).Id).MeetingId);

            // The radar compares two different years: the levels of the validated structure changed.
            var validated = current.Single(a => a.State == ReviewState.Validated);
            var last = assessments.Single(a => a.StructureId == validated.StructureId && a.Year == year - 1);
            Assert.NotEqual(
                last.Ratings.OrderBy(r => r.CriterionId).Select(r => r.Level).ToList(),
                validated.Ratings.OrderBy(r => r.CriterionId).Select(r => r.Level).ToList());
        });
    }

    [Fact]
    public async Task Histories_follow_the_rule_table_and_actions_are_varied_with_one_late()
    {
        await using var database = await SeededAsync();
        var today = database.Time.Today();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var copil = await db.Users.Where(u => u.Email == $"copil@{DemoDataSeeder.EmailDomain}").Select(u => u.Id).SingleAsync();
            var correspondents = await db.UserStructures.AsNoTracking().Select(us => new { us.UserId, us.StructureId }).ToListAsync();
            var events = await db.ReviewEvents.AsNoTracking()
                .Where(e => e.DocumentKind == ReviewDocumentKind.SelfAssessment || e.DocumentKind == ReviewDocumentKind.ActionPlan)
                .OrderBy(e => e.Id).ToListAsync();
            var states = (await db.SelfAssessments.AsNoTracking().Select(a => new { Kind = ReviewDocumentKind.SelfAssessment, a.Id, a.State }).ToListAsync())
                .Concat(await db.ActionPlans.AsNoTracking().Select(p => new { Kind = ReviewDocumentKind.ActionPlan, p.Id, p.State }).ToListAsync())
                .ToList();
            foreach (var document in states)
            {
                var state = ReviewState.Draft;
                foreach (var e in events.Where(e => e.DocumentKind == document.Kind && e.DocumentId == document.Id))
                {
                    var rule = ReviewRules.Find(document.Kind, state, e.Action);
                    Assert.NotNull(rule);
                    Assert.Equal((state, rule.To), (e.FromState, e.ToState));
                    Assert.Equal(rule.MeetingRequired, e.MeetingId is not null);
                    Assert.Equal(rule.CommentRequired, !string.IsNullOrWhiteSpace(e.Comment));
                    if (e.Action == ReviewAction.Validate)
                    {
                        Assert.Equal(copil, e.ActorUserId);
                    }

                    if (e.Action == ReviewAction.Submit)
                    {
                        Assert.Contains(correspondents, c => c.UserId == e.ActorUserId && c.StructureId == e.StructureId);
                    }

                    state = e.ToState;
                }

                Assert.Equal(state, document.State);
            }

            var actions = await db.ImprovementActions.AsNoTracking().Include(a => a.Updates).ToListAsync();
            Assert.Equal(Enum.GetValues<ActionStatus>().ToHashSet(), actions.Select(a => a.Status).ToHashSet());
            Assert.Superset(
                new[] { ActionOrigin.Criterion, ActionOrigin.Experience, ActionOrigin.ClacSuggestion, ActionOrigin.Other }.ToHashSet(),
                actions.Select(a => a.Origin).ToHashSet());
            Assert.Contains(actions, a => a.ShowToUsers && a.Status == ActionStatus.Done);
            Assert.All(actions, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.OwnerName));
                Assert.InRange(a.Progress, 0, 100);
                Assert.Equal(a.Status == ActionStatus.Done, a.CompletedOn is not null);
                Assert.All(a.Updates, u => Assert.False(string.IsNullOrWhiteSpace(u.AuthorName)));
                if (a.Updates.Count > 0)
                {
                    Assert.Equal((a.Status, a.Progress), (a.Updates.OrderBy(u => u.AtUtc).Last().ToStatus, a.Updates.OrderBy(u => u.AtUtc).Last().ToProgress));
                }
            });

            // The experience actions point to an experience that points back.
            var linked = await db.Experiences.AsNoTracking().Where(e => e.ImprovementActionId != null)
                .Select(e => new { e.Id, e.ImprovementActionId }).ToListAsync();
            Assert.NotEmpty(linked);
            Assert.All(actions.Where(a => a.Origin == ActionOrigin.Experience), a => Assert.Contains(linked, e => e.Id == a.SourceExperienceId && e.ImprovementActionId == a.Id));

            // One late action, in this year's validated plan; the SQL filter agrees with the rule.
            var late = Assert.Single(actions, a => ActionRules.IsLate(a.Status, a.DueOn, today));
            Assert.Equal(DemoImprovementSeeder.LateActionTitle, late.Title);
            Assert.Equal(late.Id, Assert.Single(await db.ImprovementActions.Where(ActionRules.Late(today)).Select(a => a.Id).ToListAsync()));
            var plan = await db.ActionPlans.AsNoTracking().SingleAsync(p => p.Id == late.PlanId);
            Assert.Equal((ReviewState.Validated, database.Time.CurrentYear()), (plan.State, plan.Year));
        });
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        await database.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await database.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync(Password));
        return database;
    }

    private static Task<(int Assessments, int Ratings, int Plans, int Actions, int Updates, int Meetings, int Events)> CountsAsync(TestDatabase database) =>
        database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return (await db.SelfAssessments.CountAsync(), await db.CriterionRatings.CountAsync(), await db.ActionPlans.CountAsync(),
                await db.ImprovementActions.CountAsync(), await db.ActionUpdates.CountAsync(), await db.Meetings.CountAsync(), await db.ReviewEvents.CountAsync());
        });
}
