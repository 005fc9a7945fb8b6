using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// Each role signs in, lands on "Mon espace", then follows every link of the main menu (sub-menus included) and the
/// header's own page: every page loads without error, has one h1, a clean console and no axe violation.
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

        var names = (await tab.MenuLinksAsync()).Select(l => l.Name).ToList();
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

        await tab.VisitEveryMenuLinkAsync(email);

        // The header's own page for every signed-in user.
        await tab.ClickAndWaitForDocumentAsync(
            tab.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Changer mon mot de passe" }));
        await tab.AssertSoundAndAccessibleAsync($"{email}: header \"Changer mon mot de passe\"");
        await Assertions.Expect(tab.Heading).ToContainTextAsync("mot de passe");
    }

    [Fact]
    public async Task Every_page_of_the_visitors_menu_opens_and_is_accessible()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GotoAsync(Paths.PublicEngagements);

        var links = await tab.VisitEveryMenuLinkAsync("Anonymous");

        var names = links.Select(l => l.Name).ToList();
        Assert.Contains("Nos engagements", names);
        Assert.DoesNotContain("Mon espace", names);
        Assert.All(AdministrationLinks, name => Assert.DoesNotContain(name, names));
    }
}
