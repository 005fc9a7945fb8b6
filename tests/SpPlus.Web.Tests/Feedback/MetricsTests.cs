using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Settings;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>
/// « Indicateurs de l'écoute » over HTTP, on experiences of years far from the demo data (each test its own year):
/// the figures shown for a known data set, who sees which scope, no experience text for the CLAC, and a query count
/// that does not grow with the number of experiences.
/// </summary>
public sealed class MetricsTests(FrozenTimeSpPlusFactory factory) : IClassFixture<FrozenTimeSpPlusFactory>
{
    private const string Path = "/Feedback/Metrics";
    private const int MaxCommands = 12;

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Period(int year, string? structure = null) =>
        $"{Path}?From={year}-01-01&To={year}-12-31" + (structure is null ? "" : $"&StructureId={structure}");

    private Task AddAsync(int structureId, string text, DateOnly publishedOn, int? answeredAfterDays, Sentiment? sentiment, params ExperienceTag[] tags) =>
        factory.WithDbAsync(async db =>
        {
            var experience = new Experience
            {
                StructureId = structureId,
                Source = ExperienceSource.Manual,
                Title = text,
                Description = text + " : description détaillée",
                Sentiment = sentiment,
                PublishedOn = publishedOn,
                FirstAnswerOn = answeredAfterDays is { } days ? publishedOn.AddDays(days) : null,
                DueOn = publishedOn.AddDays(SettingKeys.DefaultAnswerDelayDays),
                CreatedAtUtc = DateTime.UtcNow,
            };
            experience.SetTags(tags.ToHashSet());
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
        });

    private static string Figure(HtmlPage page, string name) =>
        HtmlPage.Normalize(page.Document.QuerySelector($"[data-figure='{name}']")?.TextContent ?? $"(no figure {name})");

    private static IReadOnlyList<string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("th, td").Select(c => HtmlPage.Normalize(c.TextContent)).ToList();

    [Fact]
    public async Task The_referent_sees_the_figures_of_a_known_data_set_for_the_departement_and_per_structure()
    {
        var prefecture = await factory.StructureIdAsync("prefecture-aube");
        var ddt = await factory.StructureIdAsync("ddt-aube");
        // Préfecture: answered in 2, 4 and 30 days, one unanswered; DDT: answered in 0 and 9 days, one unanswered.
        await AddAsync(prefecture, "Accueil 2019 A", new(2019, 1, 10), 2, Sentiment.Positive, ExperienceTag.Accessibility, ExperienceTag.Relation);
        await AddAsync(prefecture, "Accueil 2019 B", new(2019, 2, 1), 4, Sentiment.Negative, ExperienceTag.Reactivity);
        await AddAsync(prefecture, "Accueil 2019 C", new(2019, 3, 31), 30, Sentiment.Negative, ExperienceTag.Reactivity);
        await AddAsync(prefecture, "Accueil 2019 D", new(2019, 4, 1), null, Sentiment.Neutral);
        await AddAsync(ddt, "Accueil 2019 E", new(2019, 5, 2), 0, Sentiment.Positive, ExperienceTag.Relation);
        await AddAsync(ddt, "Accueil 2019 F", new(2019, 11, 30), 9, null);
        await AddAsync(ddt, "Accueil 2019 G", new(2019, 12, 31), null, Sentiment.Positive);
        await AddAsync(ddt, "Hors période", new(2020, 1, 1), 1, Sentiment.Positive);
        var client = await factory.SignInAsync(Email("referent"));

        var page = await client.GetPageAsync(Period(2019, "0"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Indicateurs de l'écoute", page.H1);
        Assert.Contains("Chiffres clés : le département, du 01/01/2019 au 31/12/2019", page.Text);
        Assert.Equal("7", Figure(page, "total"));
        Assert.Equal("71,4 %", Figure(page, "answer-rate"));
        // Delays 2, 4, 30, 0, 9: average 9, 90th percentile (rank 5 of 5) 30; 4 of 7 within 15 days; 2 overdue.
        Assert.Equal("9 jours", Figure(page, "average-delay"));
        Assert.Equal("30 jours", Figure(page, "p90-delay"));
        Assert.Equal("57,1 %", Figure(page, "within-delay"));
        Assert.Equal("2", Figure(page, "overdue"));
        Assert.Contains("Part des expériences répondues dans le délai (15 jours)", page.Text);

        // Each chart is an image with a title, followed by its data table.
        var charts = page.Document.QuerySelectorAll("svg[role=img]");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, svg => Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent)));
        var sentiments = page.Document.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("par ressenti", StringComparison.Ordinal));
        Assert.Equal(
            [["Positif", "3", "42,9 %"], ["Neutre", "1", "14,3 %"], ["Négatif", "2", "28,6 %"], ["Non renseigné", "1", "14,3 %"]],
            sentiments.QuerySelectorAll("tbody tr").Select(Cells));
        var quarters = page.Document.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("par trimestre", StringComparison.Ordinal));
        Assert.Equal(
            [
                ["T1 2019", "3", "3", "100 %", "12 jours"],
                ["T2 2019", "2", "1", "50 %", "0 jour"],
                ["T4 2019", "2", "1", "50 %", "9 jours"],
            ],
            quarters.QuerySelectorAll("tbody tr").Select(Cells));

        // One row per structure: six active structures, the préfecture and the DDT with their own figures.
        var rows = page.Document.QuerySelectorAll("#tableau-structures tbody tr");
        var structureCount = await factory.WithDbAsync(db => db.Structures.CountAsync(s => s.IsActive));
        Assert.Equal(structureCount, rows.Length);
        Assert.Equal(
            ["Préfecture de l'Aube", "4", "75 %", "12 jours", "30 jours", "50 %", "1"],
            Cells(rows.Single(r => r.GetAttribute("data-structure-id") == prefecture.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(
            ["DDT de l'Aube", "3", "66,7 %", "4,5 jours", "9 jours", "66,7 %", "1"],
            Cells(rows.Single(r => r.GetAttribute("data-structure-id") == ddt.ToString(CultureInfo.InvariantCulture))));

        // One structure chosen: its figures only, and no per-structure table.
        var ddtPage = await client.GetPageAsync(Period(2019, ddt.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("Chiffres clés : DDT de l'Aube", ddtPage.Text);
        Assert.Equal("3", Figure(ddtPage, "total"));
        Assert.Empty(ddtPage.Document.QuerySelectorAll("#tableau-structures"));
    }

    [Fact]
    public async Task A_correspondent_starts_with_their_structure_and_cannot_choose_another()
    {
        var ddt = await factory.StructureIdAsync("ddt-aube");
        var sgcd = await factory.StructureIdAsync("sgcd-aube");
        await AddAsync(ddt, "Avis DDT 2016", new(2016, 3, 1), 3, Sentiment.Positive);
        await AddAsync(sgcd, "Avis SGCD 2016", new(2016, 3, 2), null, Sentiment.Negative);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));

        var page = await client.GetPageAsync(Period(2016));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Chiffres clés : DDT de l'Aube", page.Text);
        Assert.Equal("1", Figure(page, "total"));
        Assert.Equal("100 %", Figure(page, "answer-rate"));
        var options = page.Document.QuerySelectorAll("select[name=StructureId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([ddt.ToString(CultureInfo.InvariantCulture)], options);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Period(2016, sgcd.ToString(CultureInfo.InvariantCulture)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Period(2016, "999999"))).StatusCode);
    }

    [Fact]
    public async Task The_clac_reader_sees_the_departement_figures_and_no_experience_text()
    {
        var prefecture = await factory.StructureIdAsync("prefecture-aube");
        var nogent = await factory.StructureIdAsync("sous-prefecture-nogent-sur-seine");
        await AddAsync(prefecture, "Texte confidentiel Zéphyrin", new(2017, 6, 1), 5, Sentiment.Negative, ExperienceTag.Information);
        await AddAsync(nogent, "Récit détaillé Anatole", new(2017, 7, 1), null, Sentiment.Positive);
        var client = await factory.SignInAsync(Email("clac"));

        var page = await client.GetPageAsync(Period(2017));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Chiffres clés : le département", page.Text);
        Assert.Equal("2", Figure(page, "total"));
        Assert.Equal("50 %", Figure(page, "answer-rate"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("#tableau-structures tbody tr"));
        Assert.DoesNotContain("Zéphyrin", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Anatole", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("description détaillée", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_in_french_with_the_dates_kept()
    {
        var client = await factory.SignInAsync(Email("referent"));

        var page = await client.GetPageAsync($"{Path}?From=2019-12-31&To=2019-01-01");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("La date de début de la période doit précéder la date de fin.", page.ErrorMessages());
        Assert.Equal("2019-12-31", page.Document.QuerySelector("input[name=From]")!.GetAttribute("value"));
        Assert.Empty(page.Document.QuerySelectorAll("[data-figure]"));
    }

    [Fact]
    public async Task Without_filters_the_page_shows_the_last_twelve_months()
    {
        var client = await factory.SignInAsync(Email("copil"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.FakeTime!.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

        var page = await client.GetPageAsync(Path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(today.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Document.QuerySelector("input[name=From]")!.GetAttribute("value"));
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Document.QuerySelector("input[name=To]")!.GetAttribute("value"));
        Assert.Contains("Chiffres clés : le département", page.Text);
    }

    [Theory]
    [InlineData("referent")]
    [InlineData("correspondant.prefecture-aube")]
    public async Task The_page_sends_as_many_queries_for_many_experiences_as_for_a_few(string account)
    {
        var structures = await factory.WithDbAsync(db => db.Structures.Select(s => s.Id).ToListAsync());
        var year = account == "referent" ? 2018 : 2015;
        await AddAsync(structures[0], "Premier avis", new(year, 2, 1), 3, Sentiment.Positive);
        var client = await factory.SignInAsync(Email(account));
        await client.GetAsync(Period(year)); // warm-up

        var few = await CountAsync(client, Period(year));
        for (var i = 0; i < 40; i++)
        {
            await AddAsync(structures[i % structures.Count], $"Avis {i}", new(year, 1 + i % 12, 1 + i % 28), i % 3 == 0 ? null : i % 20,
                (Sentiment)(1 + i % 3), (ExperienceTag)(1 + i % 5));
        }

        var many = await CountAsync(client, Period(year));

        Assert.True(few.Count <= MaxCommands, $"{few.Count} commands:\n{string.Join("\n---\n", few.Commands)}");
        Assert.True(many.Count == few.Count, $"{few.Count} commands before adding experiences, {many.Count} after:\n{string.Join("\n---\n", many.Commands)}");
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(HttpClient client, string path)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(path);
        var commands = factory.Commands.Commands;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands.Count, commands);
    }
}
