using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>The completeness board and the trends, on the demo data (four past quarters in mixed states).</summary>
public sealed class BoardAndTrendsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    [Theory]
    [InlineData("referent", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("copil", HttpStatusCode.Forbidden)]
    [InlineData("clac", HttpStatusCode.Forbidden)]
    [InlineData("correspondant.prefecture-aube", HttpStatusCode.Forbidden)]
    public async Task The_board_is_for_the_referent_and_the_administrator(string account, HttpStatusCode expected)
    {
        var client = await factory.SignInAsync(Email(account));
        var response = await client.GetAsync("/Indicators/Board");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var client = factory.CreateBrowserClient();
        Assert.True((await client.GetAsync("/Indicators/Board")).RedirectsToLogin());
        Assert.True((await client.GetAsync("/Indicators/Trends")).RedirectsToLogin());
    }

    [Fact]
    public async Task The_board_shows_every_structure_over_the_last_four_quarters_with_states_deadlines_and_links()
    {
        var client = await factory.SignInAsync(Email("referent"));

        var page = await client.GetPageAsync("/Indicators/Board");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Tableau de complétude", page.H1);
        var last = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;
        Assert.Equal(["Structure", .. Quarter.Range(last, 4).Select(q => q.ToString())],
            page.Document.QuerySelectorAll("thead th").Select(th => HtmlPage.Normalize(th.TextContent)));
        var rows = page.Document.QuerySelectorAll("tbody tr");
        Assert.Equal(6, rows.Length);

        // The demo's latest quarter: drafts, submitted reports and returned ones; the oldest quarter is published.
        var latestCells = rows.Select(r => r.QuerySelector($"td[data-quarter='{last.ToSlug()}']")!).ToList();
        Assert.Contains(latestCells, c => c.TextContent.Contains("Renvoyé", StringComparison.Ordinal));
        Assert.Contains(latestCells, c => c.TextContent.Contains("Soumis", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("Publié", r.QuerySelector($"td[data-quarter='{last.Previous.Previous.Previous.ToSlug()}']")!.TextContent, StringComparison.Ordinal));
        var deadline = last.LastDay.AddDays(20);
        Assert.All(latestCells, c => Assert.Contains($"Échéance : {deadline:dd/MM/yyyy}", HtmlPage.Normalize(c.TextContent), StringComparison.Ordinal));
        if (DateOnly.FromDateTime(DateTime.UtcNow) > deadline)
        {
            Assert.All(latestCells.Where(c => c.GetAttribute("data-state") is "Draft" or "Returned"),
                c => Assert.Contains("En retard", c.TextContent, StringComparison.Ordinal));
        }

        Assert.All(latestCells.Where(c => c.GetAttribute("data-state") is "Submitted"),
            c => Assert.DoesNotContain("En retard", c.TextContent, StringComparison.Ordinal));

        var reportIds = await factory.WithDbAsync(db => db.QuarterlyReports.Select(r => r.Id).ToListAsync());
        var links = page.Document.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(24, links.Count);
        Assert.All(links, href => Assert.Contains(reportIds, id => href == $"/Indicators/Reports/Details/{id}"));
    }

    [Fact]
    public async Task The_board_filters_by_state_and_structure_type()
    {
        var client = await factory.SignInAsync(Email("referent"));

        var returned = await client.GetPageAsync("/Indicators/Board?Filter.State=Returned");
        var subPrefectures = await client.GetPageAsync("/Indicators/Board?Filter.StructureType=SubPrefecture");

        var returnedRows = returned.Document.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(returnedRows);
        Assert.True(returnedRows.Length < 6);
        Assert.All(returnedRows, r => Assert.NotNull(r.QuerySelector("td[data-state=Returned]")));
        Assert.Equal(
            ["Sous-préfecture de Bar-sur-Aube", "Sous-préfecture de Nogent-sur-Seine"],
            subPrefectures.Document.QuerySelectorAll("tbody th").Select(th => th.ChildNodes[0].TextContent.Trim()));
    }

    [Fact]
    public async Task A_correspondent_starts_with_the_trends_of_their_structure_and_anyone_can_see_the_departement()
    {
        var client = await factory.SignInAsync(Email("correspondant.ddt-aube"));

        var own = await client.GetPageAsync("/Indicators/Trends");
        var department = await client.GetPageAsync("/Indicators/Trends?structureId=0");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("Évolution des indicateurs", own.H1);
        Assert.StartsWith("DDT de l'Aube :", HtmlPage.Normalize(own.Document.QuerySelector(".fr-text--lead")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Valeurs publiées", own.Text, StringComparison.Ordinal);
        Assert.NotEmpty(own.Document.QuerySelectorAll("svg[role=img] title"));
        // The préfecture-only indicators do not apply to the DDT.
        Assert.DoesNotContain("Délai de remise d'un titre de séjour renouvelé", own.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
        Assert.StartsWith("Département", HtmlPage.Normalize(department.Document.QuerySelector(".fr-text--lead")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("pondérées", department.Text, StringComparison.Ordinal);
        Assert.Contains("Délai de remise d'un titre de séjour renouvelé", department.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_departement_trend_shows_the_weighted_figure_of_the_published_reports()
    {
        var client = await factory.SignInAsync(Email("referent"));
        var oldest = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous.Previous.Previous.Previous;
        var expected = await factory.WithDbAsync(async db =>
        {
            var figures = await db.IndicatorValues
                .Where(v => v.Indicator!.Code == "TAUX-DECROCHE" && v.Report!.State == ReviewState.Published
                    && v.Report.Year == oldest.Year && v.Report.QuarterNumber == oldest.Number)
                .Select(v => new { v.Numerator, v.Denominator })
                .ToListAsync();
            Assert.True(figures.Count >= 2);
            return 100.0 * figures.Sum(f => f.Numerator!.Value) / figures.Sum(f => f.Denominator!.Value);
        });

        var page = await client.GetPageAsync("/Indicators/Trends?structureId=0");

        var table = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.EndsWith("Taux de décroché (par un agent)", StringComparison.Ordinal));
        var row = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == oldest.ToString());
        Assert.Equal($"{expected.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} %", HtmlPage.Normalize(row.QuerySelectorAll("td")[0].TextContent));
    }
}

/// <summary>
/// No query per structure: the board and the trends send the same number of SQL commands with the six demo
/// structures and with thirty (each with published results), on a factory of their own.
/// </summary>
public sealed class BoardAndTrendsQueryCountTests(FrozenTimeSpPlusFactory factory) : IClassFixture<FrozenTimeSpPlusFactory>
{
    [Fact]
    public async Task The_board_and_the_trends_send_as_many_queries_for_thirty_structures_as_for_six()
    {
        var referent = await factory.SignInAsync($"referent@{DemoDataSeeder.EmailDomain}");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));
        string[] referentPaths = ["/Indicators/Board", "/Indicators/Board?Filter.State=Published", "/Indicators/Trends?structureId=0"];
        const string correspondentPath = "/Indicators/Trends";
        foreach (var path in referentPaths)
        {
            await referent.GetAsync(path); // warm-up
        }

        await correspondent.GetAsync(correspondentPath);

        var before = new List<int>();
        foreach (var path in referentPaths)
        {
            before.Add(await CountAsync(referent, path));
        }

        before.Add(await CountAsync(correspondent, correspondentPath));

        Assert.Equal(6, await factory.WithDbAsync(db => db.Structures.CountAsync()));
        await AddStructuresWithPublishedResultsAsync(24);
        var board = await referent.GetPageAsync("/Indicators/Board");
        Assert.Equal(30, board.Document.QuerySelectorAll("tbody tr").Length);

        var after = new List<int>();
        foreach (var path in referentPaths)
        {
            after.Add(await CountAsync(referent, path));
        }

        after.Add(await CountAsync(correspondent, correspondentPath));

        Assert.All(before, count => Assert.InRange(count, 1, 12));
        Assert.Equal(before, after);
    }

    private async Task<int> CountAsync(HttpClient client, string path)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Count;
    }

    private Task AddStructuresWithPublishedResultsAsync(int count) => factory.WithDbAsync(async db =>
    {
        var departmentId = await db.Departments.Select(d => d.Id).FirstAsync();
        var indicatorIds = await db.Indicators.Where(i => i.Kind == IndicatorKind.Ratio && i.Source == IndicatorSource.Entered).Select(i => i.Id).ToListAsync();
        var last = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;
        for (var i = 0; i < count; i++)
        {
            var structure = new Structure { DepartmentId = departmentId, Name = $"Service supplémentaire {i + 1:00}", Slug = $"service-supplementaire-{i + 1}", Type = StructureType.Ddt };
            db.Structures.Add(structure);
            foreach (var quarter in Quarter.Range(last, 4))
            {
                db.QuarterlyReports.Add(new QuarterlyReport
                {
                    Structure = structure,
                    Year = quarter.Year,
                    QuarterNumber = quarter.Number,
                    State = i % 2 == 0 ? ReviewState.Published : ReviewState.Draft,
                    CreatedAtUtc = DateTime.UtcNow,
                    StateChangedAtUtc = DateTime.UtcNow,
                    Values = indicatorIds.Select(id => new IndicatorValue { IndicatorId = id, Numerator = 80 + i, Denominator = 120 }).ToList(),
                });
            }
        }

        await db.SaveChangesAsync();
        // Returned drafts too, so that the query for the last review events has rows to read.
        var drafts = await db.QuarterlyReports.Where(r => r.State == ReviewState.Draft && r.Structure!.Slug.StartsWith("service-supplementaire-")).ToListAsync();
        db.ReviewEvents.AddRange(drafts.Select(r => new ReviewEvent
        {
            DocumentKind = ReviewDocumentKind.QuarterlyReport,
            DocumentId = r.Id,
            StructureId = r.StructureId,
            Action = ReviewAction.Return,
            FromState = ReviewState.Submitted,
            ToState = ReviewState.Draft,
            ActorUserId = "test",
            ActorName = "Romain Référent",
            AtUtc = DateTime.UtcNow,
            Comment = "À corriger",
        }));
        await db.SaveChangesAsync();
    });
}
