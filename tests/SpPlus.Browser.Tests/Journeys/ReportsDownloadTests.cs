using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using UglyToad.PdfPig;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The « Rapports » page as its users work with it: opened from the main menu, each download link clicked, the file the
/// browser receives named as expected and read back (PDFs with PdfPig, workbooks with MiniExcel); the filters used once;
/// what the CLAC reader is offered (the posters, the « Dossier CLAC », the exports) and not (the quarterly département
/// report); axe on the page for both users.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportsDownloadTests(BrowserFixture browser)
{
    /// <summary>The families of download links the page may hold (by address): each one is checked below.</summary>
    private static readonly string[] KnownDownloads =
    [
        "/Reports/EngagementsPoster", "/Reports/ResultsPoster", "/Reports/DepartmentReport", "/Reports/ActionPlan/",
        "/Reports/ClacPack", "/Reports/Exports/IndicatorsHistory", "/Reports/Exports/ExperienceLog",
        "/Reports/Exports/ActionPlanTracker", "/Reports/Exports/SelfAssessmentResults",
    ];

    [Fact]
    public async Task The_referent_downloads_every_document_of_the_reports_page_and_each_reads_back()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await OpenReportsFromMenuAsync(tab);
        await tab.AssertSoundAndAccessibleAsync("Referent: Rapports");
        var year = await ChosenYearAsync(tab);
        var main = tab.Page.GetByRole(AriaRole.Main);

        var checks = new List<(string Description, ILocator Link, Action<string, DownloadedFile> Verify)>
        {
            ("engagements poster", ReportDownloads.Link(main, "^Télécharger l'affiche des engagements"), VerifyEngagementsPoster),
            ("results poster", ReportDownloads.Link(main, "^Télécharger l'affiche de "), VerifyResultsPoster),
            ("quarterly département report", ReportDownloads.Link(main, "^Rapport trimestriel départemental du "), VerifyDepartmentReport),
            ("action plan", ReportDownloads.Link(main, "^Télécharger le plan de "), VerifyActionPlan),
        };
        checks.Add(("CLAC pack", ReportDownloads.Link(main, "^Dossier CLAC"), (name, file) => VerifyClacPack(name, file, year)));
        checks.AddRange(ExportChecks(main, year, who: "referent", published: false));

        var failures = new List<string>();
        foreach (var (description, link, verify) in checks)
        {
            try
            {
                await Assertions.Expect(link).ToBeVisibleAsync();
                var name = ReportDownloads.Normalize(await link.TextContentAsync() ?? "");
                var file = await ReportDownloads.DownloadAsync(tab, link);
                verify(name, file);
            }
            catch (Exception failure)
            {
                failures.Add($"{description}: {failure.GetType().Name}: {failure.Message}");
            }
        }

        // Every download link of the page belongs to a family checked above.
        var hrefs = await main.Locator("a[download]").EvaluateAllAsync<string[]>("links => links.map(a => a.pathname)");
        foreach (var href in hrefs.Where(h => !KnownDownloads.Any(k => h.StartsWith(k, StringComparison.OrdinalIgnoreCase))))
        {
            failures.Add($"the page offers a download no test reads back: {href}");
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of the {checks.Count} downloads failed:" + string.Concat(failures.Select(f => Environment.NewLine + "* " + f)));
        // The clicks left no error in the console or in the server's log.
        await tab.AssertSoundPageAsync("Referent: Rapports after the downloads");
    }

    [Fact]
    public async Task The_clac_reader_is_not_offered_the_department_report_and_downloads_exports_without_personal_data()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.ClacReader);
        await OpenReportsFromMenuAsync(tab);
        await tab.AssertSoundAndAccessibleAsync("CLAC reader: Rapports");
        var year = await ChosenYearAsync(tab);
        var main = tab.Page.GetByRole(AriaRole.Main);

        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Rapport trimestriel départemental" })).ToHaveCountAsync(0);
        await Assertions.Expect(ReportDownloads.Link(main, "^Rapport trimestriel départemental")).ToHaveCountAsync(0);
        await Assertions.Expect(main.Locator("a[download][href^='/Reports/DepartmentReport']")).ToHaveCountAsync(0);
        // What the CLAC reader is offered instead: the posters.
        await Assertions.Expect(ReportDownloads.Link(main, "^Télécharger l'affiche de ").First).ToBeVisibleAsync();

        // Their own document, then the exports.
        var checks = new List<(string Description, ILocator Link, Action<string, DownloadedFile> Verify)>
        {
            ("CLAC reader: CLAC pack", ReportDownloads.Link(main, "^Dossier CLAC"), (name, file) => VerifyClacPack(name, file, year)),
        };
        checks.AddRange(ExportChecks(main, year, who: "CLAC reader", published: true));
        var failures = new List<string>();
        foreach (var (description, link, verify) in checks)
        {
            try
            {
                var name = ReportDownloads.Normalize(await link.TextContentAsync() ?? "");
                var file = await ReportDownloads.DownloadAsync(tab, link);
                verify(name, file);
            }
            catch (Exception failure)
            {
                failures.Add($"{description}: {failure.GetType().Name}: {failure.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of the {checks.Count} downloads failed:" + string.Concat(failures.Select(f => Environment.NewLine + "* " + f)));
        await tab.AssertSoundPageAsync("CLAC reader: Rapports after the downloads");
    }

    [Fact]
    public async Task The_structure_filter_narrows_the_indicators_history_to_that_structure()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await OpenReportsFromMenuAsync(tab);
        var main = tab.Page.GetByRole(AriaRole.Main);
        var filters = main.GetByRole(AriaRole.Search, new() { Name = "Filtrer les rapports" });

        await filters.GetByLabel("Structure", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = DemoUsers.DdtName });
        await tab.ClickAndWaitForDocumentAsync(filters.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }));
        await tab.AssertSoundPageAsync("Referent: Rapports filtered on the DDT");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Rapports");
        Assert.Contains("structureId=", tab.Page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(filters.GetByLabel("Structure", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(DemoUsers.DdtName);
        // The posters offered are the DDT's only.
        var posterNames = await ReportDownloads.Links(main, "^Télécharger l'affiche de ").AllTextContentsAsync();
        Assert.NotEmpty(posterNames);
        Assert.All(posterNames, name => Assert.Contains($" de {DemoUsers.DdtName},", ReportDownloads.Normalize(name), StringComparison.Ordinal));

        var year = await ChosenYearAsync(tab);
        var file = await ReportDownloads.DownloadAsync(tab, ReportDownloads.Link(main, "^Historique des indicateurs"));

        Assert.Equal($"historique-indicateurs-{ParisToday()}.xlsx", file.Name);
        var rows = ReportDownloads.Rows(file, IndicatorsHistoryExport.MainSheet);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(DemoUsers.DdtName, row["Structure"]));
        Assert.All(rows, row => Assert.Equal((double)year, row["Année"]));
        // The main sheet, then one sheet: the DDT's.
        Assert.Equal(2, ReportDownloads.SheetNames(file).Count);
    }

    /// <summary>The four Excel exports of the page, for the year shown; <paramref name="published"/>: the user reads published results only.</summary>
    private static IEnumerable<(string Description, ILocator Link, Action<string, DownloadedFile> Verify)> ExportChecks(
        ILocator main, int year, string who, bool published)
    {
        var today = ParisToday();
        yield return ($"{who}: indicators history", ReportDownloads.Link(main, "^Historique des indicateurs"), (_, file) =>
        {
            Assert.Equal($"historique-indicateurs-{today}.xlsx", file.Name);
            var rows = ReadSheet(file, IndicatorsHistoryExport.MainSheet, IndicatorsHistoryExport.Headers);
            Assert.All(rows, row => Assert.Equal((double)year, row["Année"]));
            if (published)
            {
                Assert.All(rows, row => Assert.Equal(ReviewState.Published.Label(), row["État"]));
            }

            Assert.True(ReportDownloads.SheetNames(file).Count > 1, "The indicators history has no sheet per structure.");
        });
        yield return ($"{who}: experience log", ReportDownloads.Link(main, "^Journal des expériences usagers"), (_, file) =>
        {
            Assert.Equal($"journal-experiences-{today}.xlsx", file.Name);
            var columns = ReportDownloads.Columns(file, ExperienceLogExport.Sheet);
            Assert.DoesNotContain("Code postal", columns);
            Assert.DoesNotContain(columns, c => c.Contains("postal", StringComparison.OrdinalIgnoreCase));
            ReadSheet(file, ExperienceLogExport.Sheet, ExperienceLogExport.Headers);
        });
        yield return ($"{who}: action-plan tracker", ReportDownloads.Link(main, "^Suivi des plans d'action"), (_, file) =>
        {
            Assert.Equal($"suivi-plans-action-{year}.xlsx", file.Name);
            var rows = ReadSheet(file, ActionPlanTrackerExport.Sheet, ActionPlanTrackerExport.Headers);
            Assert.All(rows, row => Assert.Equal((double)year, row["Année"]));
            if (published)
            {
                Assert.All(rows, row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));
            }
        });
        yield return ($"{who}: self-assessment results", ReportDownloads.Link(main, "^Résultats des auto-évaluations"), (_, file) =>
        {
            Assert.Equal($"resultats-auto-evaluations-{year}.xlsx", file.Name);
            Assert.Equal([SelfAssessmentResultsExport.ResultsSheet, SelfAssessmentResultsExport.CriteriaSheet], ReportDownloads.SheetNames(file));
            var rows = ReadSheet(file, SelfAssessmentResultsExport.ResultsSheet, SelfAssessmentResultsExport.ResultsHeaders);
            if (published)
            {
                Assert.All(rows, row => Assert.Equal(ReviewState.Validated.Label(), row["État"]));
            }

            ReadSheet(file, SelfAssessmentResultsExport.CriteriaSheet, SelfAssessmentResultsExport.CriteriaHeaders);
        });
    }

    /// <summary>The sheet's header row is <paramref name="headers"/> and at least one data row follows (the demo has data for each).</summary>
    private static List<IDictionary<string, object?>> ReadSheet(DownloadedFile file, string sheet, IReadOnlyList<string> headers)
    {
        Assert.Contains(sheet, ReportDownloads.SheetNames(file));
        Assert.Equal(headers, ReportDownloads.Columns(file, sheet));
        var rows = ReportDownloads.Rows(file, sheet);
        Assert.True(rows.Count > 0, $"{file.Name}: the sheet « {sheet} » has no data row.");
        return rows;
    }

    private static void VerifyEngagementsPoster(string linkName, DownloadedFile file)
    {
        var frameworkYear = EngagementsLinkPattern().Match(linkName);
        Assert.True(frameworkYear.Success, $"The link « {linkName} » names no framework year.");
        Assert.Equal($"affiche-engagements-{frameworkYear.Groups["year"].Value}.pdf", file.Name);
        var (text, _) = ReportDownloads.ReadPdf(file, expectedPages: 1);
        Assert.Contains("Nos engagements Services", text);
        Assert.Contains("Votre avis compte", text);
    }

    private static void VerifyResultsPoster(string linkName, DownloadedFile file)
    {
        var poster = PosterLinkPattern().Match(linkName);
        Assert.True(poster.Success, $"The link « {linkName} » names no structure and quarter.");
        var quarter = QuarterOf(poster);
        Assert.Matches($"^affiche-resultats-[a-z0-9-]+-{quarter.Year}-T{quarter.Number}\\.pdf$", file.Name);
        var (text, _) = ReportDownloads.ReadPdf(file, expectedPages: null);
        Assert.Contains("Nos résultats de qualité de service", text);
        Assert.Contains(poster.Groups["structure"].Value, text);
        Assert.Contains($"Résultats du {poster.Groups["quarter"].Value}", text);
    }

    private static void VerifyDepartmentReport(string linkName, DownloadedFile file)
    {
        var report = DepartmentLinkPattern().Match(linkName);
        Assert.True(report.Success, $"The link « {linkName} » names no quarter.");
        var quarter = QuarterOf(report);
        Assert.Matches($"^rapport-trimestriel-[a-z0-9-]+-{quarter.Year}-T{quarter.Number}\\.pdf$", file.Name);
        var (text, _) = ReportDownloads.ReadPdf(file, expectedPages: null);
        Assert.Contains("Rapport trimestriel départemental", text);
        Assert.Contains(report.Groups["quarter"].Value, text);
        Assert.Contains("Complétude des saisies", text);
        Assert.Contains(DemoUsers.DdtName, text);
    }

    private static void VerifyActionPlan(string linkName, DownloadedFile file)
    {
        var plan = PlanLinkPattern().Match(linkName);
        Assert.True(plan.Success, $"The link « {linkName} » names no structure and year.");
        Assert.Matches($"^plan-action-[a-z0-9-]+-{plan.Groups["year"].Value}\\.pdf$", file.Name);
        var (text, landscape) = ReportDownloads.ReadPdf(file, expectedPages: null);
        Assert.Contains("Plan d'action", text);
        Assert.Contains(plan.Groups["structure"].Value, text);
        Assert.True(landscape, $"{file.Name}: the plan is not in A4 landscape.");
    }

    private static void VerifyClacPack(string linkName, DownloadedFile file, int year)
    {
        var shown = year.ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith($"Dossier CLAC {shown}", linkName, StringComparison.Ordinal);
        Assert.Matches($"^dossier-clac-[a-z0-9-]+-{shown}\\.pdf$", file.Name);
        var (text, _) = ReportDownloads.ReadPdf(file, expectedPages: null);
        Assert.Contains("Dossier CLAC", text);
        Assert.Contains(shown, text);
    }

    private static (int Year, int Number) QuarterOf(Match match) => (
        int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
        int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));

    private static async Task OpenReportsFromMenuAsync(BrowserPage tab)
    {
        await tab.ClickAndWaitForDocumentAsync(tab.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Rapports", Exact = true }));
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Rapports");
    }

    /// <summary>The year the page shows (the filter's chosen year).</summary>
    private static async Task<int> ChosenYearAsync(BrowserPage tab) =>
        int.Parse(await tab.Page.GetByRole(AriaRole.Main).GetByLabel("Année", new() { Exact = true }).InputValueAsync(), CultureInfo.InvariantCulture);

    private static string ParisToday() =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\(référentiel (?<year>\d{4})\)")]
    private static partial Regex EngagementsLinkPattern();

    [GeneratedRegex(@"^Télécharger l'affiche de (?<structure>.+), (?<quarter>(?<number>[1-4])(er|e) trimestre (?<year>\d{4}))")]
    private static partial Regex PosterLinkPattern();

    [GeneratedRegex(@"^Rapport trimestriel départemental du (?<quarter>(?<number>[1-4])(er|e) trimestre (?<year>\d{4}))")]
    private static partial Regex DepartmentLinkPattern();

    [GeneratedRegex(@"^Télécharger le plan de (?<structure>.+), (?<year>\d{4})")]
    private static partial Regex PlanLinkPattern();
}

/// <summary>A file the browser downloaded: the name it suggested and the bytes.</summary>
public sealed record DownloadedFile(string Name, byte[] Bytes);

/// <summary>Downloading as a user does (a click on a link), and reading the files back.</summary>
public static partial class ReportDownloads
{
    /// <summary>The links of <paramref name="scope"/> whose accessible name matches <paramref name="namePattern"/>.</summary>
    public static ILocator Links(ILocator scope, string namePattern) =>
        scope.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(namePattern) });

    /// <summary>The first of <see cref="Links"/>.</summary>
    public static ILocator Link(ILocator scope, string namePattern) => Links(scope, namePattern).First;

    /// <summary>Clicks <paramref name="link"/> and returns the file the browser saved.</summary>
    public static async Task<DownloadedFile> DownloadAsync(BrowserPage tab, ILocator link)
    {
        var download = await tab.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var failure = await download.FailureAsync();
        Assert.True(failure is null, $"The download of {download.Url} failed: {failure}");
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 0, $"{download.SuggestedFilename} ({download.Url}) is empty.");
        return new DownloadedFile(download.SuggestedFilename, bytes);
    }

    /// <summary>
    /// Opens a PDF: it is one, has pages (exactly <paramref name="expectedPages"/> when given); returns its text and
    /// whether its first page is landscape.
    /// </summary>
    public static (string Text, bool Landscape) ReadPdf(DownloadedFile file, int? expectedPages)
    {
        Assert.True(file.Bytes.AsSpan().StartsWith("%PDF-"u8), $"{file.Name} is not a PDF file.");
        using var document = PdfDocument.Open(file.Bytes);
        if (expectedPages is { } pages)
        {
            Assert.Equal(pages, document.NumberOfPages);
        }
        else
        {
            Assert.True(document.NumberOfPages >= 1, $"{file.Name} has no page.");
        }

        var first = document.GetPage(1);
        return (string.Join(" ", document.GetPages().Select(p => p.Text)), first.Width > first.Height);
    }

    public static IReadOnlyList<string> SheetNames(DownloadedFile file)
    {
        using var stream = new MemoryStream(file.Bytes);
        return MiniExcel.GetSheetNames(stream);
    }

    /// <summary>The header row of a sheet.</summary>
    public static IReadOnlyList<string> Columns(DownloadedFile file, string sheet)
    {
        using var stream = new MemoryStream(file.Bytes);
        return MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: sheet).ToList();
    }

    /// <summary>The data rows of a sheet, by header.</summary>
    public static List<IDictionary<string, object?>> Rows(DownloadedFile file, string sheet)
    {
        using var stream = new MemoryStream(file.Bytes);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>A link's visible text with its whitespace collapsed.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
