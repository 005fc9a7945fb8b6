using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Engagements;
using SpPlus.Core.Governance;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Structures;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.ActionPlans;

/// <summary>
/// Action plans over HTTP: who reads which plan, who writes actions, the COPIL validation with a meeting, progress
/// updates after validation and their log, the consolidated view's filters. Each test works on plans of a year of its
/// own (2031 and later), so that the demo plans and the other tests do not interfere.
/// </summary>
public sealed class ActionPlansTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Own = ReferenceData.PrefectureSlug;
    private const string Other = "ddt-aube";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> PlanAsync(string slug, int year, ReviewState state, params ImprovementAction[] actions) => factory.WithDbAsync(async db =>
    {
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var plan = new ActionPlan { StructureId = structureId, Year = year, State = state, CreatedAtUtc = DateTime.UtcNow };
        plan.Actions.AddRange(actions);
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    private static ImprovementAction Action(string title, int dueInDays = 30, ActionStatus status = ActionStatus.Planned, string? owner = null) => new()
    {
        Title = title,
        DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(dueInDays),
        Status = status,
        Progress = status == ActionStatus.Done ? 100 : 0,
        OwnerName = owner,
        CreatedAtUtc = DateTime.UtcNow,
        UpdatedAtUtc = DateTime.UtcNow,
    };

    private Task<int> ActionIdAsync(int planId, string title) =>
        factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.PlanId == planId && a.Title == title).Select(a => a.Id).SingleAsync());

    private static IHtmlFormElement ReviewForm(HtmlPage page, ReviewAction action) =>
        page.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=ReviewAction]")?.Value == action.ToString())
        ?? throw new InvalidOperationException($"No form for {action} on {page.Url}.");

    [Fact]
    public async Task A_correspondent_sees_only_their_structure_s_draft_plans_in_the_list_and_by_address()
    {
        var ownPlan = await PlanAsync(Own, 2031, ReviewState.Draft, Action("Accueil sans rendez-vous le mardi"));
        var otherPlan = await PlanAsync(Other, 2031, ReviewState.Draft, Action("Refonte du formulaire d'urbanisme"));
        var otherAction = await ActionIdAsync(otherPlan, "Refonte du formulaire d'urbanisme");
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));

        var list = await client.GetPageAsync("/ActionPlans/Plans?year=2031");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var links = list.Document.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/ActionPlans/Plans/Details/{ownPlan}"], links);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ActionPlans/Plans/Details/{ownPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/ActionPlans/Plans/Details/{otherPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/ActionPlans/Actions/Details/{otherAction}")).StatusCode);
        var consolidated = await client.GetPageAsync("/ActionPlans/Actions?year=2031");
        Assert.Contains("Accueil sans rendez-vous le mardi", consolidated.Text);
        Assert.DoesNotContain("Refonte du formulaire d'urbanisme", consolidated.Text);

        // The referent reads both.
        var referent = await factory.SignInAsync(Email("referent"));
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync($"/ActionPlans/Plans/Details/{otherPlan}")).StatusCode);
    }

    [Fact]
    public async Task A_correspondent_adds_an_action_through_the_form_which_comes_back_with_what_was_typed_on_an_error()
    {
        var planId = await PlanAsync(Own, 2032, ReviewState.Draft);
        var structureId = await factory.StructureIdAsync(Own);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var details = await client.GetPageAsync($"/ActionPlans/Plans/Details/{planId}");
        var add = details.Document.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Ajouter une action").GetAttribute("href")!;
        var form = await client.GetPageAsync(add);
        Assert.Equal("Ajouter une action", form.H1);

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(form, form.FormPostingTo("/ActionPlans/Actions/Create"), new Dictionary<string, string>
        {
            ["Title"] = "",
            ["OwnerName"] = "Camille Durand",
            ["StartOn"] = "2032-06-01",
            ["DueOn"] = "2032-03-01",
            ["Progress"] = "20",
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Indiquez le titre de l'action.", refused.ErrorMessages());
        Assert.Contains("L'échéance doit être postérieure ou égale à la date de début.", refused.ErrorMessages());
        Assert.Equal("Camille Durand", refused.Document.QuerySelector<IHtmlInputElement>("input[name=OwnerName]")!.Value);
        Assert.Equal("20", refused.Document.QuerySelector<IHtmlInputElement>("input[name=Progress]")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ImprovementActions.CountAsync(a => a.PlanId == planId)));

        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(refused, refused.FormPostingTo("/ActionPlans/Actions/Create"), new Dictionary<string, string>
        {
            ["Title"] = "Afficher les horaires d'ouverture à l'entrée",
            ["DueOn"] = "2032-09-30",
        }));
        Assert.Contains("L'action a été ajoutée au plan.", saved.Text);
        Assert.Equal("Afficher les horaires d'ouverture à l'entrée", saved.H1);
        var action = await factory.WithDbAsync(db => db.ImprovementActions.SingleAsync(a => a.PlanId == planId));
        Assert.Equal(("Camille Durand", new DateOnly(2032, 6, 1), 20), (action.OwnerName, action.StartOn!.Value, action.Progress));
        Assert.Equal(structureId, await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.StructureId).SingleAsync()));
    }

    [Fact]
    public async Task A_copil_member_cannot_write_actions_but_validates_an_approved_plan_with_a_meeting_and_not_without()
    {
        var planId = await PlanAsync(Own, 2033, ReviewState.Approved, Action("Former les agents d'accueil"));
        var actionId = await ActionIdAsync(planId, "Former les agents d'accueil");
        var structureId = await factory.StructureIdAsync(Own);
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var meeting = new Meeting { Kind = MeetingKind.Copil, HeldAt = new DateTime(2033, 2, 10, 14, 0, 0), Place = "Salle Marianne", CreatedByUserId = "copil" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var copil = await factory.SignInAsync(Email("copil"));

        Assert.Equal(HttpStatusCode.Forbidden, (await copil.GetAsync($"/ActionPlans/Actions/Create?structureId={structureId}&year=2033")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await copil.GetAsync($"/ActionPlans/Actions/Edit/{actionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await copil.GetAsync($"/ActionPlans/Actions/Progress/{actionId}")).StatusCode);

        var details = await copil.GetPageAsync($"/ActionPlans/Plans/Details/{planId}");
        Assert.DoesNotContain("Ajouter une action", details.Text);
        var withoutMeeting = await copil.FollowRedirectsAsync(await copil.SubmitFormAsync(details, ReviewForm(details, ReviewAction.Validate)));
        Assert.Contains("Indiquez la réunion du COPIL au cours de laquelle la validation a été décidée.", withoutMeeting.Text);
        Assert.Equal(ReviewState.Approved, await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync()));

        var validated = await copil.FollowRedirectsAsync(await copil.SubmitFormAsync(withoutMeeting, ReviewForm(withoutMeeting, ReviewAction.Validate),
            new Dictionary<string, string> { ["MeetingId"] = Id(meetingId) }));
        Assert.Contains("Le plan d'action a été validé en COPIL.", validated.Text);
        var plan = await factory.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => new { p.State, p.ValidatedAtUtc }).SingleAsync());
        Assert.Equal(ReviewState.Validated, plan.State);
        Assert.NotNull(plan.ValidatedAtUtc);
        Assert.Contains("Salle Marianne", validated.Text);
    }

    [Fact]
    public async Task After_validation_a_correspondent_updates_progress_the_log_shows_it_and_adding_an_action_is_refused()
    {
        var planId = await PlanAsync(Own, 2034, ReviewState.Validated, Action("Mettre en place un accueil téléphonique"));
        var actionId = await ActionIdAsync(planId, "Mettre en place un accueil téléphonique");
        var structureId = await factory.StructureIdAsync(Own);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));

        var details = await client.GetPageAsync($"/ActionPlans/Plans/Details/{planId}");
        Assert.DoesNotContain("Ajouter une action", details.Text);
        Assert.Contains("le statut et l'avancement de ses actions restent ouverts", details.Text);
        var progressLink = details.Document.QuerySelector($"a[href='/ActionPlans/Actions/Progress/{actionId}']");
        Assert.NotNull(progressLink);

        var form = await client.GetPageAsync($"/ActionPlans/Actions/Progress/{actionId}");
        var wrong = await HtmlPage.ReadAsync(await client.SubmitFormAsync(form, form.FormPostingTo($"/ActionPlans/Actions/Progress/{actionId}"),
            new Dictionary<string, string> { ["Status"] = "InProgress", ["Progress"] = "140", ["Comment"] = "Devis reçus" }));
        Assert.Contains("L'avancement doit être compris entre 0 et 100 %.", wrong.ErrorMessages());
        Assert.Equal("Devis reçus", wrong.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Comment]")!.Value);

        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(wrong, wrong.FormPostingTo($"/ActionPlans/Actions/Progress/{actionId}"),
            new Dictionary<string, string> { ["Progress"] = "60" }));
        Assert.Contains("L'avancement de l'action a été mis à jour.", saved.Text);
        Assert.Equal("60 %", HtmlPage.Normalize(saved.Document.QuerySelector("#avancement")!.TextContent).Replace('\u00a0', ' '));
        var log = saved.Document.QuerySelector("#historique")!;
        var row = HtmlPage.Normalize(log.QuerySelector("tbody tr")!.TextContent).Replace('\u00a0', ' ');
        Assert.Contains("Prévue → En cours", row);
        Assert.Contains("0 % → 60 %", row);
        Assert.Contains("Devis reçus", row);
        var author = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.CorrespondentEmail(Own)).Select(u => u.DisplayName).SingleAsync());
        Assert.Contains(author, row);

        // Adding an action needs the plan reopened: the form is not offered, and a post is refused.
        var create = await client.GetAsync($"/ActionPlans/Actions/Create?structureId={structureId}&year=2034");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var redirected = await client.FollowRedirectsAsync(create);
        Assert.Contains(ActionPlanService.NotDraftMessage, redirected.Text);
        var draftForm = await client.GetPageAsync($"/ActionPlans/Actions/Create?structureId={structureId}&year=2031");
        var post = await HtmlPage.ReadAsync(await client.SubmitFormAsync(draftForm, draftForm.FormPostingTo("/ActionPlans/Actions/Create"),
            new Dictionary<string, string> { ["Year"] = "2034", ["Title"] = "Une action de plus" }));
        Assert.Contains(ActionPlanService.NotDraftMessage, post.ErrorMessages());
        Assert.Equal(1, await factory.WithDbAsync(db => db.ImprovementActions.CountAsync(a => a.PlanId == planId)));
    }

    [Fact]
    public async Task The_consolidated_view_filters_late_actions_and_owners_and_its_query_count_does_not_grow_with_rows()
    {
        await PlanAsync(Own, 2036, ReviewState.Validated,
            Action("Signalétique extérieure", dueInDays: -10, status: ActionStatus.InProgress, owner: "Service logistique"),
            Action("Borne d'accueil", dueInDays: 20, owner: "Service accueil"),
            Action("Courrier simplifié", dueInDays: -30, status: ActionStatus.Done));
        await PlanAsync(Other, 2036, ReviewState.Validated, Action("Permanence en mairie", dueInDays: -3));
        var client = await factory.SignInAsync(Email("referent"));

        var late = await client.GetPageAsync("/ActionPlans/Actions?year=2036&late=true");
        var titles = late.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Signalétique extérieure", "Permanence en mairie"], titles);
        Assert.All(late.Document.QuerySelectorAll("tbody tr"), r => Assert.Contains("En retard", r.TextContent));

        var byOwner = await client.GetPageAsync("/ActionPlans/Actions?year=2036&owner=accueil");
        Assert.Equal(["Borne d'accueil"], byOwner.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()));

        var all = await client.GetPageAsync("/ActionPlans/Actions?year=2036");
        Assert.Equal("Signalétique extérieure", all.Document.QuerySelector("tbody tr td:first-child a")!.TextContent.Trim());

        factory.Commands.Reset();
        await client.GetPageAsync("/ActionPlans/Actions?year=2036");
        var few = factory.Commands.Count;
        factory.Commands.Reset();
        await client.GetPageAsync("/ActionPlans/Plans?year=2036");
        var fewPlans = factory.Commands.Count;

        await PlanAsync("sgcd-aube", 2036, ReviewState.Validated, [.. Enumerable.Range(1, 12).Select(i => Action($"Action n° {i}", dueInDays: i - 6))]);
        await PlanAsync("ddetspp-aube", 2036, ReviewState.Draft, Action("Action d'un brouillon"));

        factory.Commands.Reset();
        var more = await client.GetPageAsync("/ActionPlans/Actions?year=2036");
        Assert.Equal(17, more.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(few, factory.Commands.Count);
        factory.Commands.Reset();
        var morePlans = await client.GetPageAsync("/ActionPlans/Plans?year=2036");
        Assert.Equal(4, morePlans.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(fewPlans, factory.Commands.Count);
    }

    [Fact]
    public async Task An_action_created_from_an_experience_is_linked_from_the_experience_page_with_its_title()
    {
        var planId = await PlanAsync(Own, 2037, ReviewState.Draft);
        var structureId = await factory.StructureIdAsync(Own);
        var experienceId = await factory.WithDbAsync(async db =>
        {
            var experience = new Experience { StructureId = structureId, Title = "Personne pour répondre au téléphone", Source = ExperienceSource.Manual, CreatedAtUtc = DateTime.UtcNow };
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            return experience.Id;
        });
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));

        var experiencePage = await client.GetPageAsync($"/Feedback/Experiences/Details/{experienceId}");
        var createLink = experiencePage.Document.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Créer une action").GetAttribute("href")!;
        Assert.Contains($"experienceId={experienceId}", createLink);
        Assert.Contains("origin=Experience", createLink);

        var form = await client.GetPageAsync(createLink.Replace($"year={DateTime.UtcNow.Year}", "year=2037", StringComparison.Ordinal));
        Assert.Equal("Suite à l'avis : Personne pour répondre au téléphone", form.Document.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(form, form.FormPostingTo("/ActionPlans/Actions/Create")));
        Assert.Contains("L'action a été ajoutée au plan.", saved.Text);
        var actionId = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.PlanId == planId).Select(a => a.Id).SingleAsync());
        Assert.Equal($"/Feedback/Experiences/Details/{experienceId}", saved.Document.QuerySelector("#source-action")!.GetAttribute("href"));

        var after = await client.GetPageAsync($"/Feedback/Experiences/Details/{experienceId}");
        var link = after.Document.QuerySelector("#action-amelioration")!;
        Assert.Equal($"/ActionPlans/Actions/Details/{actionId}", link.GetAttribute("href"));
        Assert.Equal("Suite à l'avis : Personne pour répondre au téléphone", link.TextContent.Trim());

        // A COPIL member reads the experience but is not offered to create an action.
        var copil = await factory.SignInAsync(Email("copil"));
        var copilView = await copil.GetPageAsync($"/Feedback/Experiences/Details/{experienceId}");
        Assert.DoesNotContain(copilView.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Créer une action");
    }

    [Fact]
    public async Task An_action_created_from_a_document_report_is_linked_back_and_removing_it_through_the_confirm_page_clears_the_link()
    {
        var planId = await PlanAsync(Own, 2038, ReviewState.Draft);
        var structureId = await factory.StructureIdAsync(Own);
        var reportId = await factory.WithDbAsync(async db =>
        {
            var report = new DocumentReport
            {
                StructureId = structureId, DocumentName = "Courrier de relance pour pièce manquante", Kind = DocumentKind.Letter,
                ReceivedOn = new DateOnly(2026, 1, 5), Difficulty = "Le délai n'est pas indiqué.", CreatedAtUtc = DateTime.UtcNow, CreatedByUserId = "test",
            };
            db.DocumentReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));

        var reportPage = await client.GetPageAsync($"/Feedback/Documents/Details/{reportId}");
        var createLink = reportPage.Document.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Créer une action").GetAttribute("href")!;
        Assert.Contains("origin=Other", createLink);
        var form = await client.GetPageAsync(createLink.Replace($"year={DateTime.UtcNow.Year}", "year=2038", StringComparison.Ordinal));
        Assert.Equal("Simplifier le document : Courrier de relance pour pièce manquante", form.Document.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(form, form.FormPostingTo("/ActionPlans/Actions/Create")));
        var actionId = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.PlanId == planId).Select(a => a.Id).SingleAsync());
        Assert.Contains("Document signalé : Courrier de relance pour pièce manquante", saved.Text);
        Assert.Equal(actionId, await factory.WithDbAsync(db => db.DocumentReports.Where(r => r.Id == reportId).Select(r => r.ImprovementActionId).SingleAsync()));

        // An empty progress is refused in French, with the comment kept.
        var progress = await client.GetPageAsync($"/ActionPlans/Actions/Progress/{actionId}");
        var empty = await HtmlPage.ReadAsync(await client.SubmitFormAsync(progress, progress.FormPostingTo($"/ActionPlans/Actions/Progress/{actionId}"),
            new Dictionary<string, string> { ["Progress"] = "", ["Comment"] = "Relu par le service" }));
        Assert.Contains("Indiquez l'avancement, de 0 à 100 %.", empty.ErrorMessages());
        Assert.Equal("Relu par le service", empty.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Comment]")!.Value);

        var confirm = await client.GetPageAsync($"/ActionPlans/Actions/Delete/{actionId}");
        Assert.Equal("Retirer l'action « Simplifier le document : Courrier de relance pour pièce manquante » ?", confirm.H1);
        var removed = await client.FollowRedirectsAsync(await client.SubmitFormAsync(confirm, confirm.FormPostingTo($"/ActionPlans/Actions/Delete/{actionId}")));
        Assert.EndsWith($"/ActionPlans/Plans/Details/{planId}", removed.Url.AbsolutePath);
        Assert.Contains("a été retirée du plan", removed.Text);
        Assert.Null(await factory.WithDbAsync(db => db.DocumentReports.Where(r => r.Id == reportId).Select(r => r.ImprovementActionId).SingleAsync()));
        Assert.Contains("Aucune pour le moment", (await client.GetPageAsync($"/Feedback/Documents/Details/{reportId}")).Text);
    }

    [Fact]
    public async Task After_a_concurrency_conflict_the_action_form_keeps_what_was_typed_and_its_refreshed_token_saves_it()
    {
        var planId = await PlanAsync(Own, 2043, ReviewState.Draft, Action("Horaires affichés"));
        var actionId = await ActionIdAsync(planId, "Horaires affichés");
        var path = $"/ActionPlans/Actions/Edit/{actionId}";
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var referent = await factory.SignInAsync(Email("referent"));
        var seenByCorrespondent = await correspondent.GetPageAsync(path);
        var seenByReferent = await referent.GetPageAsync(path);

        var first = await referent.SubmitFormAsync(seenByReferent, seenByReferent.FormPostingTo(path),
            new Dictionary<string, string> { ["Title"] = "Horaires affichés à l'entrée" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await HtmlPage.ReadAsync(await correspondent.SubmitFormAsync(seenByCorrespondent, seenByCorrespondent.FormPostingTo(path),
            new Dictionary<string, string> { ["Title"] = "Horaires affichés en ligne", ["OwnerName"] = "Camille Durand" }));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(ReviewService.ConflictMessage, stale.ErrorMessages());
        var form = stale.FormPostingTo(path);
        Assert.Equal("Horaires affichés en ligne", form.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        Assert.Equal("Camille Durand", form.QuerySelector<IHtmlInputElement>("input[name=OwnerName]")!.Value);
        var current = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.Id == actionId).Select(a => new { a.Title, a.ConcurrencyToken }).SingleAsync());
        Assert.Equal("Horaires affichés à l'entrée", current.Title);
        Assert.Equal(current.ConcurrencyToken.ToString(), form.QuerySelector<IHtmlInputElement>("input[name=Token]")!.Value);

        var saved = await correspondent.SubmitFormAsync(stale, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.Id == actionId).Select(a => new { a.Title, a.OwnerName }).SingleAsync());
        Assert.Equal(("Horaires affichés en ligne", (string?)"Camille Durand"), (after.Title, after.OwnerName));
    }

    [Fact]
    public async Task After_a_concurrency_conflict_the_progress_form_keeps_what_was_typed_and_its_refreshed_token_saves_it()
    {
        var planId = await PlanAsync(Own, 2044, ReviewState.Validated, Action("Accueil téléphonique élargi"));
        var actionId = await ActionIdAsync(planId, "Accueil téléphonique élargi");
        var path = $"/ActionPlans/Actions/Progress/{actionId}";
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var referent = await factory.SignInAsync(Email("referent"));
        var seenByCorrespondent = await correspondent.GetPageAsync(path);
        var seenByReferent = await referent.GetPageAsync(path);

        var first = await referent.SubmitFormAsync(seenByReferent, seenByReferent.FormPostingTo(path),
            new Dictionary<string, string> { ["Status"] = "InProgress", ["Progress"] = "30" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await HtmlPage.ReadAsync(await correspondent.SubmitFormAsync(seenByCorrespondent, seenByCorrespondent.FormPostingTo(path),
            new Dictionary<string, string> { ["Status"] = "InProgress", ["Progress"] = "60", ["Comment"] = "Standard renforcé le lundi" }));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(ReviewService.ConflictMessage, stale.ErrorMessages());
        var form = stale.FormPostingTo(path);
        Assert.Equal("60", form.QuerySelector<IHtmlInputElement>("input[name=Progress]")!.Value);
        Assert.Equal("Standard renforcé le lundi", form.QuerySelector<IHtmlTextAreaElement>("textarea[name=Comment]")!.Value);
        // The page says where the action stands now (the other save), next to what was typed.
        Assert.Contains("Actuellement : En cours, 30", stale.Text);
        var token = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.Id == actionId).Select(a => a.ConcurrencyToken).SingleAsync());
        Assert.Equal(token.ToString(), form.QuerySelector<IHtmlInputElement>("input[name=Token]")!.Value);

        var saved = await correspondent.SubmitFormAsync(stale, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.Id == actionId)
            .Select(a => new { a.Progress, Comments = a.Updates.OrderBy(u => u.Id).Select(u => u.Comment).ToList() }).SingleAsync());
        Assert.Equal(60, after.Progress);
        Assert.Equal([null, "Standard renforcé le lundi"], after.Comments);
    }

    [Fact]
    public async Task The_consolidated_view_filters_by_structure_engagement_and_status_over_http()
    {
        var engagements = await factory.WithDbAsync(db => db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active && e.Number <= 2)
            .ToDictionaryAsync(e => e.Number, e => e.Id));
        ImprovementAction Tied(string title, int engagement, ActionStatus status, int dueInDays)
        {
            var action = Action(title, dueInDays, status);
            action.EngagementId = engagements[engagement];
            return action;
        }

        await PlanAsync(Own, 2045, ReviewState.Validated,
            Tied("Préfecture E1 prévue", 1, ActionStatus.Planned, 10),
            Tied("Préfecture E2 en cours", 2, ActionStatus.InProgress, 20));
        await PlanAsync(Other, 2045, ReviewState.Validated, Tied("DDT E2 réalisée", 2, ActionStatus.Done, 30));
        var other = await factory.StructureIdAsync(Other);
        var client = await factory.SignInAsync(Email("referent"));

        async Task<List<string>> TitlesAsync(string query)
        {
            var page = await client.GetPageAsync($"/ActionPlans/Actions?year=2045&{query}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            return [.. page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim())];
        }

        Assert.Equal(3, (await TitlesAsync("")).Count);
        Assert.Equal(["DDT E2 réalisée"], await TitlesAsync($"structureId={Id(other)}"));
        Assert.Equal(["Préfecture E2 en cours", "DDT E2 réalisée"], await TitlesAsync("engagement=2"));
        Assert.Equal(["Préfecture E1 prévue"], await TitlesAsync("engagement=1"));
        Assert.Equal(["Préfecture E2 en cours"], await TitlesAsync("status=InProgress"));
        Assert.Equal(["DDT E2 réalisée"], await TitlesAsync($"structureId={Id(other)}&engagement=2&status=Done"));
        Assert.Empty(await TitlesAsync($"structureId={Id(other)}&status=Planned"));

        // The filters form shows the chosen values.
        var filtered = await client.GetPageAsync($"/ActionPlans/Actions?year=2045&structureId={Id(other)}&engagement=2&status=Done");
        Assert.Equal(Id(other), filtered.Document.QuerySelector<IHtmlSelectElement>("select[name=StructureId]")!.Value);
        Assert.Equal("2", filtered.Document.QuerySelector<IHtmlSelectElement>("select[name=Engagement]")!.Value);
        Assert.Equal("Done", filtered.Document.QuerySelector<IHtmlSelectElement>("select[name=Status]")!.Value);
    }

    [Fact]
    public async Task An_action_from_an_indicator_links_to_that_indicator_s_chart_on_the_trends_page()
    {
        var indicators = await factory.WithDbAsync(async db =>
        {
            var forDdt = await db.Indicators.Where(i => i.IsActive && i.StructureTypes.Any(t => t.StructureType == StructureType.Ddt))
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.Code, i.Label }).FirstAsync();
            var notForDdt = await db.Indicators.Where(i => i.IsActive && !i.StructureTypes.Any(t => t.StructureType == StructureType.Ddt))
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.Code, i.Label }).FirstAsync();
            var retired = new Indicator { Code = "ANCIEN-INDICATEUR", Label = "Indicateur abandonné", Kind = IndicatorKind.Ratio, Unit = IndicatorUnit.Percent, IsActive = false };
            db.Indicators.Add(retired);
            await db.SaveChangesAsync();
            return new[] { forDdt, notForDdt, new { retired.Id, retired.Code, retired.Label } };
        });
        ImprovementAction FromIndicator(string title, int indicatorId)
        {
            var action = Action(title);
            action.Origin = ActionOrigin.Indicator;
            action.SourceIndicatorId = indicatorId;
            return action;
        }

        var planId = await PlanAsync(Other, 2046, ReviewState.Draft,
            FromIndicator("Réduire l'écart 1", indicators[0].Id), FromIndicator("Réduire l'écart 2", indicators[1].Id), FromIndicator("Réduire l'écart 3", indicators[2].Id));
        var ddt = await factory.StructureIdAsync(Other);
        var client = await factory.SignInAsync(Email("referent"));

        async Task<string> LinkAsync(string title)
        {
            var page = await client.GetPageAsync($"/ActionPlans/Actions/Details/{await ActionIdAsync(planId, title)}");
            return page.Document.QuerySelector("#source-action")!.GetAttribute("href")!;
        }

        var own = await LinkAsync("Réduire l'écart 1");
        var department = await LinkAsync("Réduire l'écart 2");
        Assert.Equal($"/Indicators/Trends?structureId={Id(ddt)}#indicateur-{indicators[0].Code.ToLowerInvariant()}", own);
        Assert.Equal($"/Indicators/Trends?structureId=0#indicateur-{indicators[1].Code.ToLowerInvariant()}", department);
        Assert.Equal("/Indicators/Catalogue", await LinkAsync("Réduire l'écart 3"));

        // Each link lands on the indicator's own chart.
        foreach (var (link, label) in new[] { (own, indicators[0].Label), (department, indicators[1].Label) })
        {
            var trends = await client.GetPageAsync(link);
            Assert.Equal(HttpStatusCode.OK, trends.StatusCode);
            var heading = trends.Document.GetElementById(link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..]);
            Assert.NotNull(heading);
            Assert.Equal(label, HtmlPage.Normalize(heading.TextContent));
        }
    }

    [Fact]
    public async Task Creating_an_action_from_a_criterion_rated_3_is_refused_and_from_one_rated_2_is_accepted()
    {
        var structureId = await factory.StructureIdAsync(Other);
        var planId = await PlanAsync(Other, 2047, ReviewState.Draft);
        var (assessmentId, strong, weak) = await factory.WithDbAsync(async db =>
        {
            var gridId = await db.AssessmentGrids.Where(g => g.Framework!.Status == FrameworkStatus.Active).OrderByDescending(g => g.Version).Select(g => g.Id).FirstAsync();
            var criteria = await db.AssessmentCriteria.Where(c => c.GridId == gridId).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            var assessment = new SelfAssessment
            {
                StructureId = structureId, Year = 2047, GridId = gridId, State = ReviewState.Submitted, CreatedAtUtc = DateTime.UtcNow,
                Ratings =
                [
                    new CriterionRating { CriterionId = criteria[0], Level = MaturityLevel.Achieved },
                    new CriterionRating { CriterionId = criteria[1], Level = MaturityLevel.InProgress },
                ],
            };
            db.SelfAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return (assessment.Id, criteria[0], criteria[1]);
        });
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Other));
        string CreatePath(int criterionId) =>
            $"/ActionPlans/Actions/Create?structureId={Id(structureId)}&year=2047&origin=Criterion&assessmentId={Id(assessmentId)}&criterionId={Id(criterionId)}";

        var strongForm = await client.GetPageAsync(CreatePath(strong));
        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(strongForm, strongForm.FormPostingTo("/ActionPlans/Actions/Create"),
            new Dictionary<string, string> { ["OwnerName"] = "Camille Durand" }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ActionPlanService.WeakCriterionMessage, refused.ErrorMessages());
        Assert.Equal("Camille Durand", refused.Document.QuerySelector<IHtmlInputElement>("input[name=OwnerName]")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ImprovementActions.CountAsync(a => a.PlanId == planId)));

        var weakForm = await client.GetPageAsync(CreatePath(weak));
        var accepted = await client.SubmitFormAsync(weakForm, weakForm.FormPostingTo("/ActionPlans/Actions/Create"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var created = await factory.WithDbAsync(db => db.ImprovementActions.Where(a => a.PlanId == planId).Select(a => new { a.Origin, a.SourceCriterionId, a.SourceAssessmentId }).SingleAsync());
        Assert.Equal((ActionOrigin.Criterion, (int?)weak, (int?)assessmentId), (created.Origin, created.SourceCriterionId, created.SourceAssessmentId));
    }
}
