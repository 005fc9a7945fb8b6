using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpPlus.Web.Controllers;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>
/// The public results, anonymous. A structure of the test's own has four reports of consecutive quarters with
/// distinctive call-answering rates: a draft (43,21 %), a submitted one (54,32 %), a published one (76,54 %) and, the
/// latest, an approved one (65,43 %). Only the published value may ever appear.
/// </summary>
public sealed class PublicResultsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Slug = "service-temoin-resultats";
    private const string Name = "Service témoin des résultats";
    private static readonly SemaphoreSlim Arranged = new(1, 1);

    private static readonly Quarter Last = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;
    private static readonly Quarter DraftQuarter = Last.Previous.Previous.Previous;
    private static readonly Quarter SubmittedQuarter = Last.Previous.Previous;
    private static readonly Quarter PublishedQuarter = Last.Previous;
    private static readonly Quarter ApprovedQuarter = Last;

    private static readonly string[] HiddenFrench = ["43,2", "54,3", "65,4"];
    private static readonly string[] HiddenCsv = ["43.21", "54.32", "65.43"];

    private async Task<int> ArrangeAsync()
    {
        await Arranged.WaitAsync();
        try
        {
            return await factory.WithDbAsync(async db =>
            {
                if (await db.Structures.Where(s => s.Slug == Slug).Select(s => (int?)s.Id).FirstOrDefaultAsync() is { } existing)
                {
                    return existing;
                }

                var structure = new Structure { DepartmentId = await db.Departments.Select(d => d.Id).FirstAsync(), Name = Name, Slug = Slug, Type = StructureType.Ddt };
                db.Structures.Add(structure);
                await db.SaveChangesAsync();
                var indicatorId = await db.Indicators.Where(i => i.Code == "TAUX-DECROCHE").Select(i => i.Id).SingleAsync();
                foreach (var (quarter, state, numerator) in new[]
                {
                    (DraftQuarter, ReviewState.Draft, 4321),
                    (SubmittedQuarter, ReviewState.Submitted, 5432),
                    (PublishedQuarter, ReviewState.Published, 7654),
                    (ApprovedQuarter, ReviewState.Approved, 6543),
                })
                {
                    db.QuarterlyReports.Add(new QuarterlyReport
                    {
                        StructureId = structure.Id,
                        Year = quarter.Year,
                        QuarterNumber = quarter.Number,
                        State = state,
                        CreatedAtUtc = DateTime.UtcNow,
                        StateChangedAtUtc = DateTime.UtcNow,
                        PublishedAtUtc = state == ReviewState.Published ? new DateTime(2026, 4, 15, 8, 0, 0, DateTimeKind.Utc) : null,
                        Values = [new IndicatorValue { IndicatorId = indicatorId, Numerator = numerator, Denominator = 10_000 }],
                    });
                }

                await db.SaveChangesAsync();
                return structure.Id;
            });
        }
        finally
        {
            Arranged.Release();
        }
    }

    [Fact]
    public async Task The_list_shows_each_structure_with_its_latest_published_quarter_only()
    {
        await ArrangeAsync();
        var client = factory.CreateBrowserClient();

        var page = await client.GetPageAsync("/resultats");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Nos résultats de qualité de service", page.H1);
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(Name, StringComparison.Ordinal));
        Assert.Contains(PublishedQuarter.ToString(), HtmlPage.Normalize(row.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain(ApprovedQuarter.ToString(), row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/resultats/{Slug}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/resultats/donnees.csv']"));
    }

    [Fact]
    public async Task A_structure_page_shows_the_published_values_with_targets_and_history_but_nothing_unpublished()
    {
        await ArrangeAsync();
        var client = factory.CreateBrowserClient();

        var page = await client.GetPageAsync($"/resultats/{Slug}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"Résultats de qualité de service : {Name}", page.H1);
        var latest = page.Document.QuerySelectorAll("table").First();
        var calls = latest.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Taux de décroché", StringComparison.Ordinal));
        Assert.Equal(["76,5 %", "85 %", "Objectif non atteint"], calls.QuerySelectorAll("td").Select(td => HtmlPage.Normalize(td.TextContent)));

        // The history chart: an accessible SVG image and its data table, the unpublished quarters empty.
        var chart = page.Document.QuerySelectorAll("svg[role=img]").Single(s => s.QuerySelector("title")!.TextContent == "Taux de décroché (par un agent)");
        Assert.NotNull(chart.QuerySelector("desc"));
        var data = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("Données du graphique : Taux de décroché", StringComparison.Ordinal));
        var cells = data.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => HtmlPage.Normalize(r.QuerySelectorAll("td")[0].TextContent));
        Assert.Equal("76,5 %", cells[PublishedQuarter.ToString()]);
        Assert.Equal("—", cells[SubmittedQuarter.ToString()]);
        Assert.Equal("—", cells[DraftQuarter.ToString()]);

        foreach (var hidden in HiddenFrench)
        {
            Assert.DoesNotContain(hidden, page.Html, StringComparison.Ordinal);
        }

        // The structure's engagements and the way to give one's opinion.
        Assert.Contains("Nos engagements", page.Text, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == PublicEngagementsController.OpinionPlatformUrl && a.TextContent.Trim() == "Donner mon avis");
    }

    [Fact]
    public async Task A_structure_page_lists_the_local_commitments_and_the_engagements_in_force()
    {
        var client = factory.CreateBrowserClient();

        var page = await client.GetPageAsync("/resultats/prefecture-aube");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Accueil ouvert du lundi au vendredi", page.Text, StringComparison.Ordinal);
        Assert.Contains("Nous sommes éco-responsables", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_structure_is_not_found()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/resultats/structure-inconnue");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_open_data_file_holds_published_values_only_in_utf8_with_semicolons_dots_and_iso_dates()
    {
        await ArrangeAsync();
        var response = await factory.CreateBrowserClient().GetAsync("/resultats/donnees.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(PublicResultsController.OpenDataFileName, response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("structure;code_indicateur;indicateur;trimestre;valeur;unite;objectif;date_publication", lines[0]);
        var mine = lines.Where(l => l.StartsWith(Name + ";", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{Name};TAUX-DECROCHE;Taux de décroché (par un agent);{PublishedQuarter.ToSlug()};76.54;%;85;2026-04-15"], mine);
        foreach (var hidden in HiddenCsv)
        {
            Assert.DoesNotContain(lines, l => l.Contains(hidden, StringComparison.Ordinal));
        }

        // Every line has the eight columns; the demo's published values are there too.
        Assert.All(lines, l => Assert.Equal(8, l.Split(';').Length));
        Assert.Contains(lines, l => l.StartsWith("Préfecture de l'Aube;TAUX-DECROCHE;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_in_trends_show_published_values_only()
    {
        var structureId = await ArrangeAsync();
        var client = await factory.SignInAsync($"referent@{SpPlus.Core.Data.Seeding.DemoDataSeeder.EmailDomain}");

        var page = await client.GetPageAsync($"/Indicators/Trends?structureId={structureId}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Valeurs publiées", page.Text, StringComparison.Ordinal);
        Assert.Contains("76,5 %", page.Text, StringComparison.Ordinal);
        foreach (var hidden in HiddenFrench)
        {
            Assert.DoesNotContain(hidden, page.Html, StringComparison.Ordinal);
        }
    }
}
