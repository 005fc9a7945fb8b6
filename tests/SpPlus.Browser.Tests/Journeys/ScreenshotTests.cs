using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Data.Seeding;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The screenshots of the README (docs/screenshots), full page at 1280×900. Every run takes them and checks they are
/// real pictures of the page; they are written into the repository only when SPPLUS_SCREENSHOTS=1, so that a normal
/// test run leaves the working tree as it was.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    public const string EnvironmentVariable = "SPPLUS_SCREENSHOTS";

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
}
