using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>What a visitor without an account can open: the public commitments, the legal pages and the login page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(Paths.PublicEngagements, "engagements")]
    [InlineData(Paths.Accessibility, "Déclaration d'accessibilité")]
    [InlineData(Paths.PersonalData, "Données personnelles")]
    [InlineData(Paths.Login, "Connexion")]
    public async Task A_public_page_is_accessible(string path, string heading)
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GotoAsync(path);

        await Assertions.Expect(tab.Heading).ToContainTextAsync(heading, new() { IgnoreCase = true });
        await tab.AssertSoundAndAccessibleAsync($"Anonymous: {path}");
    }

    [Fact]
    public async Task A_visitor_finds_the_public_pages_through_the_links()
    {
        await using var tab = await browser.NewPageAsync();

        // The portal's home is for agents: a visitor is sent to the login page.
        await tab.Page.GotoAsync(Paths.MySpace);
        Assert.Equal(Paths.Login, new Uri(tab.Page.Url).AbsolutePath, ignoreCase: true);
        await tab.AssertSoundPageAsync("Anonymous: / leads to the login page");

        await tab.ClickAndWaitForDocumentAsync(tab.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Nos engagements" }));
        Assert.Equal(Paths.PublicEngagements, new Uri(tab.Page.Url).AbsolutePath, ignoreCase: true);
        await tab.AssertSoundPageAsync("Anonymous: menu \"Nos engagements\"");

        await tab.AssertLinksLeadSomewhereAsync(tab.Page.GetByRole(AriaRole.Main), "Anonymous: links of the public commitments page");

        var footer = tab.Page.GetByRole(AriaRole.Contentinfo);
        await tab.ClickAndWaitForDocumentAsync(footer.GetByRole(AriaRole.Link, new() { Name = "Accessibilité : non conforme" }));
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Déclaration d'accessibilité");
        await tab.AssertSoundPageAsync("Anonymous: footer \"Accessibilité\"");

        await tab.ClickAndWaitForDocumentAsync(footer.GetByRole(AriaRole.Link, new() { Name = "Données personnelles" }));
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Données personnelles");
        await tab.AssertSoundPageAsync("Anonymous: footer \"Données personnelles\"");

        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }));
        Assert.Equal(Paths.Login, new Uri(tab.Page.Url).AbsolutePath, ignoreCase: true);
        await tab.AssertSoundPageAsync("Anonymous: header \"Se connecter\"");
    }
}
