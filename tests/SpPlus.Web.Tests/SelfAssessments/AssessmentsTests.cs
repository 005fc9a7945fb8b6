using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.SelfAssessments;

/// <summary>
/// Self-assessments over HTTP: a correspondent opens and rates their structure's assessment through the real form, the
/// referent approves, a COPIL member validates in a meeting; who reads and who writes what; the list's query count.
/// Tests use years no demo data uses (next year, 2031 and later) so that they do not collide.
/// </summary>
public sealed class AssessmentsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Ddt = "ddt-aube";
    private const string Prefecture = "prefecture-aube";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_correspondent_rates_and_submits_the_referent_approves_and_the_copil_validates_in_a_meeting()
    {
        var ddt = await factory.StructureIdAsync(Ddt);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Ddt));

        // Open next year's assessment from the list: only the correspondent's structure is offered.
        var index = await client.GetPageAsync("/SelfAssessments/Assessments");
        Assert.Equal("Auto-évaluations", index.H1);
        var openForm = index.FormPostingTo("/SelfAssessments/Assessments/Open");
        Assert.Equal([Id(ddt)], openForm.QuerySelectorAll("select[name='open.OpenStructureId'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)));
        var nextYear = openForm.QuerySelectorAll("select[name='open.OpenYear'] option").Select(o => int.Parse(o.GetAttribute("value")!, CultureInfo.InvariantCulture)).Max();
        var edit = await client.FollowRedirectsAsync(await client.SubmitFormAsync(index, openForm, new Dictionary<string, string>
        {
            ["open.OpenStructureId"] = Id(ddt),
            ["open.OpenYear"] = Id(nextYear),
        }));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var id = await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.StructureId == ddt && a.Year == nextYear).Select(a => a.Id).SingleAsync());
        Assert.EndsWith($"/SelfAssessments/Assessments/Edit/{id}", edit.Url.AbsolutePath);
        Assert.Equal($"Auto-évaluation {nextYear} — DDT de l'Aube", edit.H1);
        Assert.Contains("niveaux 3 et 4", edit.Text);

        var form = edit.FormWithField("Rows[0].CriterionId");
        var rows = form.QuerySelectorAll<IHtmlInputElement>("input[name$='.CriterionId']").Select(i => i.Name!.Replace(".CriterionId", "", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 10);
        Assert.Equal(5, form.QuerySelectorAll($"input[type=radio][name='{rows[0]}.Level']").Length);

        // Too long evidence on the second criterion: the form comes back with everything typed and the error; nothing saved.
        var typed = new Dictionary<string, string>
        {
            [$"{rows[0]}.Level"] = "NotEngaged",
            [$"{rows[0]}.Comment"] = "Accueil téléphonique à revoir",
            [$"{rows[1]}.Level"] = "Exemplary",
            [$"{rows[1]}.Evidence"] = new string('p', 4001),
        };
        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, form, typed));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(refused.ErrorMessages(), m => m.Contains("Les éléments de preuve doivent contenir au plus 4000 caractères.", StringComparison.Ordinal));
        Assert.True(refused.Document.QuerySelector<IHtmlInputElement>($"input[type=radio][name='{rows[0]}.Level'][value=NotEngaged]")!.IsChecked);
        Assert.Equal("Accueil téléphonique à revoir", refused.Document.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{rows[0]}.Comment']")!.Value);
        Assert.Equal(4001, refused.Document.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{rows[1]}.Evidence']")!.Value.Length);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CriterionRatings.CountAsync(r => r.AssessmentId == id)));

        // Valid: saved, and the user stays on the form.
        typed[$"{rows[1]}.Evidence"] = "Charte d'accueil affichée";
        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(edit, form, typed));
        Assert.Contains("L'auto-évaluation a été enregistrée.", saved.Text);
        Assert.EndsWith($"/SelfAssessments/Assessments/Edit/{id}", saved.Url.AbsolutePath);
        Assert.Equal(2, await factory.WithDbAsync(db => db.CriterionRatings.CountAsync(r => r.AssessmentId == id)));

        // A stale token (the form of before the save): the conflict message, the typed values kept, nothing saved.
        var stale = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, form, new Dictionary<string, string>(typed) { [$"{rows[2]}.Level"] = "Achieved" }));
        Assert.Contains(ReviewService.ConflictMessage, stale.Text);
        Assert.True(stale.Document.QuerySelector<IHtmlInputElement>($"input[type=radio][name='{rows[2]}.Level'][value=Achieved]")!.IsChecked);
        Assert.Equal(2, await factory.WithDbAsync(db => db.CriterionRatings.CountAsync(r => r.AssessmentId == id)));

        // Submission refused while criteria are unrated.
        var details = await client.GetPageAsync($"/SelfAssessments/Assessments/Details/{id}");
        Assert.Contains("Modifier", details.Document.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        var notYet = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, ReviewForm(details, ReviewAction.Submit)));
        Assert.Contains("Évaluez tous les critères avant de soumettre l'auto-évaluation", notYet.Text);
        Assert.Equal(ReviewState.Draft, await StateAsync(id));

        // Rate everything (the first criterion stays weak), then submit.
        var editAgain = await client.GetPageAsync($"/SelfAssessments/Assessments/Edit/{id}");
        var all = rows.Skip(1).ToDictionary(r => $"{r}.Level", _ => "Achieved");
        await client.FollowRedirectsAsync(await client.SubmitFormAsync(editAgain, editAgain.FormWithField("Rows[0].CriterionId"), all));
        details = await client.GetPageAsync($"/SelfAssessments/Assessments/Details/{id}");
        var submitted = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, ReviewForm(details, ReviewAction.Submit)));
        Assert.Contains("L'auto-évaluation a été soumise au référent.", submitted.Text);
        Assert.Equal(ReviewState.Submitted, await StateAsync(id));

        // The weak criterion offers to create an action, pre-filled.
        var createAction = submitted.Document.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.Contains("Créer une action", StringComparison.Ordinal));
        var criterionId = await factory.WithDbAsync(db => db.CriterionRatings.Where(r => r.AssessmentId == id && r.Level == MaturityLevel.NotEngaged).Select(r => r.CriterionId).SingleAsync());
        Assert.Equal($"/ActionPlans/Actions/Create?structureId={ddt}&year={nextYear}&origin=Criterion&assessmentId={id}&criterionId={criterionId}", createAction.GetAttribute("href"));
        Assert.Contains("radar", submitted.Document.QuerySelector("svg")?.OuterHtml ?? "", StringComparison.OrdinalIgnoreCase);

        // The referent approves.
        var referent = await factory.SignInAsync(Email("referent"));
        var toApprove = await referent.GetPageAsync($"/SelfAssessments/Assessments/Details/{id}");
        await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(toApprove, ReviewForm(toApprove, ReviewAction.Approve)));
        Assert.Equal(ReviewState.Approved, await StateAsync(id));

        // A COPIL member reads it, cannot edit it, and validates only with a meeting.
        var copil = await factory.SignInAsync(Email("copil"));
        var copilPage = await copil.GetPageAsync($"/SelfAssessments/Assessments/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, copilPage.StatusCode);
        Assert.DoesNotContain("Modifier", copilPage.Document.QuerySelectorAll("a.fr-btn").Select(a => a.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Forbidden, (await copil.GetAsync($"/SelfAssessments/Assessments/Edit/{id}")).StatusCode);
        var token = await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == id).Select(a => a.ConcurrencyToken).SingleAsync());
        var copilPost = await copil.PostAsync($"/SelfAssessments/Assessments/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlPage.AntiforgeryToken(ReviewForm(copilPage, ReviewAction.Validate))!,
            ["Token"] = token.ToString(),
            ["Rows[0].CriterionId"] = Id(criterionId),
            ["Rows[0].Level"] = "Exemplary",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, copilPost.StatusCode);
        Assert.Equal(MaturityLevel.NotEngaged, await factory.WithDbAsync(db => db.CriterionRatings.Where(r => r.AssessmentId == id && r.CriterionId == criterionId).Select(r => r.Level).SingleAsync()));

        var noMeeting = await copil.FollowRedirectsAsync(await copil.SubmitFormAsync(copilPage, ReviewForm(copilPage, ReviewAction.Validate), new Dictionary<string, string> { ["MeetingId"] = "" }));
        Assert.Contains("Indiquez la réunion du COPIL au cours de laquelle la validation a été décidée.", noMeeting.Text);
        Assert.Equal(ReviewState.Approved, await StateAsync(id));

        var meetingId = await factory.WithDbAsync(async db =>
        {
            var meeting = new Meeting
            {
                Kind = MeetingKind.Copil, HeldAt = new DateTime(2026, 6, 18, 14, 0, 0), Place = "Salle Camille Claudel",
                CreatedByUserId = await db.Users.Where(u => u.Email == Email("copil")).Select(u => u.Id).SingleAsync(),
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var withMeeting = await copil.GetPageAsync($"/SelfAssessments/Assessments/Details/{id}");
        var validated = await copil.FollowRedirectsAsync(await copil.SubmitFormAsync(withMeeting, ReviewForm(withMeeting, ReviewAction.Validate),
            new Dictionary<string, string> { ["MeetingId"] = Id(meetingId) }));
        Assert.Contains("L'auto-évaluation a été validée en COPIL.", validated.Text);
        Assert.Equal(ReviewState.Validated, await StateAsync(id));
        Assert.NotNull(await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == id).Select(a => a.ValidatedAtUtc).SingleAsync()));
        var history = validated.Document.QuerySelector("section[aria-labelledby^='relecture'] table")!;
        Assert.Contains("COPIL du 18/06/2026 — Salle Camille Claudel", history.TextContent);
        Assert.NotNull(history.QuerySelector($"a[href='/Governance/Meetings/Details/{meetingId}']"));

        // A CLAC reader sees the validated assessment.
        var clac = await factory.SignInAsync(Email("clac"));
        Assert.Equal(HttpStatusCode.OK, (await clac.GetAsync($"/SelfAssessments/Assessments/Details/{id}")).StatusCode);
        var clacList = await clac.GetPageAsync($"/SelfAssessments/Assessments?year={nextYear}&structureId={ddt}");
        Assert.Contains(clacList.Document.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/SelfAssessments/Assessments/Details/{id}");
    }

    [Fact]
    public async Task After_a_concurrency_conflict_the_form_keeps_the_typed_ratings_and_its_refreshed_token_saves_them()
    {
        var ddt = await factory.StructureIdAsync(Ddt);
        var id = await AddAssessmentAsync(ddt, 2042, ReviewState.Draft);
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Ddt));
        var referent = await factory.SignInAsync(Email("referent"));
        var seenByCorrespondent = await correspondent.GetPageAsync($"/SelfAssessments/Assessments/Edit/{id}");
        var seenByReferent = await referent.GetPageAsync($"/SelfAssessments/Assessments/Edit/{id}");
        var criteria = Enumerable.Range(0, 2)
            .Select(i => int.Parse(seenByCorrespondent.Document.QuerySelector<IHtmlInputElement>($"input[name='Rows[{i}].CriterionId']")!.Value, CultureInfo.InvariantCulture))
            .ToList();

        // The referent saves first: the correspondent's page is now stale.
        var first = await referent.SubmitFormAsync(seenByReferent, seenByReferent.FormWithField("Rows[0].CriterionId"),
            new Dictionary<string, string> { ["Rows[0].Level"] = "Achieved" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var typed = new Dictionary<string, string>
        {
            ["Rows[0].Level"] = "NotEngaged",
            ["Rows[0].Comment"] = "Accueil du samedi à organiser",
            ["Rows[1].Level"] = "InProgress",
        };
        var stale = await HtmlPage.ReadAsync(await correspondent.SubmitFormAsync(seenByCorrespondent, seenByCorrespondent.FormWithField("Rows[0].CriterionId"), typed));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(ReviewService.ConflictMessage, stale.ErrorMessages());
        Assert.True(stale.Document.QuerySelector<IHtmlInputElement>("input[type=radio][name='Rows[0].Level'][value=NotEngaged]")!.IsChecked);
        Assert.Equal("Accueil du samedi à organiser", stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Rows[0].Comment']")!.Value);
        Assert.True(stale.Document.QuerySelector<IHtmlInputElement>("input[type=radio][name='Rows[1].Level'][value=InProgress]")!.IsChecked);
        var current = await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == id).Select(a => a.ConcurrencyToken).SingleAsync());
        var form = stale.FormWithField("Rows[0].CriterionId");
        Assert.Equal(current.ToString(), form.QuerySelector<IHtmlInputElement>("input[name=Token]")!.Value);
        Assert.Equal(MaturityLevel.Achieved, await LevelAsync(id, criteria[0]));

        // Submitted again as it came back (the typed values, the refreshed token): saved.
        var saved = await correspondent.FollowRedirectsAsync(await correspondent.SubmitFormAsync(stale, form));
        Assert.Contains("L'auto-évaluation a été enregistrée.", saved.Text);
        Assert.Equal(MaturityLevel.NotEngaged, await LevelAsync(id, criteria[0]));
        Assert.Equal(MaturityLevel.InProgress, await LevelAsync(id, criteria[1]));
    }

    [Fact]
    public async Task Another_structures_draft_is_neither_listed_nor_readable_nor_openable()
    {
        var prefecture = await factory.StructureIdAsync(Prefecture);
        var draftId = await AddAssessmentAsync(prefecture, 2031, ReviewState.Draft);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Ddt));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SelfAssessments/Assessments/Details/{draftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SelfAssessments/Assessments/Edit/{draftId}")).StatusCode);
        var list = await client.GetPageAsync($"/SelfAssessments/Assessments?structureId={prefecture}&year=2031");
        Assert.DoesNotContain(list.Document.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/SelfAssessments/Assessments/Details/{draftId}");
        Assert.Contains("Aucune auto-évaluation ne correspond à ces critères.", list.Text);

        // Opening one for a structure that is not theirs is refused.
        var index = await client.GetPageAsync("/SelfAssessments/Assessments");
        var open = await client.SubmitFormAsync(index, index.FormPostingTo("/SelfAssessments/Assessments/Open"), new Dictionary<string, string>
        {
            ["open.OpenStructureId"] = Id(prefecture),
            ["open.OpenYear"] = Id(DateTime.UtcNow.Year),
        });
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);

        // A CLAC reader does not see a draft either; the prefecture's own correspondent does.
        var clac = await factory.SignInAsync(Email("clac"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clac.GetAsync($"/SelfAssessments/Assessments/Details/{draftId}")).StatusCode);
        var clacList = await clac.GetPageAsync("/SelfAssessments/Assessments?year=2031");
        Assert.DoesNotContain(clacList.Document.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/SelfAssessments/Assessments/Details/{draftId}");
        var own = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Prefecture));
        var ownList = await own.GetPageAsync("/SelfAssessments/Assessments?year=2031");
        Assert.Contains(ownList.Document.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/SelfAssessments/Assessments/Details/{draftId}");
    }

    [Fact]
    public async Task The_list_shows_the_overall_score_and_its_query_count_does_not_grow_with_rows()
    {
        const int year = 2033;
        var structures = await factory.WithDbAsync(db => db.Structures.OrderBy(s => s.Id).Select(s => s.Id).Take(8).ToListAsync());
        await AddAssessmentAsync(structures[0], year, ReviewState.Validated, MaturityLevel.NotEngaged, MaturityLevel.InProgress, MaturityLevel.NotApplicable);
        var client = await factory.SignInAsync(Email("referent"));
        var path = $"/SelfAssessments/Assessments?year={year}";
        await client.GetAsync(path);

        factory.Commands.Reset();
        var few = await client.GetPageAsync(path);
        var fewCount = factory.Commands.Count;
        foreach (var structure in structures.Skip(1))
        {
            await AddAssessmentAsync(structure, year, ReviewState.Submitted, MaturityLevel.Achieved, MaturityLevel.Exemplary);
        }

        factory.Commands.Reset();
        var many = await client.GetPageAsync(path);
        var manyCount = factory.Commands.Count;

        Assert.Single(few.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("37,5 %", few.Document.QuerySelector("tbody tr")!.TextContent);
        Assert.Equal(structures.Count, many.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(many.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("87,5 %", StringComparison.Ordinal));
        Assert.True(fewCount == manyCount, $"{fewCount} commands with one row, {manyCount} with {structures.Count}: a query per row?");
    }

    private async Task<int> AddAssessmentAsync(int structureId, int year, ReviewState state, params MaturityLevel[] levels) =>
        await factory.WithDbAsync(async db =>
        {
            var gridId = await CurrentGridIdAsync(db);
            var criteria = await db.AssessmentCriteria.Where(c => c.GridId == gridId).OrderBy(c => c.Id).Select(c => c.Id).Take(levels.Length).ToListAsync();
            var assessment = new SelfAssessment
            {
                StructureId = structureId, Year = year, GridId = gridId, State = state, CreatedAtUtc = DateTime.UtcNow,
                Ratings = criteria.Select((c, i) => new CriterionRating { CriterionId = c, Level = levels[i] }).ToList(),
            };
            db.SelfAssessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment.Id;
        });

    internal static Task<int> CurrentGridIdAsync(SpPlusDbContext db) =>
        db.AssessmentGrids.Where(g => g.Framework!.Status == FrameworkStatus.Active).OrderByDescending(g => g.Version).Select(g => g.Id).FirstAsync();

    private Task<MaturityLevel?> LevelAsync(int id, int criterionId) =>
        factory.WithDbAsync(db => db.CriterionRatings.Where(r => r.AssessmentId == id && r.CriterionId == criterionId).Select(r => r.Level).SingleOrDefaultAsync());

    private Task<ReviewState> StateAsync(int id) =>
        factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == id).Select(a => a.State).SingleAsync());

    internal static IHtmlFormElement ReviewForm(HtmlPage page, ReviewAction action) =>
        page.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=ReviewAction]")?.Value == action.ToString())
        ?? throw new InvalidOperationException($"No form for {action} on {page.Url}.");
}
