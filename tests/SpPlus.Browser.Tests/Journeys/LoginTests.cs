using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>A failed sign-in: one generic French message, shown accessibly, and the e-mail kept in the form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(DemoUsers.CopilMember, "Mauvais-mot-de-passe-2026")]
    [InlineData("personne.inconnue@demo.spplus.fr", "SpPlus-Demo-2026!")]
    public async Task A_wrong_password_or_an_unknown_address_gets_the_same_accessible_error(string email, string password)
    {
        await using var tab = await browser.NewPageAsync();
        await tab.SubmitLoginFormAsync(email, password);

        Assert.Equal(Paths.Login, new Uri(tab.Page.Url).AbsolutePath, ignoreCase: true);
        var main = tab.Page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync(LoginLabels.InvalidCredentials);
        await Assertions.Expect(tab.Page.GetByLabel(LoginLabels.Email)).ToHaveValueAsync(email);
        await Assertions.Expect(tab.Page.GetByLabel(LoginLabels.Password, new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToHaveCountAsync(0);
        await tab.AssertSoundAndAccessibleAsync($"Login page after a failed sign-in of {email}");
    }
}
