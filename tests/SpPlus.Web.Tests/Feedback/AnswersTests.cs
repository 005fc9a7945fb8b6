using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>
/// Answers to experiences over HTTP: starting from a template, the editor's pre-submit check, the review panel on the
/// experience's page, approving several answers, marking one as published with its date, the templates' pages, and
/// who may see or do what. Each test works on experiences of its own.
/// </summary>
public sealed class AnswersTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Referent = $"referent@{DemoDataSeeder.EmailDomain}";
    private const string Clac = $"clac@{DemoDataSeeder.EmailDomain}";
    private const string Prefecture = ReferenceData.PrefectureSlug;

    private const string CleanText = "Bonjour,\nMerci pour votre retour sur notre accueil.\nCordialement,\nL'équipe Services Publics+ de la préfecture";

    private static string Correspondent(string slug = Prefecture) => DemoDataSeeder.CorrespondentEmail(slug);

    private static string Details(int experienceId) => $"/Feedback/Experiences/Details/{experienceId}";

    [Fact]
    public async Task A_correspondent_starts_from_a_template_and_sees_the_rendered_text()
    {
        var templateId = await TemplateAsync("Bonjour,\nMerci pour votre avis du {date_experience} sur {structure}.\nCordialement,\n{signature}");
        var experienceId = await ExperienceAsync(Prefecture, "Délai de rendez-vous", writtenOn: new DateOnly(2026, 1, 12));
        var client = await factory.SignInAsync(Correspondent());

        var details = await client.GetPageAsync(Details(experienceId));
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var start = details.FormPostingTo("/Feedback/Answers/Start");
        Assert.Contains("Partir d'une page blanche", start.TextContent);
        var edit = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, start, new Dictionary<string, string>
        {
            ["Start.TemplateId"] = Id(templateId),
        }));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Rédiger la réponse", edit.H1);
        Assert.Contains("Délai de rendez-vous", edit.Text);
        var text = edit.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value;
        Assert.Equal(
            "Bonjour,\nMerci pour votre avis du 12/01/2026 sur Préfecture de l'Aube.\nCordialement,\nL'équipe Services Publics+ de la Préfecture de l'Aube",
            text.Replace("\r\n", "\n"));
        var answer = await factory.WithDbAsync(db => db.ExperienceAnswers.SingleAsync(a => a.ExperienceId == experienceId));
        Assert.Equal((ReviewState.Draft, templateId), (answer.State, answer.TemplateId));
        Assert.EndsWith($"/Feedback/Answers/Edit/{answer.Id}", edit.Url.AbsolutePath);

        // The experience's page now links to the editor instead of offering to start again.
        var after = await client.GetPageAsync(Details(experienceId));
        Assert.NotNull(after.Document.QuerySelector($"a[href='/Feedback/Answers/Edit/{answer.Id}']"));
        Assert.DoesNotContain(after.Document.QuerySelectorAll("form"), f => f.GetAttribute("action") == "/Feedback/Answers/Start");
    }

    [Fact]
    public async Task Check_and_submit_warns_about_an_email_without_submitting_then_submit_anyway_submits()
    {
        var (experienceId, answerId) = await AnswerAsync(Prefecture, ReviewState.Draft, "Bonjour");
        var client = await factory.SignInAsync(Correspondent());
        var edit = await client.GetPageAsync($"/Feedback/Answers/Edit/{answerId}");
        var typed = "Bonjour,\nMerci, écrivez-nous à camille.durand@exemple.fr.\nCordialement,\nL'équipe de la préfecture";

        var checkedPage = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, edit.FormWithField("Text"), new Dictionary<string, string>
        {
            ["Text"] = typed,
            ["Command"] = "Check",
        }));

        Assert.Equal(HttpStatusCode.OK, checkedPage.StatusCode);
        var warning = checkedPage.Document.QuerySelector(".fr-alert--warning")!;
        Assert.Contains("Le texte contient une adresse électronique (camille.durand@exemple.fr)", warning.TextContent);
        Assert.Single(warning.QuerySelectorAll("li"));
        Assert.Equal(typed, checkedPage.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value.Replace("\r\n", "\n"));
        Assert.Contains("Corriger", checkedPage.Text);
        // Saved, not submitted.
        var saved = await factory.WithDbAsync(db => db.ExperienceAnswers.SingleAsync(a => a.Id == answerId));
        Assert.Equal((ReviewState.Draft, typed), (saved.State, saved.Text));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ReviewEvents.CountAsync(e => e.DocumentKind == ReviewDocumentKind.ExperienceAnswer && e.DocumentId == answerId)));

        var form = checkedPage.FormWithField("Text");
        var anyway = form.QuerySelector<IHtmlButtonElement>("button[value=SubmitAnyway]")!;
        Assert.Equal("Soumettre malgré les avertissements", anyway.TextContent.Trim());
        var submitted = await client.SubmitFormAsync(checkedPage, form, new Dictionary<string, string> { ["Command"] = "SubmitAnyway" });

        Assert.Equal(Details(experienceId), HttpClientExtensions.RedirectTarget(submitted).AbsolutePath);
        Assert.Equal(ReviewState.Submitted, await StateAsync(answerId));
    }

    [Fact]
    public async Task Check_and_submit_without_warnings_submits_at_once_and_an_empty_text_comes_back_with_an_error()
    {
        var (_, answerId) = await AnswerAsync(Prefecture, ReviewState.Draft, "Bonjour");
        var client = await factory.SignInAsync(Correspondent());
        var edit = await client.GetPageAsync($"/Feedback/Answers/Edit/{answerId}");

        var empty = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, edit.FormWithField("Text"), new Dictionary<string, string>
        {
            ["Text"] = "   ",
            ["Command"] = "Check",
        }));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains(ExperienceAnswerService.TextRequiredMessage, empty.ErrorMessages());
        Assert.Equal(ReviewState.Draft, await StateAsync(answerId));

        var submitted = await client.SubmitFormAsync(edit, edit.FormWithField("Text"), new Dictionary<string, string>
        {
            ["Text"] = CleanText,
            ["Command"] = "Check",
        });

        Assert.True(HttpClientExtensions.IsRedirect(submitted.StatusCode));
        Assert.Equal(ReviewState.Submitted, await StateAsync(answerId));
    }

    [Fact]
    public async Task A_save_over_someone_elses_keeps_the_typed_text_with_the_conflict_message()
    {
        var (_, answerId) = await AnswerAsync(Prefecture, ReviewState.Draft, "Bonjour");
        var client = await factory.SignInAsync(Correspondent());
        var edit = await client.GetPageAsync($"/Feedback/Answers/Edit/{answerId}");
        await factory.WithDbAsync(async db =>
        {
            var answer = await db.ExperienceAnswers.SingleAsync(a => a.Id == answerId);
            answer.Text = "Bonjour, version du référent.";
            answer.ConcurrencyToken = Guid.NewGuid();
            await db.SaveChangesAsync();
        });

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, edit.FormWithField("Text"), new Dictionary<string, string>
        {
            ["Text"] = "Bonjour, ma version.",
            ["Command"] = "Save",
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ReviewService.ConflictMessage, refused.ErrorMessages());
        Assert.Equal("Bonjour, ma version.", refused.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value);
        Assert.Equal("Bonjour, version du référent.", await factory.WithDbAsync(db => db.ExperienceAnswers.Where(a => a.Id == answerId).Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task The_referent_returns_an_answer_with_a_comment_then_approves_several_at_once()
    {
        var (returnedExperience, toReturn) = await AnswerAsync(Prefecture, ReviewState.Submitted, CleanText);
        var (_, second) = await AnswerAsync(Prefecture, ReviewState.Submitted, CleanText);
        var referent = await factory.SignInAsync(Referent);

        // Return with a comment from the review panel of the experience's page.
        var details = await referent.GetPageAsync(Details(returnedExperience));
        var returnForm = ReviewForm(details, toReturn, "Return");
        var returned = await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(details, returnForm, new Dictionary<string, string>
        {
            ["Comment"] = "Retirez le nom de l'agent, s'il vous plaît.",
        }));
        Assert.Contains("La réponse a été renvoyée au correspondant pour correction.", returned.Text);
        Assert.Equal(ReviewState.Draft, await StateAsync(toReturn));
        var history = await factory.WithDbAsync(db => db.ReviewEvents
            .Where(e => e.DocumentKind == ReviewDocumentKind.ExperienceAnswer && e.DocumentId == toReturn).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal((ReviewAction.Return, "Retirez le nom de l'agent, s'il vous plaît."), (history.Action, history.Comment));

        // The correspondent sees it returned, with the comment in the history; corrects it and submits it again.
        var correspondent = await factory.SignInAsync(Correspondent());
        var seen = await correspondent.GetPageAsync(Details(returnedExperience));
        Assert.Contains("Renvoyée pour correction", seen.Text);
        Assert.Contains("Retirez le nom de l'agent, s'il vous plaît.", seen.Text);
        var edit = await correspondent.GetPageAsync($"/Feedback/Answers/Edit/{toReturn}");
        var resubmitted = await correspondent.SubmitFormAsync(edit, edit.FormWithField("Text"), new Dictionary<string, string> { ["Command"] = "Check" });
        Assert.True(HttpClientExtensions.IsRedirect(resubmitted.StatusCode));
        Assert.Equal(ReviewState.Submitted, await StateAsync(toReturn));

        // Both answers wait on the referent's list; a selection with a draft is refused whole, the selection kept.
        var (_, draft) = await AnswerAsync(Prefecture, ReviewState.Draft, CleanText);
        var list = await referent.GetPageAsync("/Feedback/Answers");
        Assert.Equal("Réponses à approuver", list.H1);
        var form = list.FormWithField("Selected");
        var listed = form.QuerySelectorAll<IHtmlInputElement>("input[name=Selected]").Select(i => i.Value).ToList();
        Assert.Contains(Id(toReturn), listed);
        Assert.Contains(Id(second), listed);
        Assert.DoesNotContain(Id(draft), listed);

        var refused = await HtmlPage.ReadAsync(await referent.SubmitFormAsync(list, form,
            new[] { toReturn, second, draft }.Select(id => new KeyValuePair<string, string>("Selected", Id(id)))));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(refused.ErrorMessages(), m => m.Contains("n'est pas possible sur un document à l'état « Brouillon »"));
        Assert.Equal(ReviewState.Submitted, await StateAsync(toReturn));
        Assert.Equal(ReviewState.Submitted, await StateAsync(second));
        var kept = refused.FormWithField("Selected").QuerySelectorAll<IHtmlInputElement>("input[name=Selected]").Where(i => i.IsChecked).Select(i => i.Value).ToList();
        Assert.Contains(Id(toReturn), kept);
        Assert.Contains(Id(second), kept);

        var approved = await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(list, form,
            new[] { toReturn, second }.Select(id => new KeyValuePair<string, string>("Selected", Id(id)))));
        Assert.Contains("2 réponses ont été approuvées.", approved.Text);
        Assert.Equal(ReviewState.Approved, await StateAsync(toReturn));
        Assert.Equal(ReviewState.Approved, await StateAsync(second));
    }

    [Fact]
    public async Task An_approved_answer_can_be_copied_and_is_marked_published_with_its_date()
    {
        var (experienceId, answerId) = await AnswerAsync(Prefecture, ReviewState.Approved, CleanText, publishedOn: new DateOnly(2026, 1, 20));
        var client = await factory.SignInAsync(Correspondent());

        var details = await client.GetPageAsync(Details(experienceId));
        var copy = details.Document.QuerySelector("button[data-copy-target]")!;
        Assert.Equal("Copier la réponse", copy.TextContent.Trim());
        var target = details.Document.QuerySelector<IHtmlTextAreaElement>($"#{copy.GetAttribute("data-copy-target")}")!;
        Assert.True(target.IsReadOnly);
        Assert.Equal(CleanText, target.Value.Replace("\r\n", "\n"));
        Assert.NotNull(details.Document.QuerySelector($"#{copy.GetAttribute("data-copy-status")}[aria-live=polite]"));
        Assert.NotNull(details.Document.QuerySelector("script[src^='/js/copy.js']"));
        // The panel does not repeat the publication: it is the dated form.
        Assert.Empty(details.Document.QuerySelectorAll($"form[action='/Feedback/Answers/Review/{answerId}'] input[value=Publish]"));

        var form = details.FormPostingTo($"/Feedback/Answers/MarkPublished/{answerId}");
        var tooEarly = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, form, new Dictionary<string, string>
        {
            ["MarkPublished.PostedOn"] = "2026-01-19",
        }));
        Assert.Contains("La date de publication de la réponse ne peut pas précéder celle de l'avis (20/01/2026).", tooEarly.Text);
        Assert.Equal("2026-01-19", tooEarly.Document.QuerySelector<IHtmlInputElement>("input[name='MarkPublished.PostedOn']")!.Value);
        Assert.Equal(ReviewState.Approved, await StateAsync(answerId));

        var published = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, form, new Dictionary<string, string>
        {
            ["MarkPublished.PostedOn"] = "2026-01-23",
        }));

        Assert.Contains("La réponse est marquée comme publiée sur la plateforme nationale.", published.Text);
        Assert.Contains("Publiée sur la plateforme nationale le 23/01/2026.", published.Text);
        var answer = await factory.WithDbAsync(db => db.ExperienceAnswers.Include(a => a.Experience).SingleAsync(a => a.Id == answerId));
        Assert.Equal((ReviewState.Published, new DateOnly(2026, 1, 23)), (answer.State, answer.PostedOn));
        Assert.Equal(new DateOnly(2026, 1, 23), answer.Experience!.FirstAnswerOn);
    }

    [Fact]
    public async Task A_correspondent_of_another_structure_gets_403_on_start_edit_and_review()
    {
        var experienceId = await ExperienceAsync(Prefecture, "Accueil téléphonique");
        var (_, answerId) = await AnswerAsync(Prefecture, ReviewState.Submitted, CleanText);
        var other = await factory.SignInAsync(Correspondent("ddt-aube"));
        var token = HtmlPage.AntiforgeryToken((await other.GetPageAsync("/")).FormPostingTo("/Account/Logout"))!;

        var start = await other.PostAsync("/Feedback/Answers/Start", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Start.ExperienceId", Id(experienceId)),
        ]));
        var edit = await other.GetAsync($"/Feedback/Answers/Edit/{answerId}");
        var editPost = await other.PostAsync($"/Feedback/Answers/Edit/{answerId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Text", "Bonjour, texte d'un autre service."),
            new("Command", "Save"),
        ]));
        var review = await other.PostAsync($"/Feedback/Answers/Review/{answerId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("ReviewAction", "Approve"),
        ]));

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ExperienceAnswers.AnyAsync(a => a.ExperienceId == experienceId)));
        Assert.Equal((ReviewState.Submitted, CleanText),
            await factory.WithDbAsync(db => db.ExperienceAnswers.Where(a => a.Id == answerId).Select(a => new ValueTuple<ReviewState, string>(a.State, a.Text)).SingleAsync()));
    }

    [Fact]
    public async Task The_clac_reader_sees_neither_a_draft_nor_the_review_buttons_only_a_published_text()
    {
        var (draftExperience, _) = await AnswerAsync(Prefecture, ReviewState.Draft, "Bonjour, brouillon à ne pas montrer.");
        var (approvedExperience, approvedId) = await AnswerAsync(Prefecture, ReviewState.Approved, "Bonjour, réponse approuvée à ne pas montrer.");
        var (publishedExperience, publishedId) = await AnswerAsync(Prefecture, ReviewState.Published, "Bonjour, réponse publiée à montrer.");
        var clac = await factory.SignInAsync(Clac);

        var draft = await clac.GetPageAsync(Details(draftExperience));
        var approved = await clac.GetPageAsync(Details(approvedExperience));
        var published = await clac.GetPageAsync(Details(publishedExperience));

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.DoesNotContain("brouillon à ne pas montrer", draft.Text);
        Assert.DoesNotContain("réponse approuvée à ne pas montrer", approved.Text);
        Assert.DoesNotContain("Copier la réponse", approved.Text);
        Assert.Contains("Bonjour, réponse publiée à montrer.", published.Text);
        foreach (var page in new[] { draft, approved, published })
        {
            Assert.Empty(page.Document.QuerySelectorAll("form[action^='/Feedback/Answers/']"));
            Assert.DoesNotContain("Relecture de la réponse", page.Text);
            Assert.DoesNotContain("Rédiger la réponse", page.Text);
        }

        // Nor can the reader act by posting directly.
        var token = HtmlPage.AntiforgeryToken((await clac.GetPageAsync("/")).FormPostingTo("/Account/Logout"))!;
        var markPublished = await clac.PostAsync($"/Feedback/Answers/MarkPublished/{approvedId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("MarkPublished.PostedOn", "2026-02-02"),
        ]));
        var reopen = await clac.PostAsync($"/Feedback/Answers/Review/{publishedId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("ReviewAction", "Reopen"),
            new("Comment", "Essai"),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, markPublished.StatusCode);
        Assert.True(HttpClientExtensions.IsRedirect(reopen.StatusCode));
        Assert.Equal(ReviewState.Approved, await StateAsync(approvedId));
        Assert.Equal(ReviewState.Published, await StateAsync(publishedId));
    }

    [Fact]
    public async Task The_referent_manages_templates_and_an_unknown_placeholder_is_refused_with_the_known_ones()
    {
        var referent = await factory.SignInAsync(Referent);
        var title = $"Modèle {Guid.NewGuid():N}"[..20];

        var create = await referent.GetPageAsync("/Feedback/AnswerTemplates/Create");
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Contains("{date_experience}", create.Text);
        var refused = await HtmlPage.ReadAsync(await referent.SubmitFormAsync(create, create.FormWithField("Body"), new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Body"] = "Bonjour {nom_usager},\nMerci.\n{signature}",
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "Le champ {nom_usager} n'est pas connu : les champs possibles sont {structure}, {date_experience}, {signature}, {titre}.",
            refused.ErrorMessages());
        Assert.Equal("Bonjour {nom_usager},\nMerci.\n{signature}", refused.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Replace("\r\n", "\n"));
        Assert.False(await factory.WithDbAsync(db => db.AnswerTemplates.AnyAsync(t => t.Title == title)));

        var created = await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(create, create.FormWithField("Body"), new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Body"] = "Bonjour,\nMerci pour votre avis sur {structure}.\n{signature}",
        }));
        Assert.Contains($"Le modèle « {title} » a été créé.", created.Text);
        var id = await factory.WithDbAsync(db => db.AnswerTemplates.Where(t => t.Title == title).Select(t => t.Id).SingleAsync());

        // The same title again is refused.
        var duplicate = await HtmlPage.ReadAsync(await referent.SubmitFormAsync(create, create.FormWithField("Body"), new Dictionary<string, string>
        {
            ["Title"] = title.ToUpperInvariant(),
            ["Body"] = "Bonjour.",
        }));
        Assert.Contains($"Un modèle s'appelle déjà « {title.ToUpperInvariant()} » : choisissez un autre titre.", duplicate.ErrorMessages());

        var edit = await referent.GetPageAsync($"/Feedback/AnswerTemplates/Edit/{id}");
        await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(edit, edit.FormWithField("Body"), new Dictionary<string, string>
        {
            ["Body"] = "Bonjour,\nMerci pour votre avis « {titre} ».\n{signature}",
        }));
        Assert.Equal("Bonjour,\nMerci pour votre avis « {titre} ».\n{signature}",
            await factory.WithDbAsync(db => db.AnswerTemplates.Where(t => t.Id == id).Select(t => t.Body).SingleAsync()));

        var list = await referent.GetPageAsync("/Feedback/AnswerTemplates");
        await referent.SubmitFormAsync(list, list.FormPostingTo($"/Feedback/AnswerTemplates/Deactivate/{id}"));
        Assert.False(await factory.WithDbAsync(db => db.AnswerTemplates.Where(t => t.Id == id).Select(t => t.IsActive).SingleAsync()));

        // A deactivated template is no longer offered when starting an answer.
        var experienceId = await ExperienceAsync(Prefecture, "Horaires d'ouverture");
        var correspondent = await factory.SignInAsync(Correspondent());
        var details = await correspondent.GetPageAsync(Details(experienceId));
        Assert.DoesNotContain(details.FormPostingTo("/Feedback/Answers/Start").QuerySelectorAll("option"), o => o.GetAttribute("value") == Id(id));

        list = await referent.GetPageAsync("/Feedback/AnswerTemplates");
        await referent.SubmitFormAsync(list, list.FormPostingTo($"/Feedback/AnswerTemplates/Activate/{id}"));
        Assert.True(await factory.WithDbAsync(db => db.AnswerTemplates.Where(t => t.Id == id).Select(t => t.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync("/Feedback/AnswerTemplates")).StatusCode);
    }

    private static IHtmlFormElement ReviewForm(HtmlPage page, int answerId, string action) =>
        page.Document.QuerySelectorAll<IHtmlFormElement>($"form[action='/Feedback/Answers/Review/{answerId}']")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=ReviewAction]")?.Value == action);

    private Task<ReviewState> StateAsync(int answerId) =>
        factory.WithDbAsync(db => db.ExperienceAnswers.Where(a => a.Id == answerId).Select(a => a.State).SingleAsync());

    private Task<int> TemplateAsync(string body) => factory.WithDbAsync(async db =>
    {
        var template = new AnswerTemplate { Title = $"Modèle de test {Guid.NewGuid():N}", Body = body, UpdatedAtUtc = DateTime.UtcNow };
        db.AnswerTemplates.Add(template);
        await db.SaveChangesAsync();
        return template.Id;
    });

    private Task<int> ExperienceAsync(string slug, string title, DateOnly? writtenOn = null, DateOnly? publishedOn = null) => factory.WithDbAsync(async db =>
    {
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var experience = new Experience
        {
            Source = ExperienceSource.Manual,
            StructureId = structureId,
            Title = title,
            Description = "L'usager raconte son passage au guichet.",
            Sentiment = Sentiment.Neutral,
            WrittenOn = writtenOn,
            PublishedOn = publishedOn ?? new DateOnly(2026, 1, 10),
            CreatedAtUtc = DateTime.UtcNow,
        };
        db.Experiences.Add(experience);
        await db.SaveChangesAsync();
        return experience.Id;
    });

    /// <summary>An experience of the structure with an answer already in <paramref name="state"/> (set directly, as a fixture).</summary>
    private async Task<(int ExperienceId, int AnswerId)> AnswerAsync(string slug, ReviewState state, string text, DateOnly? publishedOn = null)
    {
        var experienceId = await ExperienceAsync(slug, $"Avis {Guid.NewGuid():N}"[..13], publishedOn: publishedOn);
        var answerId = await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Experiences.Where(e => e.Id == experienceId).Select(e => e.StructureId!.Value).SingleAsync();
            var answer = new ExperienceAnswer
            {
                ExperienceId = experienceId,
                StructureId = structureId,
                Text = text,
                State = state,
                StateChangedAtUtc = DateTime.UtcNow,
                CreatedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
                PostedOn = state == ReviewState.Published ? new DateOnly(2026, 1, 15) : null,
            };
            db.ExperienceAnswers.Add(answer);
            await db.SaveChangesAsync();
            return answer.Id;
        });
        return (experienceId, answerId);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
