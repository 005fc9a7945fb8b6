using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Reports;

/// <summary>
/// The quarter filter of the « Rapports » page reaches the indicators history and the experience log: their links
/// carry it, and the exports hold only that quarter (the reports of the quarter; the experiences published in it).
/// </summary>
public sealed class ExportQuarterFilterTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string HistoryLink = "a[href^='/Reports/Exports/IndicatorsHistory']";
    private const string LogLink = "a[href^='/Reports/Exports/ExperienceLog']";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet) =>
        new MemoryStream(workbook).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    private static int Number(object? cell) => Convert.ToInt32(cell, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_history_link_carries_the_quarter_and_the_history_holds_that_quarter_only()
    {
        // The demo year with the most quarters, and its latest one: the year's other quarters are there to be left out.
        var (year, quarter) = await factory.WithDbAsync(async db =>
        {
            var quarters = await db.QuarterlyReports.Where(r => r.Values.Any()).Select(r => new { r.Year, r.QuarterNumber }).Distinct().ToListAsync();
            var chosen = quarters.GroupBy(q => q.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            return (chosen.Key, chosen.Max(q => q.QuarterNumber));
        });
        var referent = await factory.SignInAsync(Email("referent"));
        var wholeYear = Rows(await DownloadAsync(referent, $"/Reports/Exports/IndicatorsHistory?year={Id(year)}"), IndicatorsHistoryExport.MainSheet);
        Assert.Contains(wholeYear, row => Number(row["Trimestre"]) != quarter);

        var page = await referent.GetPageAsync($"/Reports?year={Id(year)}&quarter={Id(quarter)}");
        var href = page.Document.QuerySelector(HistoryLink)?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Contains($"quarter={Id(quarter)}", href, StringComparison.Ordinal);
        var workbook = await DownloadAsync(referent, href);

        var rows = Rows(workbook, IndicatorsHistoryExport.MainSheet);
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal(year, Number(row["Année"]));
            Assert.Equal(quarter, Number(row["Trimestre"]));
        });
        Assert.Equal(wholeYear.Count(row => Number(row["Trimestre"]) == quarter), rows.Count);

        // Each structure's sheet: that quarter's row only.
        var structureSheets = MiniExcel.GetSheetNames(new MemoryStream(workbook)).Skip(1).ToList();
        Assert.NotEmpty(structureSheets);
        Assert.All(structureSheets, sheet => Assert.Equal([$"T{quarter} {year}"], Rows(workbook, sheet).Select(row => row["Trimestre"] as string)));
    }

    [Fact]
    public async Task The_experience_log_link_carries_the_quarter_and_the_log_holds_the_experiences_published_in_it()
    {
        var dates = new Dictionary<string, DateOnly>
        {
            ["SPP-TRIM-Q1-FIN"] = new(2044, 3, 31),
            ["SPP-TRIM-Q2-DEBUT"] = new(2044, 4, 1),
            ["SPP-TRIM-Q2-FIN"] = new(2044, 6, 30),
            ["SPP-TRIM-Q3-DEBUT"] = new(2044, 7, 1),
            ["SPP-TRIM-Q2-AUTRE-ANNEE"] = new(2043, 5, 15),
        };
        await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == ReferenceData.PrefectureSlug).Select(s => s.Id).SingleAsync();
            db.Experiences.AddRange(dates.Select(d => new Experience
            {
                Source = ExperienceSource.NationalImport, NationalId = d.Key, StructureId = structureId, Title = "Horaires d'ouverture",
                Description = "L'usager demande les horaires.", Sentiment = Sentiment.Neutral, PublishedOn = d.Value,
                WrittenOn = d.Value.AddDays(-2), DueOn = d.Value.AddDays(15), CreatedAtUtc = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        });
        var referent = await factory.SignInAsync(Email("referent"));

        List<string?> NationalIds(byte[] workbook) => Rows(workbook, ExperienceLogExport.Sheet)
            .Select(row => row["Identifiant national"] as string).Where(id => id is not null && dates.ContainsKey(id)).Order().ToList();

        Assert.Equal(
            ["SPP-TRIM-Q1-FIN", "SPP-TRIM-Q2-DEBUT", "SPP-TRIM-Q2-FIN", "SPP-TRIM-Q3-DEBUT"],
            NationalIds(await DownloadAsync(referent, "/Reports/Exports/ExperienceLog?year=2044")));

        var page = await referent.GetPageAsync("/Reports?year=2044&quarter=2");
        var href = page.Document.QuerySelector(LogLink)?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Contains("quarter=2", href, StringComparison.Ordinal);
        var rows = Rows(await DownloadAsync(referent, href), ExperienceLogExport.Sheet);
        Assert.Equal(["SPP-TRIM-Q2-DEBUT", "SPP-TRIM-Q2-FIN"], rows.Select(row => row["Identifiant national"] as string).Order());

        // A quarter without a year: that quarter of every year.
        Assert.Equal(
            ["SPP-TRIM-Q2-AUTRE-ANNEE", "SPP-TRIM-Q2-DEBUT", "SPP-TRIM-Q2-FIN"],
            NationalIds(await DownloadAsync(referent, "/Reports/Exports/ExperienceLog?quarter=2")));
    }

    [Fact]
    public async Task Without_a_quarter_the_links_carry_none_and_only_the_two_quarterly_exports_take_one()
    {
        var referent = await factory.SignInAsync(Email("referent"));
        var page = await referent.GetPageAsync("/Reports?year=2044");
        Assert.All(
            page.Document.QuerySelectorAll("a[href^='/Reports/Exports/']"),
            link => Assert.DoesNotContain("quarter=", link.GetAttribute("href"), StringComparison.Ordinal));

        var filtered = await referent.GetPageAsync("/Reports?year=2044&quarter=3");
        Assert.Contains("se limitent au 3e trimestre", filtered.Text, StringComparison.Ordinal);
        var withQuarter = filtered.Document.QuerySelectorAll("a[href^='/Reports/Exports/']")
            .Where(link => link.GetAttribute("href")!.Contains("quarter=3", StringComparison.Ordinal))
            .Select(link => link.GetAttribute("href")!.Split('?')[0])
            .ToList();
        Assert.Equal(["/Reports/Exports/IndicatorsHistory", "/Reports/Exports/ExperienceLog"], withQuarter);
    }

    [Theory]
    [InlineData("/Reports/Exports/IndicatorsHistory?year=2026&quarter=0")]
    [InlineData("/Reports/Exports/IndicatorsHistory?year=2026&quarter=5")]
    [InlineData("/Reports/Exports/IndicatorsHistory?quarter=-1")]
    [InlineData("/Reports/Exports/ExperienceLog?year=2026&quarter=0")]
    [InlineData("/Reports/Exports/ExperienceLog?year=2026&quarter=5")]
    [InlineData("/Reports/Exports/ExperienceLog?quarter=12")]
    public async Task A_quarter_outside_one_to_four_is_not_found(string url)
    {
        var referent = await factory.SignInAsync(Email("referent"));
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/Reports/Exports/IndicatorsHistory?year=1999")]
    [InlineData("/Reports/Exports/IndicatorsHistory?year=abc")]
    [InlineData("/Reports/Exports/IndicatorsHistory?structureId=x")]
    [InlineData("/Reports/Exports/ExperienceLog?year=2101")]
    [InlineData("/Reports/Exports/ExperienceLog?quarter=deux")]
    [InlineData("/Reports/Exports/ActionPlanTracker?year=0")]
    [InlineData("/Reports/Exports/ActionPlanTracker?year=20266")]
    [InlineData("/Reports/Exports/SelfAssessmentResults?year=-2026")]
    [InlineData("/Reports/Exports/SelfAssessmentResults?year=2026x")]
    public async Task A_year_out_of_range_or_a_filter_that_is_not_a_number_is_not_found_rather_than_another_file(string url)
    {
        var referent = await factory.SignInAsync(Email("referent"));
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(url)).StatusCode);
    }
}
