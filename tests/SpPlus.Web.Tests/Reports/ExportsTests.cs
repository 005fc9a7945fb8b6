using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Imports;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Reports;

/// <summary>
/// The Excel exports over HTTP with real logins, read back: each holds exactly what its user reads on the pages — a
/// correspondent gets their structure's drafts and only the published or validated documents of the others, the CLAC
/// reader published and validated documents only — and the experience log never holds a postal code.
/// </summary>
public sealed class ExportsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Own = ReferenceData.PrefectureSlug;

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static async Task<List<IDictionary<string, object?>>> DownloadAsync(HttpClient client, string url, string sheet)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(QuarterlyTemplate.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", (response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private Task<string> StructureNameAsync(string slug) =>
        factory.WithDbAsync(db => db.Structures.Where(s => s.Slug == slug).Select(s => s.Name).SingleAsync());

    [Fact]
    public async Task The_indicators_history_holds_published_results_only_for_the_clac_reader_and_own_drafts_for_a_correspondent()
    {
        var clacRows = await DownloadAsync(await factory.SignInAsync(Email("clac")), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.NotEmpty(clacRows);
        Assert.All(clacRows, row => Assert.Equal("Publié", row["État"]));

        var own = await StructureNameAsync(Own);
        var correspondentRows = await DownloadAsync(await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own)), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.Contains(correspondentRows, row => (string?)row["Structure"] == own && (string?)row["État"] != "Publié");
        Assert.All(correspondentRows.Where(row => (string?)row["Structure"] != own), row => Assert.Equal("Publié", row["État"]));

        var referentRows = await DownloadAsync(await factory.SignInAsync(Email("referent")), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.True(referentRows.Count > correspondentRows.Count && correspondentRows.Count > clacRows.Count,
            $"referent {referentRows.Count}, correspondent {correspondentRows.Count}, CLAC {clacRows.Count}");
    }

    [Fact]
    public async Task The_experience_log_has_no_postal_code_and_a_correspondent_gets_their_structures_only()
    {
        var postalCodes = await factory.WithDbAsync(db => db.Experiences.Where(e => e.PostalCode != null && e.PostalCode != "")
            .Select(e => e.PostalCode!).Distinct().ToListAsync());
        Assert.NotEmpty(postalCodes);

        var referentRows = await DownloadAsync(await factory.SignInAsync(Email("referent")), "/Reports/Exports/ExperienceLog", ExperienceLogExport.Sheet);
        Assert.NotEmpty(referentRows);
        Assert.DoesNotContain(referentRows[0].Keys, key => key.Contains("postal", StringComparison.OrdinalIgnoreCase));
        var cells = referentRows.SelectMany(row => row.Values).OfType<string>().ToList();
        Assert.DoesNotContain(cells, cell => postalCodes.Any(code => cell.Contains(code, StringComparison.Ordinal)));

        var own = await StructureNameAsync(Own);
        var correspondentRows = await DownloadAsync(await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own)), "/Reports/Exports/ExperienceLog", ExperienceLogExport.Sheet);
        Assert.NotEmpty(correspondentRows);
        Assert.All(correspondentRows, row => Assert.Equal(own, row["Structure"]));
    }

    [Fact]
    public async Task The_plan_tracker_and_the_assessment_results_follow_the_read_rule_of_plans_and_assessments()
    {
        var (lastYear, thisYear) = await factory.WithDbAsync(async db =>
        {
            var years = await db.ActionPlans.Where(p => p.Year < 2030).Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync();
            return (years[0], years[^1]);
        });
        var clac = await factory.SignInAsync(Email("clac"));

        var clacActions = await DownloadAsync(clac, $"/Reports/Exports/ActionPlanTracker?year={lastYear}", ActionPlanTrackerExport.Sheet);
        Assert.NotEmpty(clacActions);
        Assert.All(clacActions, row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));
        var clacThisYear = await DownloadAsync(clac, $"/Reports/Exports/ActionPlanTracker?year={thisYear}", ActionPlanTrackerExport.Sheet);
        Assert.All(clacThisYear, row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));

        var own = await StructureNameAsync(Own);
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var ownActions = await DownloadAsync(correspondent, $"/Reports/Exports/ActionPlanTracker?year={thisYear}", ActionPlanTrackerExport.Sheet);
        Assert.All(ownActions.Where(row => (string?)row["Structure"] != own), row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));

        var clacScores = await DownloadAsync(clac, $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.ResultsSheet);
        Assert.All(clacScores, row => Assert.Equal(ReviewState.Validated.Label(), row["État"]));
        var referentScores = await DownloadAsync(await factory.SignInAsync(Email("referent")), $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.ResultsSheet);
        Assert.Contains(referentScores, row => (string?)row["État"] != ReviewState.Validated.Label());
        Assert.True(referentScores.Count > clacScores.Count);
    }
}
