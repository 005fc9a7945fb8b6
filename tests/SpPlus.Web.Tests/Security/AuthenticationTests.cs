using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Security;

/// <summary>Signing in and passwords (ASVS 6.2, 6.3), through the real forms.</summary>
public sealed class AuthenticationTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    public static TheoryData<string, string> DemoAccounts()
    {
        var data = new TheoryData<string, string>();
        foreach (var account in DemoDataSeeder.Accounts)
        {
            data.Add(account.Email, account.Role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_account_signs_in_and_lands_on_its_space(string email, string role)
    {
        var client = factory.CreateBrowserClient();

        var landing = await SpPlusFactory.LoginAsync(client, email);

        Assert.Equal("/", landing.Url.AbsolutePath);
        Assert.Contains(role, landing.Text);
    }

    [Fact]
    public async Task Demo_accounts_cover_every_role()
    {
        Assert.Equal(10, DemoDataSeeder.Accounts.Count);
        Assert.Equal(RoleNames.All.Order(), DemoDataSeeder.Accounts.Select(a => a.Role).Distinct().Order());
        var inDatabase = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoDataSeeder.EmailDomain)));
        Assert.True(inDatabase >= 10);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/");

        Assert.True(response.RedirectsToLogin(), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_French_answer()
    {
        var user = await factory.CreateUserAsync(RoleNames.ClacReader);

        var wrongPassword = await HtmlPage.ReadAsync(await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), user.Email!, "Pas-le-bon-mot-de-passe"));
        var unknownEmail = await HtmlPage.ReadAsync(await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), "personne.inconnue@demo.spplus.fr", "Pas-le-bon-mot-de-passe"));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, unknownEmail.StatusCode);
        var message = wrongPassword.ErrorMessages().FirstOrDefault(m => m.Contains("mot de passe", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(message);
        Assert.Equal(wrongPassword.ErrorMessages(), unknownEmail.ErrorMessages());
        Assert.Contains("incorrect", message, StringComparison.OrdinalIgnoreCase);
        // The form keeps the e-mail typed, never the password.
        var form = wrongPassword.FormWithField(AccountFields.Password);
        Assert.Equal(user.Email, form.QuerySelector<IHtmlInputElement>($"input[name={AccountFields.Email}]")?.Value);
        Assert.True(string.IsNullOrEmpty(form.QuerySelector<IHtmlInputElement>($"input[name={AccountFields.Password}]")?.Value));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await factory.CreateUserAsync(RoleNames.Correspondent);
        var client = factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await SpPlusFactory.TryLoginAsync(client, user.Email!, $"Mauvais-essai-numero-{attempt}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var sixth = await SpPlusFactory.TryLoginAsync(client, user.Email!, DemoDataSeeder.DefaultPassword);

        Assert.NotEqual(HttpStatusCode.Redirect, sixth.StatusCode);
        Assert.True((await client.GetAsync("/")).RedirectsToLogin(), "The locked account must not be signed in.");
        var page = await HtmlPage.ReadAsync(sixth);
        Assert.NotEmpty(page.ErrorMessages());
        var lockedUntil = await factory.WithUsersAsync(async users => (await users.FindByIdAsync(user.Id))!.LockoutEnd);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(10), $"Locked until {lockedUntil}");
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        // The other side of the threshold: the lockout above is the fifth failure, not any failure.
        var user = await factory.CreateUserAsync(RoleNames.Correspondent);
        var client = factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SpPlusFactory.TryLoginAsync(client, user.Email!, $"Mauvais-essai-numero-{attempt}");
        }

        await SpPlusFactory.LoginAsync(client, user.Email!);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_gets_the_generic_answer()
    {
        var user = await factory.CreateUserAsync(RoleNames.Referent);
        await DisableAsync(factory, user.Id);

        var disabled = await HtmlPage.ReadAsync(await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), user.Email!, DemoDataSeeder.DefaultPassword));
        var wrongPassword = await HtmlPage.ReadAsync(await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), user.Email!, "Pas-le-bon-mot-de-passe"));

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotEmpty(disabled.ErrorMessages());
        Assert.Equal(wrongPassword.ErrorMessages(), disabled.ErrorMessages());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_within_the_security_stamp_interval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new SpPlusFactory { FakeTime = time };
        var user = await own.CreateUserAsync(RoleNames.Referent);
        var client = await own.SignInAsync(user.Email!);

        // IsDisabled alone, security stamp unchanged: the sign-in manager itself refuses the disabled account at the check.
        await DisableAsync(own, user.Id);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // not checked yet: within the minute

        time.Advance(TimeSpan.FromMinutes(2));
        var response = await client.GetAsync("/");

        Assert.True(response.RedirectsToLogin(), $"After the check the session must be over: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task An_administrator_disabling_an_account_through_the_form_ends_its_session_within_the_minute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new SpPlusFactory { FakeTime = time };
        var user = await own.CreateUserAsync(RoleNames.Correspondent);
        var session = await own.SignInAsync(user.Email!);
        var admin = await own.SignInAsync($"admin@{DemoDataSeeder.EmailDomain}");

        var confirmation = await admin.GetPageAsync($"/Admin/Users/Disable/{user.Id}");
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var response = await admin.SubmitFormAsync(confirmation, confirmation.FormPostingTo($"/Admin/Users/Disable/{user.Id}"));
        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode), $"{(int)response.StatusCode}");
        Assert.True(await own.WithUsersAsync(async users => (await users.FindByIdAsync(user.Id))!.IsDisabled));

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.True((await session.GetAsync("/")).RedirectsToLogin(), "The disabled account's open session must end.");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_open_session_of_an_active_account_survives_the_security_stamp_check()
    {
        // Control for the test above: advancing time alone does not end a session.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new SpPlusFactory { FakeTime = time };
        var client = await own.SignInAsync($"copil@{DemoDataSeeder.EmailDomain}");

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("Tulipe-Rose", "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData("motdepasse123", "Ce mot de passe est trop courant ou trop facile à deviner")]
    public async Task A_short_or_common_new_password_is_refused_with_a_French_message(string newPassword, string message)
    {
        var user = await factory.CreateUserAsync(RoleNames.Correspondent);
        var client = await factory.SignInAsync(user.Email!);

        var response = await ChangePasswordAsync(client, DemoDataSeeder.DefaultPassword, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Contains(page.ErrorMessages(), m => m.StartsWith(message, StringComparison.Ordinal));
        // Nothing changed: the old password still opens the account, the refused one does not.
        Assert.True((await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), user.Email!, newPassword)).StatusCode == HttpStatusCode.OK);
        await SpPlusFactory.LoginAsync(factory.CreateBrowserClient(), user.Email!);
    }

    [Fact]
    public async Task A_long_uncommon_new_password_is_accepted_and_replaces_the_old_one()
    {
        var user = await factory.CreateUserAsync(RoleNames.Correspondent);
        var client = await factory.SignInAsync(user.Email!);
        const string passphrase = "Vingt-trois girafes en hiver";

        var response = await ChangePasswordAsync(client, DemoDataSeeder.DefaultPassword, passphrase);

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode), $"{(int)response.StatusCode}: {string.Join(" | ", (await HtmlPage.ReadAsync(response)).ErrorMessages())}");
        var landing = await client.FollowRedirectsAsync(response);
        Assert.Equal("Mon espace", landing.H1);
        Assert.Contains("Votre mot de passe a été modifié.", landing.Text);
        Assert.Equal(HttpStatusCode.OK, (await SpPlusFactory.TryLoginAsync(factory.CreateBrowserClient(), user.Email!, DemoDataSeeder.DefaultPassword)).StatusCode);
        await SpPlusFactory.LoginAsync(factory.CreateBrowserClient(), user.Email!, passphrase);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await factory.SignInAsync($"clac@{DemoDataSeeder.EmailDomain}");
        var home = await client.GetPageAsync("/");

        var response = await client.SubmitFormAsync(home, home.FormPostingTo(AccountPaths.Logout));

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode), $"{(int)response.StatusCode}");
        Assert.True((await client.GetAsync("/")).RedirectsToLogin());
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetPageAsync("/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await client.SubmitFormAsync(page, page.FormWithField("NewPassword"), new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });
    }

    private static async Task DisableAsync(SpPlusFactory target, string userId) =>
        await target.WithUsersAsync(async users =>
        {
            var account = (await users.FindByIdAsync(userId))!;
            account.IsDisabled = true;
            var result = await users.UpdateAsync(account);
            Assert.True(result.Succeeded);
            return result;
        });
}
