using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Settings;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Admin;

/// <summary>The settings page: the administrator's only, values from 1 to 120 days, and a new answer delay moves every due date.</summary>
public sealed class SettingsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Path = "/Admin/Settings";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private Task<Dictionary<string, string>> StoredAsync() =>
        factory.WithDbAsync(db => db.Settings.ToDictionaryAsync(s => s.Key, s => s.Value));

    [Theory]
    [InlineData("0", "20", "AnswerDelayDays", SettingsService.AnswerDelayMessage)]
    [InlineData("500", "20", "AnswerDelayDays", SettingsService.AnswerDelayMessage)]
    [InlineData("15", "0", "QuarterDeadlineDays", SettingsService.QuarterDeadlineMessage)]
    [InlineData("15", "500", "QuarterDeadlineDays", SettingsService.QuarterDeadlineMessage)]
    [InlineData("quinze", "20", "AnswerDelayDays", "La valeur « quinze » n'est pas valide pour le champ « Délai de réponse aux avis des usagers (jours) ».")]
    public async Task Values_out_of_range_are_refused_in_french_and_the_form_keeps_them(string delay, string deadline, string field, string message)
    {
        var client = await factory.SignInAsync(Email("admin"));
        var before = await StoredAsync();
        var page = await client.GetPageAsync(Path);

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, page.FormPostingTo(Path), new Dictionary<string, string>
        {
            ["AnswerDelayDays"] = delay,
            ["QuarterDeadlineDays"] = deadline,
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([message], refused.ErrorMessages());
        Assert.NotNull(refused.Document.QuerySelector($"#resume-erreurs a[href='#{field}']"));
        Assert.Equal(delay, refused.Document.QuerySelector<IHtmlInputElement>("input[name=AnswerDelayDays]")!.Value);
        Assert.Equal(deadline, refused.Document.QuerySelector<IHtmlInputElement>("input[name=QuarterDeadlineDays]")!.Value);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Saving_a_new_answer_delay_recomputes_every_due_date()
    {
        var prefecture = await factory.StructureIdAsync("prefecture-aube");
        var experienceId = await factory.WithDbAsync(async db =>
        {
            var experience = new Experience
            {
                StructureId = prefecture,
                Source = ExperienceSource.Manual,
                Title = "Délai de délivrance",
                PublishedOn = new DateOnly(2026, 1, 10),
                DueOn = new DateOnly(2026, 1, 25),
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            return experience.Id;
        });
        var published = await factory.WithDbAsync(db => db.Experiences.CountAsync(e => e.PublishedOn != null));
        var client = await factory.SignInAsync(Email("admin"));
        var page = await client.GetPageAsync(Path);
        Assert.Equal("Paramètres", page.H1);
        Assert.Equal("15", page.Document.QuerySelector<IHtmlInputElement>("input[name=AnswerDelayDays]")!.Value);
        Assert.Equal("20", page.Document.QuerySelector<IHtmlInputElement>("input[name=QuarterDeadlineDays]")!.Value);

        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(page, page.FormPostingTo(Path), new Dictionary<string, string>
        {
            ["AnswerDelayDays"] = "30",
            ["QuarterDeadlineDays"] = "25",
        }));

        Assert.Contains(published > 1
            ? $"Les échéances de {published} avis ont été recalculées avec le nouveau délai de réponse."
            : "L'échéance d'un avis a été recalculée avec le nouveau délai de réponse.", saved.Text);
        Assert.Equal("30", saved.Document.QuerySelector<IHtmlInputElement>("input[name=AnswerDelayDays]")!.Value);
        Assert.Equal("25", saved.Document.QuerySelector<IHtmlInputElement>("input[name=QuarterDeadlineDays]")!.Value);
        var stored = await StoredAsync();
        Assert.Equal("30", stored[SettingKeys.AnswerDelayDays]);
        Assert.Equal("25", stored[SettingKeys.QuarterDeadlineDays]);
        Assert.Equal(new DateOnly(2026, 2, 9), await factory.WithDbAsync(db => db.Experiences.Where(e => e.Id == experienceId).Select(e => e.DueOn).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Experiences.CountAsync(e => e.PublishedOn != null && e.DueOn != e.PublishedOn.Value.AddDays(30))));

        // The same delay again: nothing to recompute.
        var again = await client.FollowRedirectsAsync(await client.SubmitFormAsync(saved, saved.FormPostingTo(Path)));
        Assert.Contains("Les paramètres ont été enregistrés.", again.Text);
        Assert.DoesNotContain("recalculée", again.Text);
    }

    [Theory]
    [InlineData("referent")]
    [InlineData("copil")]
    [InlineData("clac")]
    [InlineData("correspondant.ddt-aube")]
    public async Task Only_the_administrator_opens_the_settings(string account)
    {
        var client = await factory.SignInAsync(Email(account));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Path)).StatusCode);
        Assert.DoesNotContain("/Admin/Settings", (await client.GetPageAsync("/")).Html);
    }
}
