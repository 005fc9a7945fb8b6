using System.Net;
using SpPlus.Core.Data.Seeding;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Operations;

/// <summary>Errors get the French DSFR pages with the right status, never a stack trace.</summary>
public sealed class ErrorPagesTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    [Fact]
    public async Task An_unknown_address_gives_404_and_the_French_page_not_found()
    {
        var client = await factory.SignInAsync($"referent@{DemoDataSeeder.EmailDomain}");

        var page = await client.GetPageAsync("/cette-page-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("Page non trouvée", page.H1);
        Assert.Contains("La page que vous cherchez est introuvable", page.Text);
    }

    [Fact]
    public async Task An_unknown_address_sends_an_anonymous_visitor_to_the_login_page()
    {
        // Nothing about the portal's addresses is revealed before signing in.
        var response = await factory.CreateBrowserClient().GetAsync("/cette-page-n-existe-pas");

        Assert.True(response.RedirectsToLogin(), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_correspondent_on_the_accounts_page_gets_403_and_the_French_page_access_denied()
    {
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(ReferenceData.PrefectureSlug));

        var page = await client.GetPageAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("Accès refusé", page.H1);
        Assert.Contains("Vous n'avez pas les droits nécessaires", page.Text);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_gives_400_and_the_French_page_invalid_request()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostAsync(AccountPaths.Login, new FormUrlEncodedContent([new("Email", "x@demo.spplus.fr"), new("Password", "y")]));
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("Requête invalide", page.H1);
    }
}
