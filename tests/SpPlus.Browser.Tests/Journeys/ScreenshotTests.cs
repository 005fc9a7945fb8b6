using System.Buffers.Binary;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

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
