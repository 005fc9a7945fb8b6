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
        // The error summary: an alert with the generic message, given the focus so that it is read first.
        var summary = tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync(LoginLabels.InvalidCredentials);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(tab.Page.GetByLabel(LoginLabels.Email)).ToHaveValueAsync(email);
        await Assertions.Expect(tab.Page.GetByLabel(LoginLabels.Password, new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToHaveCountAsync(0);
        await tab.AssertSoundAndAccessibleAsync($"Login page after a failed sign-in of {email}");
    }

    [Fact]
    public async Task An_empty_form_lists_the_missing_fields_with_links_to_them()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.SubmitLoginFormAsync("", "");

        var summary = tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert).Filter(new() { HasText = "Le formulaire contient des erreurs" });
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var links = summary.GetByRole(AriaRole.Link);
        await Assertions.Expect(links).ToHaveCountAsync(2);
        await Assertions.Expect(links.Nth(0)).ToContainTextAsync(LoginLabels.Email);
        await Assertions.Expect(links.Nth(1)).ToContainTextAsync(LoginLabels.Password);
        await tab.AssertSoundAndAccessibleAsync("Login page submitted empty");

        // A keyboard user follows the first error to its field.
        await links.Nth(0).FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tab.Page.GetByLabel(LoginLabels.Email)).ToBeFocusedAsync();
    }
}
