using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>
/// The experiences pages over HTTP, on the demo data plus experiences each test creates under a title marker of its
/// own (so that the demo experiences never change what a test counts): the list and its filters, who reads what, the
/// internal part of an experience's page, manual entry, internal comments and "Mon espace".
/// </summary>
public sealed class ExperiencesTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Prefecture = ReferenceData.PrefectureSlug;
    private const string Ddt = "ddt-aube";

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Marker() => "Test" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Each_filter_of_the_list_narrows_it()
    {
        var marker = Marker();
        var referentId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email("referent")).Select(u => u.Id).SingleAsync());
        var positiveDdt = await ExperienceAsync(Ddt, $"{marker} positif DDT", Sentiment.Positive, publishedDaysAgo: 2, tags: [ExperienceTag.Relation]);
        var negativePrefecture = await ExperienceAsync(Prefecture, $"{marker} négatif préfecture", Sentiment.Negative, publishedDaysAgo: 40);
        var submitted = await ExperienceAsync(Prefecture, $"{marker} réponse soumise", Sentiment.Neutral, publishedDaysAgo: 5, answer: ReviewState.Submitted);
        var assigned = await ExperienceAsync(Ddt, $"{marker} attribuée", Sentiment.Neutral, publishedDaysAgo: 3, assigneeId: referentId, tags: [ExperienceTag.Simplicity]);
        var answered = await ExperienceAsync(Prefecture, $"{marker} répondue", Sentiment.Positive, publishedDaysAgo: 60, firstAnswerDaysAgo: 50);
        var all = new[] { positiveDdt, negativePrefecture, submitted, assigned, answered };
        var client = await factory.SignInAsync(Email("referent"));
        var ddt = await factory.StructureIdAsync(Ddt);

        async Task<int[]> Rows(string query)
        {
            var page = await client.GetPageAsync($"/Feedback/Experiences?Search={marker}&{query}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            return page.Document.QuerySelectorAll("tbody td a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture))
                .Order().ToArray();
        }

        Assert.Equal(all.Order(), await Rows(""));
        Assert.Equal(new[] { positiveDdt, assigned }.Order(), await Rows($"StructureId={ddt}"));
        Assert.Equal([submitted], await Rows("Status=Submitted"));
        Assert.Equal([answered], await Rows("Status=Published"));
        Assert.Equal(new[] { positiveDdt, negativePrefecture, assigned }.Order(), await Rows("Status=ToAnswer"));
        Assert.Equal([negativePrefecture], await Rows("Sentiment=Negative"));
        Assert.Equal([assigned], await Rows("Tag=Simplicity"));
        Assert.Equal([negativePrefecture], await Rows("Overdue=true&Overdue=false"));
        Assert.Equal([assigned], await Rows("Mine=true&Mine=false"));
        Assert.Equal(new[] { positiveDdt, submitted, assigned }.Order(), await Rows($"From={Today.AddDays(-10):yyyy-MM-dd}&To={Today:yyyy-MM-dd}"));
        Assert.Empty(await Rows($"StructureId={ddt}&Sentiment=Negative"));

        // The page shows the count, the badges and the chosen filters.
        var overdue = await client.GetPageAsync($"/Feedback/Experiences?Search={marker}&Overdue=true&Overdue=false");
        Assert.Contains("1 expérience correspondant à ces critères", overdue.Text);
        var row = overdue.Document.QuerySelector("tbody tr")!;
        Assert.Contains("En retard", row.TextContent);
        Assert.Contains("Négatif", row.TextContent);
        Assert.Contains("À répondre", row.TextContent);
        Assert.True(overdue.Document.QuerySelector<IHtmlInputElement>("input[name=Overdue][type=checkbox]")!.IsChecked);
        Assert.Equal(marker, overdue.Document.QuerySelector<IHtmlInputElement>("input[name=Search]")!.Value);
    }

    [Fact]
    public async Task The_list_runs_as_many_queries_for_five_rows_as_for_sixty()
    {
        var few = Marker();
        var many = Marker();
        for (var i = 0; i < 5; i++)
        {
            await ExperienceAsync(i % 2 == 0 ? Prefecture : Ddt, $"{few} {i}", Sentiment.Neutral, publishedDaysAgo: i, answer: i == 1 ? ReviewState.Draft : null);
        }

        for (var i = 0; i < 60; i++)
        {
            await ExperienceAsync(i % 2 == 0 ? Prefecture : Ddt, $"{many} {i}", Sentiment.Neutral, publishedDaysAgo: i, answer: i % 4 == 1 ? ReviewState.Draft : null);
        }

        var client = await factory.SignInAsync(Email("referent"));
        await client.GetPageAsync($"/Feedback/Experiences?Search={few}");

        factory.Commands.Reset();
        var fewPage = await client.GetPageAsync($"/Feedback/Experiences?Search={few}");
        var fewCount = factory.Commands.Count;
        factory.Commands.Reset();
        var manyPage = await client.GetPageAsync($"/Feedback/Experiences?Search={many}");
        var manyCount = factory.Commands.Count;

        Assert.Equal(5, fewPage.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(25, manyPage.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("60 expériences", manyPage.Text);
        Assert.Equal(fewCount, manyCount);
        Assert.True(manyCount <= 8, $"{manyCount} queries:\n{string.Join("\n---\n", factory.Commands.Commands)}");
    }

    [Fact]
    public async Task A_correspondent_sees_only_the_experiences_of_their_structures()
    {
        var marker = Marker();
        var own = await ExperienceAsync(Ddt, $"{marker} DDT", Sentiment.Neutral, publishedDaysAgo: 1);
        var other = await ExperienceAsync(Prefecture, $"{marker} préfecture", Sentiment.Neutral, publishedDaysAgo: 1);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Ddt));
        var ddt = await factory.StructureIdAsync(Ddt);

        var list = await client.GetPageAsync("/Feedback/Experiences");
        Assert.Contains("Les expériences de vos structures sont affichées.", list.Text);
        var listed = list.Document.QuerySelectorAll("tbody td a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(listed);
        var structures = await factory.WithDbAsync(db => db.Experiences.Where(e => listed.Contains(e.Id)).Select(e => e.StructureId).Distinct().ToListAsync());
        Assert.Equal([ddt], structures);
        var searched = await client.GetPageAsync($"/Feedback/Experiences?Search={marker}&StructureId=");
        Assert.Contains($"{marker} DDT", searched.Text);
        Assert.DoesNotContain($"{marker} préfecture", searched.Text);
        Assert.Equal([Id(ddt)], list.Document.QuerySelectorAll("select[name=StructureId] option").Select(o => o.GetAttribute("value")).Where(v => v != ""));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Feedback/Experiences/Details/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Feedback/Experiences/Details/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Feedback/Experiences/Details/987654")).StatusCode);

        // A comment posted on another structure's experience is refused and nothing is saved.
        var token = HtmlPage.AntiforgeryToken((await client.GetPageAsync($"/Feedback/Experiences/Details/{own}")).FormPostingTo($"/Feedback/Experiences/Comment/{own}"))!;
        var post = await client.PostAsync($"/Feedback/Experiences/Comment/{other}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["CommentText"] = "Ne devrait pas être enregistré",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ExperienceComments.CountAsync(c => c.ExperienceId == other)));
    }

    [Fact]
    public async Task The_CLAC_reader_sees_the_experience_without_internal_comments_nor_postal_code()
    {
        var marker = Marker();
        var id = await ExperienceAsync(Prefecture, $"{marker} accueil", Sentiment.Negative, publishedDaysAgo: 20, postalCode: "10190",
            description: "Première ligne du témoignage.\nDeuxième ligne du témoignage.");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Prefecture));
        var details = await correspondent.GetPageAsync($"/Feedback/Experiences/Details/{id}");
        var added = await correspondent.FollowRedirectsAsync(await correspondent.SubmitFormAsync(details, details.FormPostingTo($"/Feedback/Experiences/Comment/{id}"),
            new Dictionary<string, string> { ["CommentText"] = $"Note interne {marker}" }));

        Assert.Contains("Le commentaire interne a été ajouté.", added.Text);
        Assert.Contains($"Note interne {marker}", added.Text);
        Assert.Equal("10190", HtmlPage.Normalize(added.Document.QuerySelector("#code-postal")!.TextContent));
        Assert.Contains("<br>", added.Document.QuerySelector("#description")!.InnerHtml);
        Assert.Contains("En retard", added.Document.QuerySelector("#echeance")!.TextContent);

        var reader = await factory.SignInAsync(Email("clac"));
        var seen = await reader.GetPageAsync($"/Feedback/Experiences/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal($"{marker} accueil", seen.H1);
        Assert.Contains("Deuxième ligne du témoignage.", seen.Text);
        Assert.DoesNotContain($"Note interne {marker}", seen.Html);
        Assert.DoesNotContain("Commentaires internes", seen.Text);
        Assert.DoesNotContain("10190", seen.Html);
        Assert.Null(seen.Document.QuerySelector("#code-postal"));
        Assert.Empty(seen.Document.QuerySelectorAll("form[action*='/Comment/'], form[action*='/Assign/'], form[action*='/Move/']"));
    }

    [Fact]
    public async Task A_comment_too_long_comes_back_with_the_typed_text_and_the_assignment_lists_only_allowed_people()
    {
        var marker = Marker();
        var id = await ExperienceAsync(Prefecture, $"{marker} commentaire", Sentiment.Neutral, publishedDaysAgo: 1);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Prefecture));
        var details = await client.GetPageAsync($"/Feedback/Experiences/Details/{id}");
        var tooLong = new string('a', 4_001);

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(details, details.FormPostingTo($"/Feedback/Experiences/Comment/{id}"),
            new Dictionary<string, string> { ["CommentText"] = tooLong }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // The error summary collapses the narrow no-break space of « 4 000 » as any space.
        Assert.Contains("Le commentaire doit contenir au plus 4 000 caractères (il en contient 4 001).", refused.ErrorMessages());
        Assert.Equal(tooLong, refused.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=CommentText]")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ExperienceComments.CountAsync(c => c.ExperienceId == id)));

        var names = details.Document.QuerySelectorAll("select[name=AssigneeUserId] option").Select(o => HtmlPage.Normalize(o.TextContent)).ToList();
        Assert.Contains("Romain Référent", names);
        Assert.Contains("Correspondant démo (Préfecture de l'Aube)", names);
        Assert.DoesNotContain("Correspondant démo (DDT de l'Aube)", names);
        Assert.DoesNotContain("Lucas Lecteur", names);

        var correspondentId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.CorrespondentEmail(Prefecture)).Select(u => u.Id).SingleAsync());
        var assigned = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, details.FormPostingTo($"/Feedback/Experiences/Assign/{id}"),
            new Dictionary<string, string> { ["AssigneeUserId"] = correspondentId }));
        Assert.Contains("L'expérience a été attribuée.", assigned.Text);
        Assert.Equal("Correspondant démo (Préfecture de l'Aube)", HtmlPage.Normalize(assigned.Document.QuerySelector("#attribuee-a")!.TextContent));
    }

    [Fact]
    public async Task A_manual_entry_with_an_error_keeps_every_typed_value_then_a_used_national_id_links_to_its_experience()
    {
        var marker = Marker();
        var nationalId = "77" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var existing = await ExperienceAsync(Prefecture, $"{marker} existante", Sentiment.Positive, publishedDaysAgo: 4, nationalId: nationalId);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Prefecture));
        var prefecture = await factory.StructureIdAsync(Prefecture);
        var form = await client.GetPageAsync("/Feedback/Experiences/Create");
        Assert.Equal("Saisir une expérience usager", form.H1);
        Assert.Equal([Id(prefecture)], form.Document.QuerySelectorAll("select[name=StructureId] option").Select(o => o.GetAttribute("value")).Where(v => v != ""));

        var description = "Ligne 1 du témoignage.\nLigne 2 du témoignage.";
        var typed = new List<KeyValuePair<string, string>>
        {
            new("StructureId", Id(prefecture)),
            new("Title", ""),
            new("Description", description),
            new("PublishedOn", Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("WrittenOn", Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Sentiment", "Negative"),
            new("Tags", "Reactivity"),
            new("Tags", "Simplicity"),
            new("NationalId", nationalId),
        };

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(form, form.FormWithField("Title"), typed));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(
            ["Indiquez le titre de l'expérience.", $"Une expérience porte déjà l'identifiant national {nationalId}."],
            refused.Document.QuerySelectorAll("#resume-erreurs li").Select(li => HtmlPage.Normalize(li.TextContent)));
        var doc = refused.Document;
        Assert.Equal(Id(prefecture), doc.QuerySelector<IHtmlSelectElement>("select[name=StructureId]")!.Value);
        Assert.Equal(description, doc.QuerySelector<IHtmlTextAreaElement>("textarea[name=Description]")!.Value.ReplaceLineEndings("\n"));
        Assert.Equal(Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), doc.QuerySelector<IHtmlInputElement>("input[name=PublishedOn]")!.Value);
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), doc.QuerySelector<IHtmlInputElement>("input[name=WrittenOn]")!.Value);
        Assert.True(doc.QuerySelector<IHtmlInputElement>("input[name=Sentiment][value=Negative]")!.IsChecked);
        Assert.Equal(["Reactivity", "Simplicity"], doc.QuerySelectorAll<IHtmlInputElement>("input[name=Tags]").Where(i => i.IsChecked).Select(i => i.Value));
        Assert.Equal(nationalId, doc.QuerySelector<IHtmlInputElement>("input[name=NationalId]")!.Value);
        Assert.EndsWith($"/Feedback/Experiences/Details/{existing}", doc.QuerySelector("#experience-existante")!.GetAttribute("href"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Experiences.CountAsync(e => e.Title!.StartsWith(marker))));

        // Corrected: saved, with its due date, and shown.
        var fixedValues = typed.Where(v => v.Key is not ("Title" or "NationalId")).Append(new("Title", $"{marker} saisie")).Append(new("NationalId", ""));
        var created = await client.FollowRedirectsAsync(await client.SubmitFormAsync(refused, refused.FormWithField("Title"), fixedValues));

        Assert.Equal($"{marker} saisie", created.H1);
        Assert.Contains("L'expérience a été enregistrée.", created.Text);
        var saved = await factory.WithDbAsync(db => db.Experiences.SingleAsync(e => e.Title == $"{marker} saisie"));
        Assert.Equal((ExperienceSource.Manual, Today.AddDays(13), Sentiment.Negative), (saved.Source, saved.DueOn, saved.Sentiment));
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Reactivity, ExperienceTag.Simplicity }, saved.Tags);
        Assert.Null(saved.NationalId);
    }

    [Fact]
    public async Task The_referent_sees_the_unmapped_queue_and_can_correct_a_structure()
    {
        var marker = Marker();
        var id = await ExperienceAsync(Prefecture, $"{marker} mal placée", Sentiment.Neutral, publishedDaysAgo: 1, answer: ReviewState.Draft);
        var client = await factory.SignInAsync(Email("referent"));
        var unmapped = await factory.WithDbAsync(db => db.Experiences.CountAsync(e => e.StructureId == null));

        var list = await client.GetPageAsync("/Feedback/Experiences");
        var callout = list.Document.QuerySelector("#file-non-rattachees")!;
        Assert.Contains($"{unmapped} expériences attendent", HtmlPage.Normalize(callout.TextContent));
        Assert.Equal("/Feedback/Mappings", callout.QuerySelector("a")!.GetAttribute("href"));
        var reader = await factory.SignInAsync(Email("copil"));
        Assert.Null((await reader.GetPageAsync("/Feedback/Experiences")).Document.QuerySelector("#file-non-rattachees"));

        var ddt = await factory.StructureIdAsync(Ddt);
        var details = await client.GetPageAsync($"/Feedback/Experiences/Details/{id}");
        var moved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, details.FormPostingTo($"/Feedback/Experiences/Move/{id}"),
            new Dictionary<string, string> { ["MoveStructureId"] = Id(ddt) }));

        Assert.Contains("L'expérience a été rattachée à la structure choisie.", moved.Text);
        Assert.Equal(ddt, await factory.WithDbAsync(db => db.Experiences.Where(e => e.Id == id).Select(e => e.StructureId).SingleAsync()));
        Assert.Equal(ddt, await factory.WithDbAsync(db => db.ExperienceAnswers.Where(a => a.ExperienceId == id).Select(a => a.StructureId).SingleAsync()));
    }

    [Fact]
    public async Task Mon_espace_shows_a_correspondent_the_overdue_experiences_first()
    {
        // A structure the other tests of this class leave alone: "Mon espace" shows at most 20 experiences.
        const string slug = "sous-prefecture-bar-sur-aube";
        var marker = Marker();
        var structureId = await factory.StructureIdAsync(slug);
        var correspondent = await factory.CreateUserAsync(RoleNames.Correspondent, [structureId]);
        var recent = await ExperienceAsync(slug, $"{marker} récente", Sentiment.Neutral, publishedDaysAgo: 1);
        var late = await ExperienceAsync(slug, $"{marker} en retard", Sentiment.Negative, publishedDaysAgo: 30);
        await ExperienceAsync(slug, $"{marker} soumise", Sentiment.Neutral, publishedDaysAgo: 2, answer: ReviewState.Submitted);
        var client = await factory.SignInAsync(correspondent.Email!);

        var home = await client.GetPageAsync("/");

        var cards = home.Document.QuerySelectorAll("#en-attente .fr-card").ToList();
        Assert.NotEmpty(cards);
        Assert.Contains("En retard", cards[0].TextContent);
        Assert.Contains("/Feedback/Experiences/Details/", cards[0].QuerySelector("a")!.GetAttribute("href"));
        var links = cards.Select(c => c.QuerySelector("a")!.GetAttribute("href")).ToList();
        var lateIndex = links.IndexOf($"/Feedback/Experiences/Details/{late}");
        var recentIndex = links.IndexOf($"/Feedback/Experiences/Details/{recent}");
        Assert.True(lateIndex >= 0 && recentIndex > lateIndex, $"late at {lateIndex}, recent at {recentIndex}");
        Assert.Contains($"Échéance le {Today.AddDays(14):dd/MM/yyyy}", cards[recentIndex].TextContent);
        Assert.DoesNotContain($"{marker} soumise", home.Text);

        // The referent finds the submitted answer to review.
        var referent = await factory.SignInAsync(Email("referent"));
        var referentHome = await referent.GetPageAsync("/");
        Assert.Contains($"« {marker} soumise » : approuvez la réponse ou renvoyez-la pour correction.", referentHome.Text);
    }

    private Task<int> ExperienceAsync(
        string slug, string title, Sentiment sentiment, int publishedDaysAgo, ReviewState? answer = null, string? assigneeId = null,
        IReadOnlyList<ExperienceTag>? tags = null, int? firstAnswerDaysAgo = null, string? postalCode = null, string? description = null,
        string? nationalId = null) =>
        factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
            var published = Today.AddDays(-publishedDaysAgo);
            var experience = new Experience
            {
                Source = ExperienceSource.NationalImport,
                NationalId = nationalId,
                StructureId = structureId,
                Title = title,
                Description = description ?? "Texte de l'usager.",
                Sentiment = sentiment,
                PublishedOn = published,
                DueOn = published.AddDays(15),
                FirstAnswerOn = firstAnswerDaysAgo is { } days ? Today.AddDays(-days) : null,
                AssigneeUserId = assigneeId,
                PostalCode = postalCode,
                CreatedAtUtc = DateTime.UtcNow,
            };
            experience.SetTags((tags ?? []).ToHashSet());
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            if (answer is { } state)
            {
                db.ExperienceAnswers.Add(new ExperienceAnswer
                {
                    ExperienceId = experience.Id,
                    StructureId = structureId,
                    Text = "Bonjour, merci pour votre message.",
                    State = state,
                    StateChangedAtUtc = DateTime.UtcNow,
                    CreatedAtUtc = DateTime.UtcNow,
                    UpdatedAtUtc = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            return experience.Id;
        });
}
