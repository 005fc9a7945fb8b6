using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Settings;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Admin;

/// <summary>
/// The opinion form's address on the settings page: an https:// address the public pages' « Donner mon avis » links
/// then lead to, refused in French otherwise, and back to the national platform when emptied.
/// </summary>
public sealed class OpinionFormSettingsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Path = "/Admin/Settings";

    private const string Field = "OpinionFormUrl";

    private const string DepartmentForm = "https://www.aube.gouv.fr/Demarches/Je-donne-mon-avis?source=portail";

    private static readonly string AdminEmail = $"admin@{DemoDataSeeder.EmailDomain}";

    private Task<string?> StoredAsync() =>
        factory.WithDbAsync(db => db.Settings.Where(s => s.Key == SettingKeys.OpinionFormUrl).Select(s => s.Value).SingleOrDefaultAsync());

    private static async Task<HtmlPage> SubmitAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync(Path);
        return await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, page.FormPostingTo(Path), new Dictionary<string, string> { [Field] = url }));
    }

    /// <summary>Saves the settings page with <paramref name="url"/> in the field, the other values as shown; it must succeed.</summary>
    private static async Task<HtmlPage> SaveAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync(Path);
        var saved = await client.FollowRedirectsAsync(
            await client.SubmitFormAsync(page, page.FormPostingTo(Path), new Dictionary<string, string> { [Field] = url }));
        Assert.Contains("Les paramètres ont été enregistrés.", saved.Text, StringComparison.Ordinal);
        return saved;
    }

    /// <summary>The addresses of the « Donner mon avis » links of a public page, read anonymously.</summary>
    private async Task<List<string?>> OpinionLinksAsync(string path)
    {
        var page = await factory.CreateBrowserClient().GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return page.Document.QuerySelectorAll("a").Where(a => a.TextContent.Trim() == "Donner mon avis").Select(a => a.GetAttribute("href")).ToList();
    }

    [Fact]
    public async Task The_field_is_empty_by_default_and_its_hint_names_the_posters_the_public_pages_and_the_default()
    {
        var client = await factory.SignInAsync(AdminEmail);
        await SaveAsync(client, "");

        var page = await client.GetPageAsync(Path);

        var input = page.Document.QuerySelector<IHtmlInputElement>($"input[name={Field}]")!;
        Assert.Equal("", input.Value);
        Assert.Equal("url", input.Type);
        var label = HtmlPage.Normalize(page.Document.QuerySelector($"label[for={Field}]")!.TextContent);
        Assert.StartsWith("Adresse du formulaire « Je donne mon avis »", label, StringComparison.Ordinal);
        Assert.Contains("QR code des affiches", label, StringComparison.Ordinal);
        Assert.Contains("pages publiques", label, StringComparison.Ordinal);
        Assert.Contains(OpinionPlatform.Url, label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_address_is_audited_and_the_public_pages_link_to_it_then_emptied_the_national_platform_returns()
    {
        var client = await factory.SignInAsync(AdminEmail);
        var slug = (await factory.WithDbAsync(db => db.Structures.Where(s => s.IsActive).Select(s => s.Slug).ToListAsync())).First();

        var saved = await SaveAsync(client, $" {DepartmentForm} ");

        Assert.Contains("Les paramètres ont été enregistrés.", saved.Text, StringComparison.Ordinal);
        Assert.Equal(DepartmentForm, saved.Document.QuerySelector<IHtmlInputElement>($"input[name={Field}]")!.Value);
        Assert.Equal(DepartmentForm, await StoredAsync());
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Setting) && a.EntityId == SettingKeys.OpinionFormUrl)
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(AdminEmail, audit.UserName);
        Assert.Contains(DepartmentForm, audit.Changes, StringComparison.Ordinal);

        var engagementsLinks = await OpinionLinksAsync("/engagements");
        Assert.NotEmpty(engagementsLinks);
        Assert.All(engagementsLinks, href => Assert.Equal(DepartmentForm, href));
        Assert.Equal([DepartmentForm], await OpinionLinksAsync("/resultats"));
        Assert.Equal([DepartmentForm], await OpinionLinksAsync($"/resultats/{slug}"));

        // Emptied: the setting is removed and every link leads to the national platform again.
        await SaveAsync(client, "");

        Assert.Null(await StoredAsync());
        Assert.All(await OpinionLinksAsync("/engagements"), href => Assert.Equal(OpinionPlatform.Url, href));
        Assert.Equal([OpinionPlatform.Url], await OpinionLinksAsync("/resultats"));
        Assert.Equal(AuditAction.Deleted, await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Setting) && a.EntityId == SettingKeys.OpinionFormUrl)
            .OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));
    }

    [Theory]
    [InlineData("http://www.aube.gouv.fr/avis", SettingsService.OpinionFormUrlInsecureMessage)]
    [InlineData("www.aube.gouv.fr/avis", SettingsService.OpinionFormUrlFormatMessage)]
    [InlineData("https://www.aube.gouv.fr/je donne mon avis", SettingsService.OpinionFormUrlFormatMessage)]
    public async Task An_invalid_address_is_refused_in_french_kept_in_the_field_and_not_saved(string url, string message)
    {
        var client = await factory.SignInAsync(AdminEmail);
        await SaveAsync(client, DepartmentForm);

        var refused = await SubmitAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([message], refused.ErrorMessages());
        Assert.NotNull(refused.Document.QuerySelector($"#resume-erreurs a[href='#{Field}']"));
        Assert.Equal(url, refused.Document.QuerySelector<IHtmlInputElement>($"input[name={Field}]")!.Value);
        Assert.Equal(DepartmentForm, await StoredAsync());
        Assert.All(await OpinionLinksAsync("/engagements"), href => Assert.Equal(DepartmentForm, href));
    }

    [Fact]
    public async Task An_address_over_500_characters_is_refused_and_reported_with_an_unreadable_delay()
    {
        var client = await factory.SignInAsync(AdminEmail);
        await SaveAsync(client, "");
        var tooLong = "https://www.aube.gouv.fr/avis?ref=" + new string('x', 467);

        var page = await client.GetPageAsync(Path);
        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, page.FormPostingTo(Path), new Dictionary<string, string>
        {
            [Field] = tooLong,
            ["AnswerDelayDays"] = "quinze",
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SettingsService.OpinionFormUrlTooLongMessage, refused.ErrorMessages());
        Assert.Contains("La valeur « quinze » n'est pas valide pour le champ « Délai de réponse aux avis des usagers (jours) ».", refused.ErrorMessages());
        Assert.Equal(tooLong, refused.Document.QuerySelector<IHtmlInputElement>($"input[name={Field}]")!.Value);
        Assert.Null(await StoredAsync());
    }
}
