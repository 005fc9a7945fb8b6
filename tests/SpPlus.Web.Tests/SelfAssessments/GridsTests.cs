using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.SelfAssessments;

/// <summary>
/// The grids pages: who manages them, copy on edit of a version used by a submitted assessment, and the creation of the
/// grid of a framework that has none.
/// </summary>
public sealed class GridsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    [Fact]
    public async Task Editing_a_grid_used_by_a_submitted_assessment_creates_version_2_and_the_assessment_keeps_its_criteria()
    {
        var (gridId, assessmentId, criterion) = await factory.WithDbAsync(async db =>
        {
            var grid = await AssessmentsTests.CurrentGridIdAsync(db);
            var structureId = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var assessment = new SelfAssessment { StructureId = structureId, Year = 2032, GridId = grid, State = ReviewState.Submitted, CreatedAtUtc = DateTime.UtcNow };
            db.SelfAssessments.Add(assessment);
            await db.SaveChangesAsync();
            var first = await db.AssessmentCriteria.Where(c => c.GridId == grid).OrderBy(c => c.Engagement!.Number).ThenBy(c => c.Order).FirstAsync();
            return (grid, assessment.Id, first);
        });
        var (version, frameworkId) = await factory.WithDbAsync(async db =>
        {
            var grid = await db.AssessmentGrids.AsNoTracking().SingleAsync(g => g.Id == gridId);
            return (grid.Version, grid.FrameworkId);
        });
        var client = await factory.SignInAsync(Email("referent"));

        var list = await client.GetPageAsync("/SelfAssessments/Grids");
        Assert.Equal("Grilles d'auto-évaluation", list.H1);
        Assert.Contains("Version courante", list.Text);
        var details = await client.GetPageAsync($"/SelfAssessments/Grids/Details/{gridId}");
        Assert.Contains("votre prochaine modification créera", details.Text);
        var editLink = details.Document.QuerySelectorAll<IHtmlAnchorElement>("a").First(a => a.GetAttribute("href") == $"/SelfAssessments/Grids/EditCriterion/{gridId}?criterionId={criterion.Id}");
        var edit = await client.GetPageAsync(editLink.GetAttribute("href")!);
        var form = edit.FormWithField("Wording");

        // A blank wording: refused in French, the guidance typed is kept.
        var blank = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, form, new Dictionary<string, string> { ["Wording"] = " ", ["Guidance"] = "Voir les affiches" }));
        Assert.Contains("Indiquez l'intitulé du critère.", blank.ErrorMessages());
        Assert.Equal("Voir les affiches", blank.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Guidance]")!.Value);

        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(edit, form, new Dictionary<string, string> { ["Wording"] = "Les horaires sont affichés à l'entrée et en ligne" }));
        var newGridId = await factory.WithDbAsync(db => db.AssessmentGrids.Where(g => g.Version == version + 1 && g.FrameworkId == frameworkId).Select(g => g.Id).SingleAsync());
        Assert.EndsWith($"/SelfAssessments/Grids/Details/{newGridId}", saved.Url.AbsolutePath);
        Assert.Contains($"vos modifications ont créé la version {version + 1}.", saved.Text);
        Assert.Contains("Les horaires sont affichés à l'entrée et en ligne", saved.Text);

        // The used version is untouched and read-only; the assessment still shows its original criterion.
        Assert.Equal(criterion.Wording, await factory.WithDbAsync(db => db.AssessmentCriteria.Where(c => c.Id == criterion.Id).Select(c => c.Wording).SingleAsync()));
        var old = await client.GetPageAsync($"/SelfAssessments/Grids/Details/{gridId}");
        Assert.Contains("ne se modifie plus", old.Text);
        Assert.Empty(old.Document.QuerySelectorAll("form[action*='RemoveCriterion']"));
        var assessment = await client.GetPageAsync($"/SelfAssessments/Assessments/Details/{assessmentId}");
        Assert.Contains(criterion.Wording, assessment.Text);
        Assert.DoesNotContain("Les horaires sont affichés à l'entrée et en ligne", assessment.Text);
        Assert.Equal(gridId, await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Id == assessmentId).Select(a => a.GridId).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_administrator_and_the_referent_manage_grids()
    {
        var gridId = await factory.WithDbAsync(AssessmentsTests.CurrentGridIdAsync);
        foreach (var account in new[] { "copil", "clac" })
        {
            var client = await factory.SignInAsync(Email(account));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/SelfAssessments/Grids")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SelfAssessments/Grids/Details/{gridId}")).StatusCode);
        }

        var admin = await factory.SignInAsync(Email("admin"));
        var page = await admin.GetPageAsync($"/SelfAssessments/Grids/Details/{gridId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(page.Document.QuerySelectorAll("form[action*='MoveCriterion']"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/SelfAssessments/Grids/AddCriterion/{gridId}?engagementId="),
            page.Html.Replace("&amp;", "&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_referent_creates_the_grid_of_the_2023_framework_from_the_list_and_a_correspondent_cannot()
    {
        var frameworkId = await factory.WithDbAsync(db => db.EngagementFrameworks.Where(f => f.Year == 2023).Select(f => f.Id).SingleAsync());
        Task<int> GridCountAsync() => factory.WithDbAsync(db => db.AssessmentGrids.CountAsync(g => g.FrameworkId == frameworkId));
        Assert.Equal(0, await GridCountAsync());

        // A correspondent, even with a valid antiforgery token, is refused and nothing is created.
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(ReferenceData.PrefectureSlug));
        var token = HtmlPage.AntiforgeryToken((await correspondent.GetPageAsync("/")).FormPostingTo(AccountPaths.Logout))!;
        var forged = await correspondent.PostAsync("/SelfAssessments/Grids/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["frameworkId"] = frameworkId.ToString(CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, await GridCountAsync());

        // The referent sees the draft framework without grid and creates it.
        var client = await factory.SignInAsync(Email("referent"));
        var list = await client.GetPageAsync("/SelfAssessments/Grids");
        Assert.Contains("Référentiels sans grille", list.Text);
        var form = list.FormPostingTo("/SelfAssessments/Grids/Create");
        Assert.Equal(frameworkId.ToString(CultureInfo.InvariantCulture), form.Elements.OfType<IHtmlInputElement>().Single(e => e.Name == "frameworkId").Value);
        Assert.Contains("Créer la grille du référentiel 2023", HtmlPage.Normalize(form.TextContent));

        var created = await client.FollowRedirectsAsync(await client.SubmitFormAsync(list, form));

        var gridId = await factory.WithDbAsync(db => db.AssessmentGrids.Where(g => g.FrameworkId == frameworkId).Select(g => g.Id).SingleAsync());
        Assert.EndsWith($"/SelfAssessments/Grids/Details/{gridId}", created.Url.AbsolutePath);
        Assert.Equal("Grille d'auto-évaluation — Référentiel Services Publics + 2023 — version 1", created.H1);
        Assert.Contains("La grille a été créée", created.Text);
        Assert.Contains("Grille incomplète", created.Text);
        Assert.Contains("Aucun critère pour les engagements 1, 2, 3, 4, 5, 6, 7 et 8", created.Text);
        Assert.Equal(8, created.Document.QuerySelectorAll<IHtmlAnchorElement>($"a[href^='/SelfAssessments/Grids/AddCriterion/{gridId}?']").Count());
        Assert.Equal("Romain Référent", await factory.WithDbAsync(db => db.AssessmentGrids.Where(g => g.Id == gridId).Select(g => g.CreatedByName).SingleAsync()));

        // The list now shows the new grid, and no framework is waiting any more.
        var after = await client.GetPageAsync("/SelfAssessments/Grids");
        Assert.DoesNotContain("Référentiels sans grille", after.Text);
        Assert.NotNull(after.Document.QuerySelector($"a[href='/SelfAssessments/Grids/Details/{gridId}']"));

        // The same button posted again (a stale page): refused in French, still one grid.
        var again = await client.FollowRedirectsAsync(await client.SubmitFormAsync(list, form));
        Assert.EndsWith("/SelfAssessments/Grids", again.Url.AbsolutePath);
        Assert.Contains(AssessmentGridService.AlreadyCreatedMessage, again.Text);
        Assert.Equal(1, await GridCountAsync());
    }
}
