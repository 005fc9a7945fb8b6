using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace SpPlus.Web.Tests.Reports;

/// <summary>
/// The « Rapports » area over HTTP with real logins: each PDF downloads for whoever reads the page it comes from, and
/// only for them; the page offers only what the user may download. Plans of the tests are in years of their own (2045
/// and later), so that the demo plans are left as they are.
/// </summary>
public sealed class ReportsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Own = ReferenceData.PrefectureSlug;
    private const string Other = "ddt-aube";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> PlanAsync(string slug, int year, ReviewState state, string actionTitle) => factory.WithDbAsync(async db =>
    {
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var plan = new ActionPlan { StructureId = structureId, Year = year, State = state, CreatedAtUtc = DateTime.UtcNow };
        plan.Actions.Add(new ImprovementAction
        {
            Title = actionTitle, Status = ActionStatus.InProgress, Progress = 40, OwnerName = "Camille Durand",
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    /// <summary>A demo plan in <paramref name="state"/>, with its structure's name.</summary>
    private Task<(int Id, string StructureName)> DemoPlanAsync(ReviewState state) => factory.WithDbAsync(async db =>
    {
        var plan = await db.ActionPlans.Where(p => p.State == state && p.Year < 2030).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Structure!.Name }).FirstAsync();
        return (plan.Id, plan.Name);
    });

    /// <summary>A demo quarterly report in (or, with <paramref name="published"/> false, not in) the published state.</summary>
    private Task<(int StructureId, string StructureName, int Year, int Quarter)> DemoReportAsync(bool published) => factory.WithDbAsync(async db =>
    {
        var report = await db.QuarterlyReports
            .Where(r => r.Structure!.IsActive && (published ? r.State == ReviewState.Published : r.State != ReviewState.Published))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.QuarterNumber).ThenBy(r => r.Id)
            .Select(r => new { r.StructureId, r.Structure!.Name, r.Year, r.QuarterNumber })
            .FirstAsync();
        return (report.StructureId, report.Name, report.Year, report.QuarterNumber);
    });

    private static string PosterUrl(int structureId, int year, int quarter) =>
        $"/Reports/ResultsPoster?structureId={Id(structureId)}&year={Id(year)}&quarter={Id(quarter)}";

    /// <summary>Downloads a PDF and returns its file name and text, after checking the answer is a PDF file.</summary>
    private static async Task<(string FileName, string Text, PdfDocument Document)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var document = PdfDocument.Open(bytes);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "";
        return (fileName.Trim('"'), string.Concat(document.GetPages().Select(p => p.Text)), document);
    }

    [Fact]
    public async Task Every_document_downloads_as_a_pdf_with_the_expected_content()
    {
        var referent = await factory.SignInAsync(Email("referent"));
        var clac = await factory.SignInAsync(Email("clac"));
        var published = await DemoReportAsync(published: true);
        var validated = await DemoPlanAsync(ReviewState.Validated);

        // The results poster, for any agent.
        var (posterName, posterText, poster) = await DownloadAsync(clac, PosterUrl(published.StructureId, published.Year, published.Quarter));
        using (poster)
        {
            Assert.Contains(published.StructureName, posterText);
            Assert.Contains("Nos résultats de qualité de service", posterText);
            Assert.True(poster.GetPage(1).Height > poster.GetPage(1).Width, "A4 portrait");
            Assert.EndsWith($"-{published.Year}-T{published.Quarter}.pdf", posterName);
            Assert.StartsWith("affiche-resultats-", posterName);
        }

        // The engagements poster.
        var (engagementsName, engagementsText, engagements) = await DownloadAsync(clac, "/Reports/EngagementsPoster");
        using (engagements)
        {
            Assert.Contains("Nos engagements Services", engagementsText);
            Assert.StartsWith("affiche-engagements-", engagementsName);
        }

        // The quarterly département report, for the referent: every active structure in the completeness table.
        var (departmentName, departmentText, department) = await DownloadAsync(referent, $"/Reports/DepartmentReport?year={Id(published.Year)}&quarter={Id(published.Quarter)}");
        using (department)
        {
            Assert.Contains("Rapport trimestriel départemental", departmentText);
            Assert.Contains(published.StructureName, departmentText);
            Assert.Contains("Préfecture de l'Aube", departmentText);
            Assert.EndsWith($"-{published.Year}-T{published.Quarter}.pdf", departmentName);
        }

        // A validated action plan, for the CLAC reader too: landscape, with its structure.
        var (planName, planText, plan) = await DownloadAsync(clac, $"/Reports/ActionPlan/{Id(validated.Id)}");
        using (plan)
        {
            Assert.Contains(validated.StructureName, planText);
            Assert.Contains("Validé le", planText);
            Assert.All(plan.GetPages(), p => Assert.True(p.Width > p.Height));
            Assert.StartsWith("plan-action-", planName);
        }
    }

    [Fact]
    public async Task A_correspondent_downloads_their_own_draft_plan_but_not_another_structure_s()
    {
        var ownPlan = await PlanAsync(Own, 2045, ReviewState.Draft, "Accueil sans rendez-vous le mardi");
        var otherPlan = await PlanAsync(Other, 2045, ReviewState.Draft, "Refonte du formulaire d'urbanisme");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));

        var (fileName, text, document) = await DownloadAsync(correspondent, $"/Reports/ActionPlan/{Id(ownPlan)}");
        using (document)
        {
            Assert.Equal("plan-action-prefecture-aube-2045.pdf", fileName);
            Assert.Contains("Préfecture de l'Aube", text);
            Assert.Contains("Accueil sans rendez-vous le mardi", text);
            Assert.Contains("40\u00A0%", text);
            Assert.Contains("Brouillon", text);
        }

        var refused = await correspondent.GetAsync($"/Reports/ActionPlan/{Id(otherPlan)}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Accès refusé", HtmlPage.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());

        // The page offers the own draft and not the other one.
        var page = await correspondent.GetPageAsync("/Reports?year=2045");
        var links = page.Document.QuerySelectorAll("a[href^='/Reports/ActionPlan/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Reports/ActionPlan/{Id(ownPlan)}"], links);
        Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync($"/Reports/DepartmentReport?year=2045&quarter=1")).StatusCode);
        Assert.Empty(page.Document.QuerySelectorAll("a[href^='/Reports/DepartmentReport']"));
    }

    [Fact]
    public async Task The_clac_reader_gets_validated_plans_only_and_never_the_department_report()
    {
        var clac = await factory.SignInAsync(Email("clac"));
        var published = await DemoReportAsync(published: true);
        foreach (var state in new[] { ReviewState.Approved, ReviewState.Submitted, ReviewState.Draft })
        {
            var (planId, _) = await DemoPlanAsync(state);
            Assert.Equal(HttpStatusCode.Forbidden, (await clac.GetAsync($"/Reports/ActionPlan/{Id(planId)}")).StatusCode);
        }

        var validated = await DemoPlanAsync(ReviewState.Validated);
        Assert.Equal(HttpStatusCode.OK, (await clac.GetAsync($"/Reports/ActionPlan/{Id(validated.Id)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clac.GetAsync($"/Reports/DepartmentReport?year={Id(published.Year)}&quarter={Id(published.Quarter)}")).StatusCode);

        // The COPIL member reads the département report; the page offers it to them and not to the CLAC reader.
        var copil = await factory.SignInAsync(Email("copil"));
        Assert.Equal(HttpStatusCode.OK, (await copil.GetAsync($"/Reports/DepartmentReport?year={Id(published.Year)}&quarter={Id(published.Quarter)}")).StatusCode);
        var copilPage = await copil.GetPageAsync($"/Reports?year={Id(published.Year)}");
        Assert.Contains("Rapport trimestriel départemental", copilPage.Text);
        var clacPage = await clac.GetPageAsync($"/Reports?year={Id(published.Year)}");
        Assert.Equal("Rapports", clacPage.H1);
        Assert.DoesNotContain("Rapport trimestriel départemental", clacPage.Text);
        Assert.NotEmpty(clacPage.Document.QuerySelectorAll("a[href^='/Reports/ResultsPoster']"));
        Assert.NotNull(clacPage.Document.QuerySelector("a[href='/Reports/EngagementsPoster']"));
        // The plans the page offers to the CLAC reader are validated ones.
        var offered = clacPage.Document.QuerySelectorAll("a[href^='/Reports/ActionPlan/']").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture)).ToList();
        var states = await factory.WithDbAsync(db => db.ActionPlans.Where(p => offered.Contains(p.Id)).Select(p => p.State).ToListAsync());
        Assert.All(states, s => Assert.Equal(ReviewState.Validated, s));
    }

    [Fact]
    public async Task The_clac_pack_holds_validated_plans_only_and_is_the_same_document_whoever_downloads_it()
    {
        const string Done = "Borne d'accueil traduite en anglais";
        const string Draft = "Projet de permanence du samedi";
        await factory.WithDbAsync(async db =>
        {
            var structures = await db.Structures.Where(s => s.Slug == Own || s.Slug == Other).ToDictionaryAsync(s => s.Slug, s => s.Id);
            ActionPlan Plan(string slug, ReviewState state, string title) => new()
            {
                StructureId = structures[slug], Year = 2046, State = state, CreatedAtUtc = DateTime.UtcNow,
                Actions =
                [
                    new ImprovementAction
                    {
                        Title = title, Status = ActionStatus.Done, Progress = 100, ShowToUsers = true, OwnerName = "Camille Durand",
                        CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                    },
                ],
            };
            db.ActionPlans.AddRange(Plan(Own, ReviewState.Validated, Done), Plan(Other, ReviewState.Draft, Draft));
            await db.SaveChangesAsync();
        });

        // The CLAC reader, and the other structure's correspondent, who reads that draft plan on its page.
        var clac = await factory.SignInAsync(Email("clac"));
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Other));
        var texts = new List<string>();
        foreach (var client in new[] { clac, correspondent })
        {
            var (fileName, text, document) = await DownloadAsync(client, "/Reports/ClacPack?year=2046");
            using (document)
            {
                Assert.Equal("dossier-clac-aube-2046.pdf", fileName);
                Assert.Contains("Dossier CLAC 2046", text);
                Assert.Contains(Done, text);
                Assert.DoesNotContain(Draft, text);
                Assert.DoesNotContain("Camille Durand", text);
                // Without the footer's generation time, the same pages for both.
                texts.Add(string.Concat(document.GetPages().Select(p => p.Text.Split("Généré le")[0])));
            }
        }

        Assert.Equal(texts[0], texts[1]);
        var page = await clac.GetPageAsync("/Reports?year=2046");
        Assert.NotNull(page.Document.QuerySelector("a[href='/Reports/ClacPack?year=2046']"));
    }

    [Fact]
    public async Task A_poster_of_a_quarter_that_is_not_published_is_not_found()
    {
        var referent = await factory.SignInAsync(Email("referent"));
        var notPublished = await DemoReportAsync(published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(PosterUrl(notPublished.StructureId, notPublished.Year, notPublished.Quarter))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(PosterUrl(notPublished.StructureId, notPublished.Year, 5))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(PosterUrl(notPublished.StructureId, 1999, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync("/Reports/DepartmentReport?year=2099&quarter=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync("/Reports/ActionPlan/999999")).StatusCode);

        // The page offers no poster for it.
        var page = await referent.GetPageAsync($"/Reports?year={Id(notPublished.Year)}&quarter={Id(notPublished.Quarter)}&structureId={Id(notPublished.StructureId)}");
        Assert.Empty(page.Document.QuerySelectorAll("a[href^='/Reports/ResultsPoster']"));
    }

    [Fact]
    public async Task The_menu_and_the_pages_link_to_the_downloads()
    {
        var referent = await factory.SignInAsync(Email("referent"));
        var home = await referent.GetPageAsync("/");
        var nav = home.Document.QuerySelectorAll("#navigation-principale a.fr-nav__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Rapports", nav);

        var validated = await DemoPlanAsync(ReviewState.Validated);
        var plan = await referent.GetPageAsync($"/ActionPlans/Plans/Details/{Id(validated.Id)}");
        var planLink = plan.Document.QuerySelectorAll("a").First(a => a.TextContent.Contains("Télécharger le plan (PDF)", StringComparison.Ordinal));
        Assert.Equal($"/Reports/ActionPlan/{Id(validated.Id)}", planLink.GetAttribute("href"));

        var (publishedId, unpublishedId) = await factory.WithDbAsync(async db => (
            await db.QuarterlyReports.Where(r => r.State == ReviewState.Published).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            await db.QuarterlyReports.Where(r => r.State != ReviewState.Published).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()));
        var report = await referent.GetPageAsync($"/Indicators/Reports/Details/{Id(publishedId)}");
        var posterHref = report.Document.QuerySelector("a[href^='/Reports/ResultsPoster']")?.GetAttribute("href");
        Assert.NotNull(posterHref);
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync(posterHref)).StatusCode);
        var draft = await referent.GetPageAsync($"/Indicators/Reports/Details/{Id(unpublishedId)}");
        Assert.Null(draft.Document.QuerySelector("a[href^='/Reports/ResultsPoster']"));
    }
}
