using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Governance;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reviews;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Reporting.Documents;

public class ActionPlanDocumentTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Arranges the préfecture's 2026 plan in <paramref name="state"/> with the given actions (engagement by number of the active framework).</summary>
    private static Task<int> PlanAsync(
        TestDatabase services, ReviewState state, IEnumerable<(string Title, int? Engagement, ActionStatus Status, int Progress, DateOnly? Due, bool Shown)> actions,
        DateTime? validatedAtUtc = null, DateTime? meetingHeldAt = null) =>
        services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structureId = await db.Structures.Where(s => s.Slug == "prefecture-aube").Select(s => s.Id).SingleAsync();
            var engagements = await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).ToDictionaryAsync(e => e.Number, e => e.Id);
            var plan = new ActionPlan { StructureId = structureId, Year = 2026, State = state, CreatedAtUtc = Now.UtcDateTime, ValidatedAtUtc = validatedAtUtc };
            foreach (var (title, engagement, status, progress, due, shown) in actions)
            {
                plan.Actions.Add(new ImprovementAction
                {
                    Title = title, EngagementId = engagement is { } n ? engagements[n] : null, Status = status, Progress = progress, DueOn = due,
                    ShowToUsers = shown, OwnerName = "Camille Durand", Origin = ActionOrigin.Other, Priority = ActionPriority.High,
                    CreatedAtUtc = Now.UtcDateTime, UpdatedAtUtc = Now.UtcDateTime,
                });
            }

            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            if (meetingHeldAt is { } heldAt)
            {
                var meeting = new Meeting { Kind = MeetingKind.Copil, HeldAt = heldAt, Place = "Salle Camille Claudel", CreatedAtUtc = Now.UtcDateTime, UpdatedAtUtc = Now.UtcDateTime, CreatedByUserId = "u" };
                db.Meetings.Add(meeting);
                await db.SaveChangesAsync();
                db.ReviewEvents.Add(new ReviewEvent
                {
                    DocumentKind = ReviewDocumentKind.ActionPlan, DocumentId = plan.Id, StructureId = structureId, Action = ReviewAction.Validate,
                    FromState = ReviewState.Approved, ToState = ReviewState.Validated, ActorUserId = "u", ActorName = "Dominique Martin",
                    AtUtc = validatedAtUtc ?? Now.UtcDateTime, MeetingId = meeting.Id,
                });
                await db.SaveChangesAsync();
            }

            return plan.Id;
        });

    private static Task<ActionPlanDocumentData?> LoadAsync(TestDatabase services, int planId) =>
        WithAsync(services, (db, _) => ActionPlanDocument.LoadAsync(db, planId, Today));

    [Fact]
    public async Task The_plan_shows_each_action_with_its_status_progress_and_lateness_on_one_landscape_page()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var planId = await PlanAsync(
            services,
            ReviewState.Validated,
            [
                ("Former les agents d'accueil au langage clair", 6, ActionStatus.InProgress, 40, new DateOnly(2026, 12, 15), false),
                ("Refondre les courriers de relance", 3, ActionStatus.Planned, 0, new DateOnly(2026, 10, 1), false),
                ("Afficher les horaires à l'entrée du bâtiment", 1, ActionStatus.Done, 100, new DateOnly(2026, 6, 30), true),
                ("Abandonner l'ancien formulaire papier", null, ActionStatus.Abandoned, 10, new DateOnly(2026, 5, 1), false),
            ],
            validatedAtUtc: new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc),
            meetingHeldAt: new DateTime(2026, 11, 20, 14, 30, 0));

        var data = await LoadAsync(services, planId);
        var pdf = ActionPlanDocument.Build(data!, GeneratedAt);
        WriteSample("plan-action.pdf", pdf);
        AssertEmbeddedDejaVuFonts(pdf);

        // Late: the due date is past and the action is neither done nor abandoned; only the relaunch letters.
        Assert.Equal(["Refondre les courriers de relance"], data!.Actions.Where(a => a.IsLate).Select(a => a.Title));
        // By engagement number, the action without engagement last.
        Assert.Equal([1, 3, 6, null], data.Actions.Select(a => a.EngagementNumber));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.True(page.Width > page.Height, "A4 landscape");
        var text = page.Text;
        foreach (var action in data.Actions)
        {
            Assert.Contains(Squash(action.Title), Squash(text));
        }

        Assert.Contains("Préfecture de l'Aube", text);
        Assert.Contains("Plan d'action 2026", text);
        Assert.Contains("Validé le 20/11/2026 (COPIL du 20/11/2026)", text);
        Assert.Contains("40\u00A0%", text);
        Assert.Contains("100\u00A0%", text);
        Assert.Contains("En cours", text);
        Assert.Contains("Réalisée", text);
        Assert.Contains("Abandonnée", text);
        Assert.Contains("Prévue", text);
        Assert.Contains("01/10/2026", text);
        // « En retard » in the legend and in the late action's status cell only (the key figure's label is lower case).
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Equal(2, Enumerable.Range(0, words.Count - 1).Count(i => words[i] == "En" && words[i + 1] == "retard"));
        Assert.Contains("Oui", text);
        Assert.Contains("n°\u00A06", text);
    }

    [Fact]
    public async Task The_key_figures_count_actions_done_in_progress_and_late()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var planId = await PlanAsync(
            services,
            ReviewState.Draft,
            [
                ("Action A", 1, ActionStatus.InProgress, 20, new DateOnly(2026, 1, 31), false),
                ("Action B", 1, ActionStatus.InProgress, 60, new DateOnly(2027, 1, 31), false),
                ("Action C", 2, ActionStatus.Done, 100, new DateOnly(2026, 1, 31), false),
                ("Action D", 2, ActionStatus.Planned, 0, new DateOnly(2026, 11, 26), false),
                ("Action E", 2, ActionStatus.Planned, 0, new DateOnly(2026, 11, 27), false),
            ]);

        var data = await LoadAsync(services, planId);
        Assert.Equal(5, data!.Actions.Count);
        Assert.Equal(1, data.Count(ActionStatus.Done));
        Assert.Equal(2, data.Count(ActionStatus.InProgress));
        // A and D are past due; E is due today, not late yet; C is done.
        Assert.Equal(2, data.LateCount);
        Assert.Null(data.ValidatedOn);

        var text = PageTexts(ActionPlanDocument.Build(data, GeneratedAt))[0];
        Assert.Contains("Brouillon, non validé", text);
        Assert.Contains("5actions", Squash(text));
        Assert.Contains("1réalisées", Squash(text));
        Assert.Contains("2encours", Squash(text));
        Assert.Contains("2enretard", Squash(text));
        Assert.DoesNotContain("COPIL du", text);
    }

    [Fact]
    public async Task A_long_plan_runs_on_several_landscape_pages_with_every_action()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var actions = Enumerable.Range(1, 45)
            .Select(i => ($"Action numéro {i} du plan de la préfecture, avec un intitulé assez long pour tenir sur deux lignes du tableau", (int?)(1 + (i % 9)),
                ActionStatus.InProgress, i, (DateOnly?)new DateOnly(2027, 1, 1), false))
            .ToList();
        var planId = await PlanAsync(services, ReviewState.Submitted, actions);

        var pdf = ActionPlanDocument.Build((await LoadAsync(services, planId))!, GeneratedAt);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        Assert.All(document.GetPages(), p => Assert.True(p.Width > p.Height));
        var all = Squash(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.All(Enumerable.Range(1, 45), i => Assert.Contains(Squash($"Action numéro {i} du plan"), all));
        Assert.Contains($"page{document.NumberOfPages}/{document.NumberOfPages}", all);
        // The header row repeats on each page the table spans.
        Assert.All(document.GetPages().Skip(1).Where(p => p.Text.Contains("Action numéro", StringComparison.Ordinal)), p => Assert.Contains("Avancement", p.Text));
    }

    [Fact]
    public async Task An_unknown_plan_has_no_document_and_the_file_is_named_after_the_structure_and_year()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        Assert.Null(await LoadAsync(services, 999_999));

        var planId = await PlanAsync(services, ReviewState.Approved, [("Action", null, ActionStatus.Planned, 0, null, false)]);
        var data = await LoadAsync(services, planId);
        Assert.Equal("plan-action-prefecture-aube-2026.pdf", ActionPlanDocument.FileName(data!));
        Assert.Contains("Approuvé, en attente de la validation du COPIL", PageTexts(ActionPlanDocument.Build(data!, GeneratedAt))[0]);
    }
}
