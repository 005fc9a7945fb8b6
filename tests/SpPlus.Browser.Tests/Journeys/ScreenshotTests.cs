using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Data.Seeding;
using Xunit.Sdk;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The screenshots of the README (docs/screenshots), full page at 1280×900, and the first page of two PDF documents.
/// Every run takes them and checks they are real pictures of the page; they are written into the repository only when
/// SPPLUS_SCREENSHOTS=1, so that a normal test run leaves the working tree as it was.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScreenshotTests(BrowserFixture browser)
{
    public const string EnvironmentVariable = "SPPLUS_SCREENSHOTS";

    /// <summary>The resolution of the PDF pictures: an A4 portrait page about 600 pixels wide.</summary>
    private const int PdfPictureDpi = 72;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Mon_espace_of_the_referent()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Référent SP+");

        await CaptureAsync(tab, "mon-espace.png");
    }

    [Fact]
    public async Task Mon_espace_of_a_correspondent()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.DdtCorrespondent);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(DemoUsers.DdtName);

        await CaptureAsync(tab, "mon-espace-correspondant.png");
    }

    [Fact]
    public async Task The_public_commitments_page()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GotoAsync(Paths.PublicEngagements);

        await CaptureAsync(tab, "engagements-public.png");
    }

    [Fact]
    public async Task A_validated_self_assessment_with_its_radar()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        // The demo: the préfecture's assessment of this year is validated, and last year's too (the radar's comparison).
        var year = ParisYear();
        await tab.GotoAsync($"/SelfAssessments/Assessments?structureId=&year={year}");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Préfecture de l'Aube : {year}", Exact = true }));
        await tab.AssertAccessibleAsync("Screenshot auto-evaluation.png");
        var radar = tab.Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Scores par engagement, Préfecture de l'Aube") });
        await Assertions.Expect(radar).ToBeVisibleAsync();
        await Assertions.Expect(radar.Locator("polygon.sp-chart__series")).ToHaveCountAsync(2);

        await CaptureAsync(tab, "auto-evaluation.png");
    }

    [Fact]
    public async Task A_validated_action_plan()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.PrefectureCorrespondent);
        // The demo: the préfecture's plan of this year is validated and has a late action.
        var year = ParisYear();
        await tab.GotoAsync($"/ActionPlans/Plans?year={year}");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Préfecture de l'Aube : plan {year}", Exact = true }));
        await tab.AssertAccessibleAsync("Screenshot plan-action.png");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main).Locator("tbody tr").Filter(new() { HasText = DemoImprovementSeeder.LateActionTitle }))
            .ToContainTextAsync("En retard");

        await CaptureAsync(tab, "plan-action.png");
    }

    [Fact]
    public async Task A_results_poster_and_the_quarterly_department_report_rendered_from_their_pdf()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.ClickAndWaitForDocumentAsync(tab.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Rapports", Exact = true }));
        var main = tab.Page.GetByRole(AriaRole.Main);
        // The préfecture's latest published quarter (the page lists a structure's quarters latest first), and the
        // département report of the latest quarter with a published result: its states are mixed and it has values.
        var poster = await ReportDownloads.DownloadAsync(tab, ReportDownloads.Link(main, "^Télécharger l'affiche de Préfecture de l'Aube, "));
        var posterQuarters = (await ReportDownloads.Links(main, "^Télécharger l'affiche de ").AllTextContentsAsync())
            .Select(name => QuarterInLink().Match(name))
            .Where(match => match.Success)
            .OrderByDescending(match => match.Groups["year"].Value, StringComparer.Ordinal)
            .ThenByDescending(match => match.Groups["number"].Value, StringComparer.Ordinal)
            .Select(match => match.Value)
            .ToList();
        Assert.NotEmpty(posterQuarters);
        var report = await ReportDownloads.DownloadAsync(tab, ReportDownloads.Link(main, $"^Rapport trimestriel départemental du {posterQuarters[0]}"));
        Assert.Contains("Nos résultats de qualité de service", ReportDownloads.ReadPdf(poster, expectedPages: null).Text);
        Assert.Contains("Rapport trimestriel départemental", ReportDownloads.ReadPdf(report, expectedPages: null).Text);

        await RenderFirstPageAsync(poster, "affiche-resultats.png");
        await RenderFirstPageAsync(report, "rapport-trimestriel.png");
    }

    private static string ParisYear() =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Year.ToString(CultureInfo.InvariantCulture);

    private static async Task CaptureAsync(BrowserPage tab, string fileName)
    {
        await tab.AssertSoundPageAsync($"Screenshot {fileName}");
        // Web fonts (Marianne) and icons are in place before the picture is taken.
        await tab.Page.EvaluateAsync("() => document.fonts.ready");

        var png = await tab.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });

        Assert.True(png.AsSpan().StartsWith(PngSignature), $"{fileName} is not a PNG.");
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(1280, width);
        Assert.True(height >= 900, $"{fileName} is {width}×{height}: a full-page picture is at least as tall as the window.");

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) == "1")
        {
            var folder = Path.Combine(RepositoryRoot.Find(), "docs", "screenshots");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, fileName), png);
        }
    }

    /// <summary>
    /// The first page of a downloaded PDF as a PNG (pdftoppm, of poppler-utils), checked to be a picture of the page's
    /// size at <see cref="PdfPictureDpi"/>, and written like the screenshots.
    /// </summary>
    private static async Task RenderFirstPageAsync(DownloadedFile pdf, string fileName)
    {
        var renderer = FindOnPath("pdftoppm")
            ?? throw new XunitException($"{fileName}: pdftoppm is not installed (poppler-utils: apt-get install -y poppler-utils); the README's PDF pictures need it.");
        double pageWidth, pageHeight;
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes))
        {
            var first = document.GetPage(1);
            (pageWidth, pageHeight) = (first.Width, first.Height);
        }

        var folder = Path.Combine(Path.GetTempPath(), "spplus-pdf-pictures", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, pdf.Name);
            await File.WriteAllBytesAsync(input, pdf.Bytes);
            var output = Path.Combine(folder, "page");
            var start = new ProcessStartInfo(renderer)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-png", "-r", PdfPictureDpi.ToString(CultureInfo.InvariantCulture), "-singlefile", "-f", "1", "-l", "1", input, output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new XunitException($"{fileName}: pdftoppm did not start.");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{fileName}: pdftoppm exited with {process.ExitCode}: {await errors}");

            var png = await File.ReadAllBytesAsync(output + ".png");
            Assert.True(png.AsSpan().StartsWith(PngSignature), $"{fileName} is not a PNG.");
            var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
            var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
            // The page's size in points (1/72 inch) at the chosen resolution, give or take rounding.
            Assert.InRange(width, (int)(pageWidth / 72 * PdfPictureDpi) - 2, (int)(pageWidth / 72 * PdfPictureDpi) + 2);
            Assert.InRange(height, (int)(pageHeight / 72 * PdfPictureDpi) - 2, (int)(pageHeight / 72 * PdfPictureDpi) + 2);
            // A page with content weighs more than a blank one.
            Assert.True(png.Length > 20_000, $"{fileName} is {png.Length} bytes: too small for a page with text and figures.");

            if (Environment.GetEnvironmentVariable(EnvironmentVariable) == "1")
            {
                var screenshots = Path.Combine(RepositoryRoot.Find(), "docs", "screenshots");
                Directory.CreateDirectory(screenshots);
                await File.WriteAllBytesAsync(Path.Combine(screenshots, fileName), png);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"2e trimestre 2026" in a link's text.</summary>
    [GeneratedRegex(@"(?<number>[1-4])(er|e) trimestre (?<year>\d{4})")]
    private static partial Regex QuarterInLink();

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
