using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Feedback;

public sealed class ExperienceAnswerServiceTests : IAsyncLifetime
{
    // TestDatabase starts on 2 March 2026 (UTC), which is 2 March in Paris too.
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly ReviewActor Referent = new("referent", "Romain Référent", false, true, false, new HashSet<int>());

    private TestDatabase _database = null!;
    private int _templateId;

    private ReviewActor Correspondent => new("correspondant", "Camille Correspondante", true, false, false, new HashSet<int> { _database.PrefectureId });

    private ReviewActor OtherCorrespondent => new("autre", "Dominique Autre", true, false, false, new HashSet<int> { _database.SubPrefectureId });

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _templateId = await Db(async db =>
        {
            var template = new AnswerTemplate
            {
                Title = "Remerciement",
                Body = "Bonjour,\nMerci pour votre avis « {titre} » du {date_experience} sur {structure}.\nCordialement,\n{signature}",
                UpdatedAtUtc = TestDatabase.Start.UtcDateTime,
            };
            db.AnswerTemplates.Add(template);
            await db.SaveChangesAsync();
            return template.Id;
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Starting_from_a_template_fills_the_draft_with_the_experience()
    {
        var experienceId = await ExperienceAsync(_database.PrefectureId, writtenOn: new DateOnly(2026, 2, 10), publishedOn: new DateOnly(2026, 2, 12));

        var started = await Run(s => s.StartAsync(experienceId, _templateId, Correspondent));

        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var answer = await Db(db => db.ExperienceAnswers.SingleAsync());
        Assert.Equal(started.Value, answer.Id);
        Assert.Equal(ReviewState.Draft, answer.State);
        Assert.Equal(_database.PrefectureId, answer.StructureId);
        Assert.Equal(_templateId, answer.TemplateId);
        Assert.Equal(
            "Bonjour,\nMerci pour votre avis « Accueil au guichet » du 10/02/2026 sur Préfecture de l'Aube.\nCordialement,\n"
            + "L'équipe Services Publics+ de la Préfecture de l'Aube",
            answer.Text);
    }

    [Fact]
    public async Task Without_a_written_date_the_template_takes_the_publication_date_and_a_second_start_changes_nothing()
    {
        var experienceId = await ExperienceAsync(_database.PrefectureId, writtenOn: null, publishedOn: new DateOnly(2026, 2, 12));
        var first = await Run(s => s.StartAsync(experienceId, _templateId, Correspondent));

        var again = await Run(s => s.StartAsync(experienceId, null, Referent));
        var withTemplate = await Run(s => s.StartAsync(experienceId, _templateId, Referent));

        Assert.Contains("du 12/02/2026", await TextAsync(first.Value));
        Assert.Equal(first.Value, again.Value);
        Assert.Equal([ExperienceAnswerService.ReplaceNeedsConfirmationMessage], withTemplate.Errors);
        Assert.Equal(1, await Db(db => db.ExperienceAnswers.CountAsync()));
    }

    [Fact]
    public async Task An_unplaced_experience_and_a_correspondent_of_another_structure_are_refused()
    {
        var unplaced = await ExperienceAsync(null);
        var placed = await ExperienceAsync(_database.PrefectureId);

        var refusedUnplaced = await Run(s => s.StartAsync(unplaced, null, Referent));
        var refusedOther = await Run(s => s.StartAsync(placed, _templateId, OtherCorrespondent));
        var admin = new ReviewActor("admin", "Alex Admin", false, false, false, new HashSet<int>());
        var refusedAdmin = await Run(s => s.StartAsync(placed, null, admin));

        Assert.Equal([ExperienceAnswerService.UnplacedMessage], refusedUnplaced.Errors);
        Assert.Equal([ExperienceAnswerService.NotAllowedMessage], refusedOther.Errors);
        Assert.Equal([ExperienceAnswerService.NotAllowedMessage], refusedAdmin.Errors);
        Assert.Equal(0, await Db(db => db.ExperienceAnswers.CountAsync()));

        // Once started by its own correspondent, the other structure's correspondent may neither save nor submit it.
        var id = (await Run(s => s.StartAsync(placed, null, Correspondent))).Value;
        var token = await TokenAsync(id);
        var save = await Run(s => s.SaveAsync(id, "Bonjour, texte d'un autre service.", token, OtherCorrespondent));
        var submit = await Run(s => s.ReviewAsync(id, OtherCorrespondent, new ReviewService.Request(ReviewAction.Submit)));
        Assert.Equal([ExperienceAnswerService.NotAllowedMessage], save.Errors);
        Assert.False(submit.Succeeded);
        Assert.Equal("", await TextAsync(id));
        Assert.Equal(ReviewState.Draft, await StateAsync(id));
    }

    [Fact]
    public async Task Saving_checks_the_text_and_renews_the_token()
    {
        var id = await DraftAsync();
        var token = await TokenAsync(id);

        var empty = await Run(s => s.SaveAsync(id, "  \r\n ", token, Correspondent));
        var tooLong = await Run(s => s.SaveAsync(id, new string('a', ExperienceAnswerService.TextMaxLength + 1), token, Correspondent));
        var saved = await Run(s => s.SaveAsync(id, "Bonjour,\r\nMerci.\r\n", token, Correspondent));

        Assert.Equal([ExperienceAnswerService.TextRequiredMessage], empty.Errors);
        Assert.Equal([ExperienceAnswerService.TextTooLongMessage], tooLong.Errors);
        Assert.True(saved.Succeeded);
        Assert.NotEqual(token, saved.Value);
        Assert.Equal(saved.Value, await TokenAsync(id));
        Assert.Equal("Bonjour,\nMerci.", await TextAsync(id));
    }

    [Fact]
    public async Task A_save_with_an_old_token_is_refused_as_a_conflict_and_keeps_the_other_text()
    {
        var id = await DraftAsync();
        var token = await TokenAsync(id);
        Assert.True((await Run(s => s.SaveAsync(id, "Bonjour, version du référent.", token, Referent))).Succeeded);

        var late = await Run(s => s.SaveAsync(id, "Bonjour, version du correspondant.", token, Correspondent));

        Assert.Equal([ReviewService.ConflictMessage], late.Errors);
        Assert.Equal("Bonjour, version du référent.", await TextAsync(id));
    }

    [Fact]
    public async Task A_submitted_answer_can_no_longer_be_saved()
    {
        var id = await DraftAsync("Bonjour,\nMerci pour votre retour.\nCordialement,\nL'équipe de la préfecture");
        Assert.True((await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        var token = await TokenAsync(id);

        var refused = await Run(s => s.SaveAsync(id, "Bonjour, texte changé après soumission.", token, Correspondent));
        var refusedTemplate = await Run(s => s.ApplyTemplateAsync(id, _templateId, token, Referent));

        Assert.Equal([ExperienceAnswerService.LockedMessage], refused.Errors);
        Assert.Equal([ExperienceAnswerService.LockedMessage], refusedTemplate.Errors);
        Assert.Equal(ReviewState.Submitted, await StateAsync(id));
        Assert.StartsWith("Bonjour,\nMerci pour votre retour.", await TextAsync(id));
    }

    [Fact]
    public async Task An_empty_draft_cannot_be_submitted()
    {
        var id = await DraftAsync();

        var refused = await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)));

        Assert.Equal(["La réponse est vide : rédigez-la avant de la soumettre."], refused.Errors);
        Assert.Equal(ReviewState.Draft, await StateAsync(id));
    }

    [Fact]
    public async Task Applying_a_template_replaces_the_draft_text()
    {
        var experienceId = await ExperienceAsync(_database.PrefectureId, writtenOn: new DateOnly(2026, 1, 5));
        var id = (await Run(s => s.StartAsync(experienceId, null, Correspondent))).Value;
        var token = await TokenAsync(id);

        var applied = await Run(s => s.ApplyTemplateAsync(id, _templateId, token, Correspondent));

        Assert.True(applied.Succeeded);
        Assert.Contains("du 05/01/2026 sur Préfecture de l'Aube", await TextAsync(id));
        Assert.Equal(_templateId, await Db(db => db.ExperienceAnswers.Select(a => a.TemplateId).SingleAsync()));
    }

    [Fact]
    public async Task Marking_published_sets_the_posting_date_and_the_first_answer_date()
    {
        var (id, experienceId) = await ApprovedAsync(publishedOn: new DateOnly(2026, 2, 20));

        var token = await TokenAsync(id);
        var published = await Run(s => s.MarkPublishedAsync(id, new DateOnly(2026, 2, 25), Correspondent, token));

        Assert.True(published.Succeeded, string.Join(" ", published.Errors));
        var answer = await Db(db => db.ExperienceAnswers.SingleAsync(a => a.Id == id));
        Assert.Equal(ReviewState.Published, answer.State);
        Assert.Equal(new DateOnly(2026, 2, 25), answer.PostedOn);
        Assert.Equal(new DateOnly(2026, 2, 25), await FirstAnswerOnAsync(experienceId));
        var last = await Db(db => db.ReviewEvents.OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal((ReviewAction.Publish, ReviewState.Approved, ReviewState.Published, id), (last.Action, last.FromState, last.ToState, last.DocumentId));

        // A reopening clears the posting date; the first answer date, a national fact, stays.
        var reopened = await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Reopen, "Faute de frappe à corriger")));
        Assert.True(reopened.Succeeded);
        Assert.Null(await Db(db => db.ExperienceAnswers.Where(a => a.Id == id).Select(a => a.PostedOn).SingleAsync()));
        Assert.Equal(new DateOnly(2026, 2, 25), await FirstAnswerOnAsync(experienceId));
    }

    [Fact]
    public async Task A_posting_date_before_the_experience_or_in_the_future_is_refused_and_nothing_changes()
    {
        var (id, experienceId) = await ApprovedAsync(publishedOn: new DateOnly(2026, 2, 20));

        var before = await Run(s => s.MarkPublishedAsync(id, new DateOnly(2026, 2, 19), Correspondent, null));
        var future = await Run(s => s.MarkPublishedAsync(id, Today.AddDays(1), Referent, null));
        var sameDay = await Run(s => s.MarkPublishedAsync(id, Today, Referent, null));

        Assert.Equal(["La date de publication de la réponse ne peut pas précéder celle de l'avis (20/02/2026)."], before.Errors);
        Assert.Equal(["La date de publication sur la plateforme nationale ne peut pas être dans le futur."], future.Errors);
        Assert.True(sameDay.Succeeded);
        Assert.Equal(Today, await FirstAnswerOnAsync(experienceId));
    }

    [Fact]
    public async Task Marking_published_keeps_an_earlier_first_answer_date_and_needs_an_approved_answer()
    {
        var (id, experienceId) = await ApprovedAsync(publishedOn: new DateOnly(2026, 2, 1));
        await Db(async db =>
        {
            var experience = await db.Experiences.SingleAsync(e => e.Id == experienceId);
            experience.FirstAnswerOn = new DateOnly(2026, 2, 3);
            return await db.SaveChangesAsync();
        });
        var draft = await DraftAsync("Bonjour, merci.");

        var refusedDraft = await Run(s => s.MarkPublishedAsync(draft, Today, Referent, null));
        var published = await Run(s => s.MarkPublishedAsync(id, new DateOnly(2026, 2, 28), Referent, null));

        Assert.Equal(["L'action « Marquer comme publiée sur la plateforme nationale » n'est pas possible sur un document à l'état « Brouillon »."], refusedDraft.Errors);
        Assert.Null(await Db(db => db.ExperienceAnswers.Where(a => a.Id == draft).Select(a => a.PostedOn).SingleAsync()));
        Assert.True(published.Succeeded);
        Assert.Equal(new DateOnly(2026, 2, 3), await FirstAnswerOnAsync(experienceId));
    }

    [Fact]
    public async Task Approving_several_answers_is_all_or_nothing()
    {
        var first = await SubmittedAsync();
        var second = await SubmittedAsync();
        var draft = await DraftAsync("Bonjour, merci.");

        var refused = await Run(s => s.ApproveManyAsync([first, draft, second], Referent));

        Assert.Single(refused.Errors);
        Assert.Contains("n'est pas possible sur un document à l'état « Brouillon »", refused.Errors[0]);
        Assert.StartsWith("Préfecture de l'Aube, « Accueil au guichet » : ", refused.Errors[0]);
        Assert.Equal(ReviewState.Submitted, await StateAsync(first));
        Assert.Equal(ReviewState.Submitted, await StateAsync(second));
        Assert.Equal(0, await Db(db => db.ReviewEvents.CountAsync(e => e.Action == ReviewAction.Approve)));

        var byCorrespondent = await Run(s => s.ApproveManyAsync([first, second], Correspondent));
        Assert.Equal(2, byCorrespondent.Errors.Count);

        var approved = await Run(s => s.ApproveManyAsync([first, second], Referent));
        Assert.True(approved.Succeeded);
        Assert.Equal(ReviewState.Approved, await StateAsync(first));
        Assert.Equal(ReviewState.Approved, await StateAsync(second));
        Assert.Equal(2, await Db(db => db.ReviewEvents.CountAsync(e => e.Action == ReviewAction.Approve)));
    }

    [Fact]
    public async Task Approving_several_answers_refuses_one_changed_since_the_page_was_shown()
    {
        var first = await SubmittedAsync();
        var second = await SubmittedAsync();
        var tokens = new Dictionary<int, Guid> { [first] = Guid.NewGuid(), [second] = await TokenAsync(second) };

        var refused = await Run(s => s.ApproveManyAsync([first, second], Referent, tokens));

        Assert.Equal([$"Préfecture de l'Aube, « Accueil au guichet » : {ReviewService.ConflictMessage}"], refused.Errors);
        Assert.Equal(ReviewState.Submitted, await StateAsync(second));
    }

    [Fact]
    public async Task The_submitted_list_counts_the_warnings_of_each_text()
    {
        var clean = await SubmittedAsync();
        var withEmail = await DraftAsync("Bonjour,\nMerci, écrivez à camille.durand@exemple.fr.\nCordialement,\nL'équipe de la préfecture");
        Assert.True((await Run(s => s.ReviewAsync(withEmail, Correspondent, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);

        var (rows, total) = await Run(s => s.SubmittedAsync(1, 25));

        Assert.Equal(2, total);
        Assert.Equal(0, rows.Single(r => r.Id == clean).WarningCount);
        Assert.Equal(1, rows.Single(r => r.Id == withEmail).WarningCount);
        Assert.All(rows, r => Assert.Equal("Préfecture de l'Aube", r.StructureName));
    }

    private async Task<int> DraftAsync(string? text = null)
    {
        var experienceId = await ExperienceAsync(_database.PrefectureId);
        var id = (await Run(s => s.StartAsync(experienceId, null, Correspondent))).Value;
        if (text is not null)
        {
            var token = await TokenAsync(id);
            var saved = await Run(s => s.SaveAsync(id, text, token, Correspondent));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        }

        return id;
    }

    private async Task<int> SubmittedAsync()
    {
        var id = await DraftAsync("Bonjour,\nMerci pour votre retour.\nCordialement,\nL'équipe de la préfecture");
        var submitted = await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)));
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors));
        return id;
    }

    private async Task<(int Id, int ExperienceId)> ApprovedAsync(DateOnly publishedOn)
    {
        var experienceId = await ExperienceAsync(_database.PrefectureId, publishedOn: publishedOn);
        var id = (await Run(s => s.StartAsync(experienceId, _templateId, Correspondent))).Value;
        Assert.True((await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        Assert.True((await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Approve)))).Succeeded);
        return (id, experienceId);
    }

    private Task<int> ExperienceAsync(int? structureId, DateOnly? writtenOn = null, DateOnly? publishedOn = null) => Db(async db =>
    {
        var experience = new Experience
        {
            Source = ExperienceSource.Manual,
            StructureId = structureId,
            Title = "Accueil au guichet",
            Description = "Un accueil rapide et aimable.",
            Sentiment = Sentiment.Positive,
            WrittenOn = writtenOn,
            PublishedOn = publishedOn,
            CreatedAtUtc = TestDatabase.Start.UtcDateTime,
        };
        db.Experiences.Add(experience);
        await db.SaveChangesAsync();
        return experience.Id;
    });

    private Task<Guid> TokenAsync(int id) => Db(db => db.ExperienceAnswers.Where(a => a.Id == id).Select(a => a.ConcurrencyToken).SingleAsync());

    private Task<string> TextAsync(int id) => Db(db => db.ExperienceAnswers.Where(a => a.Id == id).Select(a => a.Text).SingleAsync());

    private Task<ReviewState> StateAsync(int id) => Db(db => db.ExperienceAnswers.Where(a => a.Id == id).Select(a => a.State).SingleAsync());

    private Task<DateOnly?> FirstAnswerOnAsync(int experienceId) =>
        Db(db => db.Experiences.Where(e => e.Id == experienceId).Select(e => e.FirstAnswerOn).SingleAsync());

    private Task<T> Run<T>(Func<ExperienceAnswerService, Task<T>> action) => _database.RunAsync(sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var reviews = new ReviewService(db, _database.Time, NullLogger<ReviewService>.Instance);
        return action(new ExperienceAnswerService(db, reviews, _database.Time));
    });

    private Task<T> Db<T>(Func<SpPlusDbContext, Task<T>> action) => _database.RunAsync(sp => action(sp.GetRequiredService<SpPlusDbContext>()));
}
