using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// Each role signs in, lands on "Mon espace", then follows every link of the main menu (sub-menus included): every
/// page loads without error, has one h1, a clean console and no axe violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationJourneyTests(BrowserFixture browser)
{
    private static readonly string[] AdministrationLinks = ["Comptes", "Structures", "Journal d'audit"];

    [Theory]
    [InlineData(DemoUsers.Administrator, true)]
    [InlineData(DemoUsers.Referent, false)]
    [InlineData(DemoUsers.CopilMember, false)]
    [InlineData(DemoUsers.ClacReader, false)]
    [InlineData(DemoUsers.PrefectureCorrespondent, false)]
    public async Task Every_page_of_the_main_menu_opens_and_is_accessible(string email, bool administrator)
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(email);
        await tab.AssertSoundAndAccessibleAsync($"{email}: Mon espace");

        var links = await MenuLinksAsync(tab);
        var names = links.Select(l => l.Name).ToList();
        Assert.Contains("Mon espace", names);
        Assert.Contains("Engagements", names);
        Assert.Contains("Engagements locaux", names);
        if (administrator)
        {
            Assert.All(AdministrationLinks, name => Assert.Contains(name, names));
        }
        else
        {
            Assert.All(AdministrationLinks, name => Assert.DoesNotContain(name, names));
        }

        var subMenuChecked = false;
        foreach (var (name, href) in links)
        {
            var link = await RevealAsync(tab, href);
            if (!subMenuChecked && await IsInSubMenuAsync(link))
            {
                // The opened sub-menu is a state of the page too.
                await tab.AssertAccessibleAsync($"{email}: sub-menu of \"{name}\" opened");
                subMenuChecked = true;
            }

            await tab.ClickAndWaitForDocumentAsync(link);

            var description = $"{email}: menu \"{name}\" ({href})";
            Assert.True(
                string.Equals(new Uri(tab.Page.Url).AbsolutePath.TrimEnd('/'), href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase),
                $"{description} led to {tab.Page.Url}.");
            await tab.AssertSoundAndAccessibleAsync(description);
        }

        // The header's own page for every signed-in user.
        await tab.ClickAndWaitForDocumentAsync(
            tab.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Changer mon mot de passe" }));
        await tab.AssertSoundAndAccessibleAsync($"{email}: header \"Changer mon mot de passe\"");
        await Assertions.Expect(tab.Heading).ToContainTextAsync("mot de passe");
    }

    /// <summary>The links of the main menu, in order, as (visible name, href), including those of collapsed sub-menus.</summary>
    private static async Task<IReadOnlyList<(string Name, string Href)>> MenuLinksAsync(BrowserPage tab)
    {
        var found = await tab.MainNavigation.Locator("a[href]").EvaluateAllAsync<string[][]>(
            "links => links.map(a => [a.textContent.trim().replace(/\\s+/g, ' '), a.getAttribute('href')])");
        Assert.True(found.Length > 0, "The main menu has no link.");
        return found.Select(pair => (pair[0], pair[1])).ToList();
    }

    private static Task<bool> IsInSubMenuAsync(ILocator link) => link.EvaluateAsync<bool>("a => a.closest('.fr-menu') !== null");

    /// <summary>The menu link to <paramref name="href"/>, its sub-menu opened first (as a user would) when it is collapsed.</summary>
    private static async Task<ILocator> RevealAsync(BrowserPage tab, string href)
    {
        var link = tab.MainNavigation.Locator($"a[href='{href}']").First;
        if (!await link.IsVisibleAsync())
        {
            var subMenuId = await link.EvaluateAsync<string?>("a => a.closest('.fr-collapse, .fr-menu')?.id ?? null");
            Assert.False(string.IsNullOrEmpty(subMenuId), $"The menu link {href} is hidden and belongs to no sub-menu.");
            var toggle = tab.MainNavigation.Locator($"button[aria-controls='{subMenuId}']");
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(link).ToBeVisibleAsync();
        }

        return link;
    }
}
