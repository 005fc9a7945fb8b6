using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Tests.ActionPlans;

public class ActionPlanServiceTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private sealed record Arranged(TestDatabase Database, int StructureA, int StructureB, ReviewActor CorrespondentA, ReviewActor CorrespondentB) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static readonly ReviewActor Referent = new("ref-1", "Romain Lefèvre", false, true, false, new HashSet<int>());
    private static readonly ReviewActor Copil = new("copil-1", "Louise Garnier", false, false, true, new HashSet<int>());

    private static async Task<Arranged> ArrangeAsync()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        await database.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        var ids = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Structures.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync());
        return new Arranged(database, ids[0], ids[1],
            new ReviewActor("corr-a", "Camille Durand", true, false, false, new HashSet<int> { ids[0] }),
            new ReviewActor("corr-b", "Hugo Bernard", true, false, false, new HashSet<int> { ids[1] }));
    }

    private static ActionPlanService Service(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        return new ActionPlanService(db, new ReviewService(db, time, NullLogger<ReviewService>.Instance), time);
    }

    private static Task<T> RunAsync<T>(Arranged a, Func<ActionPlanService, SpPlusDbContext, Task<T>> action) =>
        a.Database.RunAsync(sp => action(Service(sp), sp.GetRequiredService<SpPlusDbContext>()));

    private static ActionInput Input(string title = "Afficher les horaires à l'entrée", ActionStatus status = ActionStatus.Planned, int progress = 0) =>
        new() { Title = title, Origin = ActionOrigin.Other, Status = status, Progress = progress, DueOn = Today.AddMonths(3) };

    private static async Task<(int PlanId, int ActionId)> PlanWithActionAsync(Arranged a, ReviewState finalState, int year = 2026)
    {
        var planId = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, year))).Value;
        var created = await RunAsync(a, (s, _) => s.CreateActionAsync(planId, Input(), a.CorrespondentA));
        Assert.True(created.Succeeded, string.Join(" ", created.Messages));
        await SetStateAsync(a, planId, finalState);
        return (planId, created.Id);
    }

    private static Task SetStateAsync(Arranged a, int planId, ReviewState state) =>
        a.Database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().ActionPlans.Where(p => p.Id == planId)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.State, state)));

    [Theory]
    [InlineData(ActionStatus.Planned, -1, true)]
    [InlineData(ActionStatus.InProgress, -30, true)]
    [InlineData(ActionStatus.Done, -1, false)]
    [InlineData(ActionStatus.Abandoned, -10, false)]
    [InlineData(ActionStatus.Planned, 0, false)]
    [InlineData(ActionStatus.InProgress, 5, false)]
    [InlineData(ActionStatus.Planned, null, false)]
    [InlineData(ActionStatus.InProgress, null, false)]
    public void An_action_is_late_only_when_its_due_date_is_past_and_it_is_planned_or_in_progress(ActionStatus status, int? dueInDays, bool late)
    {
        DateOnly? due = dueInDays is { } days ? Today.AddDays(days) : null;
        Assert.Equal(late, ActionRules.IsLate(status, due, Today));
    }

    [Fact]
    public async Task The_late_filter_in_sql_gives_the_same_answer_as_the_rule_for_every_case()
    {
        await using var a = await ArrangeAsync();
        var cases = (from status in Enum.GetValues<ActionStatus>()
                     from due in new DateOnly?[] { null, Today.AddDays(-40), Today.AddDays(-1), Today, Today.AddDays(1) }
                     select (status, due)).ToList();
        var planId = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;
        await RunAsync(a, async (_, db) =>
        {
            var i = 0;
            db.ImprovementActions.AddRange(cases.Select(c => new ImprovementAction
            {
                PlanId = planId, Title = $"Cas {i++}", Status = c.status, DueOn = c.due, Progress = c.status == ActionStatus.Done ? 100 : 0,
            }));
            return await db.SaveChangesAsync();
        });

        var inSql = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.PlanId == planId).Where(ActionRules.Late(Today)).Select(x => x.Title).ToListAsync());
        var expected = cases.Select((c, i) => (c, i)).Where(x => ActionRules.IsLate(x.c.status, x.c.due, Today)).Select(x => $"Cas {x.i}").ToList();

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Order(), inSql.Order());
    }

    [Fact]
    public async Task Actions_are_added_edited_and_removed_only_while_the_plan_is_a_draft()
    {
        await using var a = await ArrangeAsync();
        var (planId, actionId) = await PlanWithActionAsync(a, ReviewState.Draft);
        var token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.ConcurrencyToken).SingleAsync());
        var edited = await RunAsync(a, (s, _) => s.UpdateActionAsync(actionId, Input("Afficher les horaires sur le site"), token, a.CorrespondentA));
        Assert.True(edited.Succeeded);

        await SetStateAsync(a, planId, ReviewState.Validated);
        token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.ConcurrencyToken).SingleAsync());

        var added = await RunAsync(a, (s, _) => s.CreateActionAsync(planId, Input("Une action de trop"), a.CorrespondentA));
        var changed = await RunAsync(a, (s, _) => s.UpdateActionAsync(actionId, Input("Titre changé après validation"), token, a.CorrespondentA));
        var removed = await RunAsync(a, (s, _) => s.DeleteActionAsync(actionId, token, Referent));

        Assert.Equal([ActionPlanService.NotDraftMessage], added.Messages);
        Assert.Equal([ActionPlanService.NotDraftMessage], changed.Messages);
        Assert.Equal([ActionPlanService.NotDraftMessage], removed.Errors);
        var titles = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.PlanId == planId).Select(x => x.Title).ToListAsync());
        Assert.Equal(["Afficher les horaires sur le site"], titles);
    }

    [Fact]
    public async Task A_copil_member_or_another_structure_s_correspondent_cannot_add_an_action_to_a_draft()
    {
        await using var a = await ArrangeAsync();
        var planId = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;

        var byCopil = await RunAsync(a, (s, _) => s.CreateActionAsync(planId, Input(), Copil));
        var byOther = await RunAsync(a, (s, _) => s.CreateActionAsync(planId, Input(), a.CorrespondentB));

        Assert.Equal([ActionPlanService.NotAllowedMessage], byCopil.Messages);
        Assert.Equal([ActionPlanService.NotAllowedMessage], byOther.Messages);
        Assert.Equal(0, await RunAsync(a, (_, db) => db.ImprovementActions.CountAsync()));
    }

    [Fact]
    public async Task After_validation_the_structure_s_correspondent_updates_progress_and_the_change_is_logged()
    {
        await using var a = await ArrangeAsync();
        var (_, actionId) = await PlanWithActionAsync(a, ReviewState.Validated);
        var token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.ConcurrencyToken).SingleAsync());
        a.Database.Time.Advance(TimeSpan.FromHours(2));

        var result = await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.InProgress, 60, "Affiches commandées", token, a.CorrespondentA));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        var details = await RunAsync(a, (s, _) => s.GetActionAsync(actionId));
        Assert.Equal(ActionStatus.InProgress, details!.Status);
        Assert.Equal(60, details.Progress);
        Assert.Equal("Afficher les horaires à l'entrée", details.Title);
        var update = Assert.Single(details.Updates);
        Assert.Equal("Camille Durand", update.AuthorName);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddHours(2), update.AtUtc);
        Assert.Equal((ActionStatus.Planned, ActionStatus.InProgress, 0, 60), (update.FromStatus, update.ToStatus, update.FromProgress, update.ToProgress));
        Assert.Equal("Affiches commandées", update.Comment);
        Assert.Equal("corr-a", await RunAsync(a, (_, db) => db.ActionUpdates.Select(u => u.AuthorUserId).SingleAsync()));
    }

    [Fact]
    public async Task Progress_updates_are_refused_to_another_structure_s_correspondent_to_the_copil_and_before_validation()
    {
        await using var a = await ArrangeAsync();
        var (planId, actionId) = await PlanWithActionAsync(a, ReviewState.Validated);
        var token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.ConcurrencyToken).SingleAsync());

        var byOther = await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.Done, 100, null, token, a.CorrespondentB));
        var byCopil = await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.Done, 100, null, token, Copil));
        await SetStateAsync(a, planId, ReviewState.Submitted);
        var whileSubmitted = await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.Done, 100, null, token, a.CorrespondentA));

        Assert.Equal([ActionPlanService.ProgressNotAllowedMessage], byOther.Messages);
        Assert.Equal([ActionPlanService.ProgressNotAllowedMessage], byCopil.Messages);
        Assert.Equal([ActionPlanService.ProgressNotAllowedMessage], whileSubmitted.Messages);
        Assert.Equal(0, await RunAsync(a, (_, db) => db.ActionUpdates.CountAsync()));
        Assert.Equal(ActionStatus.Planned, await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_done_action_is_at_100_percent_and_dated_today_and_a_stale_token_saves_nothing()
    {
        await using var a = await ArrangeAsync();
        var (_, actionId) = await PlanWithActionAsync(a, ReviewState.Validated);
        var token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == actionId).Select(x => x.ConcurrencyToken).SingleAsync());

        Assert.True((await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.Done, 40, null, token, Referent))).Succeeded);
        var stale = await RunAsync(a, (s, _) => s.UpdateProgressAsync(actionId, ActionStatus.InProgress, 10, null, token, a.CorrespondentA));

        Assert.True(stale.IsConflict);
        Assert.Equal([ReviewService.ConflictMessage], stale.Messages);
        var details = (await RunAsync(a, (s, _) => s.GetActionAsync(actionId)))!;
        Assert.Equal((ActionStatus.Done, 100, (DateOnly?)Today), (details.Status, details.Progress, details.CompletedOn));
        Assert.Single(details.Updates);
    }

    [Fact]
    public async Task An_action_is_validated_in_french_and_nothing_is_saved_when_it_is_wrong()
    {
        await using var a = await ArrangeAsync();
        var planId = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;
        var draftEngagement = await RunAsync(a, (_, db) => db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Draft).Select(e => e.Id).FirstAsync());
        var copilMeeting = await RunAsync(a, async (_, db) =>
        {
            var meeting = new Meeting { Kind = MeetingKind.Copil, HeldAt = new DateTime(2026, 2, 1), Place = "Salle Marianne", CreatedByUserId = "ref-1" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var result = await RunAsync(a, (s, _) => s.CreateActionAsync(planId, new ActionInput
        {
            Title = "  ", EngagementId = draftEngagement, Origin = ActionOrigin.ClacSuggestion, SourceMeetingId = copilMeeting,
            StartOn = Today.AddDays(10), DueOn = Today, Progress = 120,
        }, a.CorrespondentA));

        Assert.False(result.Succeeded);
        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Equal(
            new[] { ActionFields.Title, ActionFields.EngagementId, ActionFields.SourceMeetingId, ActionFields.OriginDetail, ActionFields.DueOn, ActionFields.Progress }.Order(),
            fields.Order());
        Assert.Contains("Indiquez le titre de l'action.", result.Messages);
        Assert.Equal(0, await RunAsync(a, (_, db) => db.ImprovementActions.CountAsync()));
    }

    [Fact]
    public async Task Creating_from_an_experience_sets_its_back_link_and_removing_the_action_clears_it()
    {
        await using var a = await ArrangeAsync();
        var experienceId = await RunAsync(a, async (_, db) =>
        {
            var experience = new Experience { StructureId = a.StructureA, Title = "Attente trop longue au guichet", Source = ExperienceSource.Manual };
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            return experience.Id;
        });

        var created = await RunAsync(a, (s, _) => s.CreateActionAsync(a.StructureA, 2026, Input() with
        {
            Origin = ActionOrigin.Experience, SourceExperienceId = experienceId,
        }, a.CorrespondentA));

        Assert.True(created.Succeeded, string.Join(" ", created.Messages));
        Assert.Equal(created.Id, await RunAsync(a, (_, db) => db.Experiences.Where(e => e.Id == experienceId).Select(e => e.ImprovementActionId).SingleAsync()));
        var details = (await RunAsync(a, (s, _) => s.GetActionAsync(created.Id)))!;
        Assert.Equal("Attente trop longue au guichet", details.Source.ExperienceTitle);

        var removed = await RunAsync(a, (s, _) => s.DeleteActionAsync(created.Id, details.ConcurrencyToken, a.CorrespondentA));
        Assert.True(removed.Succeeded);
        Assert.Null(await RunAsync(a, (_, db) => db.Experiences.Where(e => e.Id == experienceId).Select(e => e.ImprovementActionId).SingleAsync()));
    }

    [Fact]
    public async Task An_experience_of_another_structure_is_refused_and_opens_no_plan()
    {
        await using var a = await ArrangeAsync();
        var experienceId = await RunAsync(a, async (_, db) =>
        {
            var experience = new Experience { StructureId = a.StructureB, Title = "Accueil téléphonique", Source = ExperienceSource.Manual };
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            return experience.Id;
        });

        var created = await RunAsync(a, (s, _) => s.CreateActionAsync(a.StructureA, 2026, Input() with
        {
            Origin = ActionOrigin.Experience, SourceExperienceId = experienceId,
        }, a.CorrespondentA));

        Assert.Equal(["Cet avis d'usager ne concerne pas cette structure."], created.Messages);
        Assert.Equal(0, await RunAsync(a, (_, db) => db.ActionPlans.CountAsync()));
    }

    [Fact]
    public async Task A_plan_without_action_cannot_be_submitted_and_a_validation_dates_the_plan()
    {
        await using var a = await ArrangeAsync();
        var planId = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;

        var empty = await RunAsync(a, (s, _) => s.ReviewAsync(planId, a.CorrespondentA, new ReviewService.Request(ReviewAction.Submit)));
        Assert.Equal([ActionPlanService.NoActionMessage], empty.Errors);
        Assert.Equal(ReviewState.Draft, await RunAsync(a, (_, db) => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync()));

        Assert.True((await RunAsync(a, (s, _) => s.CreateActionAsync(planId, Input(), a.CorrespondentA))).Succeeded);
        Assert.True((await RunAsync(a, (s, _) => s.ReviewAsync(planId, a.CorrespondentA, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        Assert.True((await RunAsync(a, (s, _) => s.ReviewAsync(planId, Referent, new ReviewService.Request(ReviewAction.Approve)))).Succeeded);
        var meetingId = await RunAsync(a, async (_, db) =>
        {
            var meeting = new Meeting { Kind = MeetingKind.Copil, HeldAt = new DateTime(2026, 3, 1), Place = "Salle Marianne", CreatedByUserId = "ref-1" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var withoutMeeting = await RunAsync(a, (s, _) => s.ReviewAsync(planId, Copil, new ReviewService.Request(ReviewAction.Validate)));
        Assert.False(withoutMeeting.Succeeded);
        Assert.Null(await RunAsync(a, (_, db) => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.ValidatedAtUtc).SingleAsync()));

        Assert.True((await RunAsync(a, (s, _) => s.ReviewAsync(planId, Copil, new ReviewService.Request(ReviewAction.Validate, MeetingId: meetingId)))).Succeeded);
        Assert.Equal(TestDatabase.Start.UtcDateTime, await RunAsync(a, (_, db) => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.ValidatedAtUtc).SingleAsync()));

        Assert.True((await RunAsync(a, (s, _) => s.ReviewAsync(planId, Referent, new ReviewService.Request(ReviewAction.Reopen, "Ajouter une action")))).Succeeded);
        Assert.Null(await RunAsync(a, (_, db) => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.ValidatedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task The_consolidated_view_filters_late_actions_of_visible_plans_and_lists_late_ones_first()
    {
        await using var a = await ArrangeAsync();
        var planA = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;
        var planB = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureB, 2026))).Value;
        await RunAsync(a, async (_, db) =>
        {
            db.ImprovementActions.AddRange(
                new ImprovementAction { PlanId = planA, Title = "Bientôt", DueOn = Today.AddDays(2), OwnerName = "Camille Durand" },
                new ImprovementAction { PlanId = planA, Title = "En retard", DueOn = Today.AddDays(-5), Status = ActionStatus.InProgress, OwnerName = "Service accueil" },
                new ImprovementAction { PlanId = planA, Title = "Réalisée en retard", DueOn = Today.AddDays(-9), Status = ActionStatus.Done, Progress = 100 },
                new ImprovementAction { PlanId = planB, Title = "Autre structure en retard", DueOn = Today.AddDays(-20) });
            return await db.SaveChangesAsync();
        });

        var all = await RunAsync(a, (s, db) => s.SearchAsync(db.ActionPlans.Where(p => p.StructureId == a.StructureA), new ActionFilter(), 1));
        var late = await RunAsync(a, (s, db) => s.SearchAsync(db.ActionPlans, new ActionFilter { LateOnly = true }, 1));
        var byOwner = await RunAsync(a, (s, db) => s.SearchAsync(db.ActionPlans, new ActionFilter { Owner = "accueil" }, 1));

        Assert.Equal(["En retard", "Réalisée en retard", "Bientôt"], all.Items.Select(x => x.Title));
        Assert.True(all.Items[0].IsLate);
        Assert.Equal(["Autre structure en retard", "En retard"], late.Items.Select(x => x.Title));
        Assert.Equal(["En retard"], byOwner.Items.Select(x => x.Title));
    }

    [Fact]
    public async Task The_consolidated_view_filters_by_structure_engagement_and_status_and_the_filters_combine()
    {
        await using var a = await ArrangeAsync();
        var planA = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureA, 2026))).Value;
        var planB = (await RunAsync(a, (s, _) => s.OpenAsync(a.StructureB, 2026))).Value;
        var engagements = await RunAsync(a, (s, _) => s.ActiveEngagementsAsync());
        var (first, second) = (engagements.Single(e => e.Number == 1).Id, engagements.Single(e => e.Number == 2).Id);
        await RunAsync(a, async (_, db) =>
        {
            db.ImprovementActions.AddRange(
                new ImprovementAction { PlanId = planA, Title = "A — E1 prévue", EngagementId = first, DueOn = Today.AddDays(10) },
                new ImprovementAction { PlanId = planA, Title = "A — E2 en cours", EngagementId = second, Status = ActionStatus.InProgress, Progress = 40, DueOn = Today.AddDays(20) },
                new ImprovementAction { PlanId = planA, Title = "A — sans engagement réalisée", Status = ActionStatus.Done, Progress = 100, DueOn = Today.AddDays(30) },
                new ImprovementAction { PlanId = planB, Title = "B — E2 prévue", EngagementId = second, DueOn = Today.AddDays(40) },
                new ImprovementAction { PlanId = planB, Title = "B — E1 abandonnée", EngagementId = first, Status = ActionStatus.Abandoned, DueOn = Today.AddDays(50) });
            return await db.SaveChangesAsync();
        });

        Task<List<string>> TitlesAsync(ActionFilter filter) =>
            RunAsync(a, async (s, db) => (await s.SearchAsync(db.ActionPlans, filter, 1)).Items.Select(x => x.Title).ToList());

        Assert.Equal(5, (await TitlesAsync(new ActionFilter())).Count);
        Assert.Equal(["B — E2 prévue", "B — E1 abandonnée"], await TitlesAsync(new ActionFilter { StructureId = a.StructureB }));
        Assert.Equal(["A — E1 prévue", "A — E2 en cours", "A — sans engagement réalisée"], await TitlesAsync(new ActionFilter { StructureId = a.StructureA }));
        Assert.Equal(["A — E2 en cours", "B — E2 prévue"], await TitlesAsync(new ActionFilter { EngagementNumber = 2 }));
        Assert.Equal(["A — E1 prévue", "B — E1 abandonnée"], await TitlesAsync(new ActionFilter { EngagementNumber = 1 }));
        Assert.Equal(["A — E1 prévue", "B — E2 prévue"], await TitlesAsync(new ActionFilter { Status = ActionStatus.Planned }));
        Assert.Equal(["A — E2 en cours"], await TitlesAsync(new ActionFilter { Status = ActionStatus.InProgress }));
        Assert.Equal(["A — sans engagement réalisée"], await TitlesAsync(new ActionFilter { Status = ActionStatus.Done }));
        Assert.Equal(["B — E1 abandonnée"], await TitlesAsync(new ActionFilter { Status = ActionStatus.Abandoned }));

        // The filters combine; a structure filter does not reach beyond the plans the user may read.
        Assert.Equal(["B — E2 prévue"], await TitlesAsync(new ActionFilter { StructureId = a.StructureB, EngagementNumber = 2, Status = ActionStatus.Planned }));
        Assert.Empty(await TitlesAsync(new ActionFilter { StructureId = a.StructureA, EngagementNumber = 2, Status = ActionStatus.Planned }));
        var readable = await RunAsync(a, async (s, db) =>
            (await s.SearchAsync(db.ActionPlans.Where(p => p.StructureId == a.StructureA), new ActionFilter { StructureId = a.StructureB }, 1)).TotalCount);
        Assert.Equal(0, readable);
    }

    [Fact]
    public async Task An_action_is_created_from_a_criterion_only_when_it_is_rated_1_or_2_and_editing_it_later_stays_open()
    {
        await using var a = await ArrangeAsync();
        var levels = new MaturityLevel?[] { MaturityLevel.NotEngaged, MaturityLevel.InProgress, MaturityLevel.Achieved, MaturityLevel.Exemplary, MaturityLevel.NotApplicable, null };
        var (assessmentId, criteria) = await RunAsync(a, async (_, db) =>
        {
            var gridId = await db.AssessmentGrids.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            var ids = await db.AssessmentCriteria.Where(c => c.GridId == gridId).OrderBy(c => c.Id).Select(c => c.Id).Take(levels.Length).ToListAsync();
            var assessment = new SelfAssessment
            {
                StructureId = a.StructureA, Year = 2026, GridId = gridId, CreatedAtUtc = DateTime.UtcNow,
                Ratings = [.. ids.Select((id, i) => new CriterionRating { CriterionId = id, Level = levels[i], Comment = "Noté en atelier" })],
            };
            db.SelfAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return (assessment.Id, ids);
        });

        ActionInput FromCriterion(int index, string title) =>
            Input(title) with { Origin = ActionOrigin.Criterion, SourceAssessmentId = assessmentId, SourceCriterionId = criteria[index] };

        var results = new List<ActionSaveResult>();
        for (var i = 0; i < levels.Length; i++)
        {
            var input = FromCriterion(i, $"Action du critère {i + 1}");
            results.Add(await RunAsync(a, (s, _) => s.CreateActionAsync(a.StructureA, 2026, input, a.CorrespondentA)));
        }

        Assert.True(results[0].Succeeded, string.Join(" ", results[0].Messages));
        Assert.True(results[1].Succeeded, string.Join(" ", results[1].Messages));
        Assert.All(results.Skip(2), r =>
        {
            var error = Assert.Single(r.Errors);
            Assert.Equal((ActionFields.Origin, ActionPlanService.WeakCriterionMessage), (error.Field, error.Message));
        });
        var titles = await RunAsync(a, (_, db) => db.ImprovementActions.OrderBy(x => x.Id).Select(x => x.Title).ToListAsync());
        Assert.Equal(["Action du critère 1", "Action du critère 2"], titles);

        // The criterion is rated 3 since (the action worked): the action stays editable, but it cannot move to another strong criterion.
        await RunAsync(a, (_, db) => db.CriterionRatings.Where(r => r.AssessmentId == assessmentId && r.CriterionId == criteria[0])
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.Level, MaturityLevel.Achieved)));
        var token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == results[0].Id).Select(x => x.ConcurrencyToken).SingleAsync());
        var edited = await RunAsync(a, (s, _) => s.UpdateActionAsync(results[0].Id, FromCriterion(0, "Action du critère 1, précisée"), token, a.CorrespondentA));
        Assert.True(edited.Succeeded, string.Join(" ", edited.Messages));
        token = await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == results[0].Id).Select(x => x.ConcurrencyToken).SingleAsync());
        var moved = await RunAsync(a, (s, _) => s.UpdateActionAsync(results[0].Id, FromCriterion(3, "Action déplacée"), token, a.CorrespondentA));
        Assert.Equal([ActionPlanService.WeakCriterionMessage], moved.Messages);
        Assert.Equal("Action du critère 1, précisée", await RunAsync(a, (_, db) => db.ImprovementActions.Where(x => x.Id == results[0].Id).Select(x => x.Title).SingleAsync()));
    }
}
