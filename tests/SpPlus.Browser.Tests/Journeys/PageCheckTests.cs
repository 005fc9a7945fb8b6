using SpPlus.Browser.Tests.Infrastructure;
using Xunit.Sdk;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The checks every journey relies on do catch what they claim to: an axe violation, an error page. Without these, a
/// green run could come from a check that looks at nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_accessibility_check_reports_each_violation_with_its_place()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GotoAsync(Paths.Accessibility);
        await tab.AssertAccessibleAsync("The accessibility statement as served");

        // What a careless view could add: an image without text alternative and a field without label.
        await tab.Page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<img id="image-sans-alternative" src="/lib/dsfr/favicon/favicon.svg"><input id="champ-sans-etiquette" type="text">')
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => tab.AssertAccessibleAsync("The statement with two defects"));
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("#image-sans-alternative", failure.Message);
        Assert.Contains("label", failure.Message);
        Assert.Contains("#champ-sans-etiquette", failure.Message);
    }

    [Fact]
    public async Task The_page_check_reports_an_error_page()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.ClacReader);
        await tab.Page.GotoAsync("/page-qui-n-existe-pas");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => tab.AssertSoundPageAsync("A missing page"));
        Assert.Contains("answered 404", failure.Message);
        Assert.Contains("Page non trouvée", failure.Message);
    }
}
