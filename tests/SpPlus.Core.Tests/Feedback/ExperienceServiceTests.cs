using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Tests.Feedback;

public sealed class ExperienceServiceTests : IAsyncLifetime
{
    // TestDatabase starts on Monday 2 March 2026, 9:00 UTC (10:00 in Paris).
    private static readonly DateOnly Today = new(2026, 3, 2);

    private TestDatabase _database = null!;
    private string _prefectureCorrespondentId = "";
    private string _subPrefectureCorrespondentId = "";
    private string _referentId = "";
    private string _readerId = "";
    private string _disabledCorrespondentId = "";

    private ReviewActor PrefectureCorrespondent => new(_prefectureCorrespondentId, "Camille Durand", true, false, false, new HashSet<int> { _database.PrefectureId });

    private ReviewActor Referent => new(_referentId, "Romain Référent", false, true, false, new HashSet<int>());

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _prefectureCorrespondentId = await UserAsync("camille.durand", RoleNames.Correspondent, _database.PrefectureId);
        _subPrefectureCorrespondentId = await UserAsync("louis.martin", RoleNames.Correspondent, _database.SubPrefectureId);
        _referentId = await UserAsync("romain.referent", RoleNames.Referent, null);
        _readerId = await UserAsync("lea.lectrice", RoleNames.ClacReader, null);
        _disabledCorrespondentId = await UserAsync("paul.parti", RoleNames.Correspondent, _database.PrefectureId, disabled: true);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(null, null, false, ExperienceStatus.ToAnswer)]
    [InlineData(null, null, true, ExperienceStatus.Published)]
    [InlineData(ReviewState.Draft, null, false, ExperienceStatus.ToAnswer)]
    [InlineData(ReviewState.Draft, ReviewAction.Return, false, ExperienceStatus.Returned)]
    [InlineData(ReviewState.Draft, ReviewAction.Reopen, false, ExperienceStatus.ToAnswer)]
    [InlineData(ReviewState.Submitted, ReviewAction.Submit, false, ExperienceStatus.Submitted)]
    [InlineData(ReviewState.Approved, ReviewAction.Approve, false, ExperienceStatus.Approved)]
    [InlineData(ReviewState.Published, ReviewAction.Publish, false, ExperienceStatus.Published)]
    [InlineData(ReviewState.Published, ReviewAction.Publish, true, ExperienceStatus.Published)]
    public async Task The_status_is_derived_from_the_answer_and_its_history_in_the_list_and_in_the_filter(
        ReviewState? answerState, ReviewAction? lastAction, bool answeredNationally, ExperienceStatus expected)
    {
        // A decoy of each other kind, so that a filter that ignores the status is caught.
        var decoys = new List<int>
        {
            await ExperienceAsync(),
            await ExperienceAsync(firstAnswerOn: Today.AddDays(-3)),
            await WithAnswerAsync(await ExperienceAsync(), ReviewState.Submitted, ReviewAction.Submit),
        };
        var id = await ExperienceAsync(firstAnswerOn: answeredNationally ? Today.AddDays(-2) : null);
        if (answerState is { } state)
        {
            await WithAnswerAsync(id, state, lastAction);
        }

        var page = await ListAsync(new ExperienceFilter(), 1);
        Assert.Equal(expected, page.Rows.Single(r => r.Id == id).Status);

        var filtered = await ListAsync(new ExperienceFilter(Status: expected), 1);
        Assert.Contains(id, filtered.Rows.Select(r => r.Id));
        Assert.All(filtered.Rows, r => Assert.Equal(expected, r.Status));
        var others = await ListAsync(new ExperienceFilter(Status: expected == ExperienceStatus.Returned ? ExperienceStatus.ToAnswer : ExperienceStatus.Returned), 1);
        Assert.DoesNotContain(id, others.Rows.Select(r => r.Id));
        Assert.Equal(decoys.Count + 1, page.TotalCount);
    }

    [Fact]
    public async Task A_returned_answer_submitted_again_is_submitted_and_not_returned()
    {
        var id = await ExperienceAsync();
        var answerId = await WithAnswerAsync(id, ReviewState.Draft, ReviewAction.Return);
        await AddEventAsync(answerId, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
        await _database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var answer = await db.ExperienceAnswers.SingleAsync(a => a.Id == answerId);
            answer.State = ReviewState.Submitted;
            await db.SaveChangesAsync();
        });

        var details = await Run(s => s.GetDetailsAsync(id, withComments: false));

        Assert.Equal(ExperienceStatus.Submitted, details!.Status);
        Assert.Empty((await ListAsync(new ExperienceFilter(Status: ExperienceStatus.Returned), 1)).Rows);
    }

    [Fact]
    public async Task An_experience_is_overdue_from_the_day_after_its_due_date_and_only_while_unanswered()
    {
        var dueToday = await ExperienceAsync(publishedOn: Today.AddDays(-15));
        var dueYesterday = await ExperienceAsync(publishedOn: Today.AddDays(-16));
        var answeredNationally = await ExperienceAsync(publishedOn: Today.AddDays(-40), firstAnswerOn: Today.AddDays(-1));
        var publishedLocally = await ExperienceAsync(publishedOn: Today.AddDays(-40));
        await WithAnswerAsync(publishedLocally, ReviewState.Published, ReviewAction.Publish);
        var submittedLate = await ExperienceAsync(publishedOn: Today.AddDays(-30));
        await WithAnswerAsync(submittedLate, ReviewState.Submitted, ReviewAction.Submit);

        var page = await ListAsync(new ExperienceFilter(), 1);
        var overdue = await ListAsync(new ExperienceFilter(OverdueOnly: true), 1);

        Assert.False(page.Rows.Single(r => r.Id == dueToday).IsOverdue);
        Assert.True(page.Rows.Single(r => r.Id == dueYesterday).IsOverdue);
        Assert.False(page.Rows.Single(r => r.Id == answeredNationally).IsOverdue);
        Assert.False(page.Rows.Single(r => r.Id == publishedLocally).IsOverdue);
        Assert.True(page.Rows.Single(r => r.Id == submittedLate).IsOverdue);
        Assert.Equal([submittedLate, dueYesterday], overdue.Rows.Select(r => r.Id));
        // Overdue first (the oldest due date first), then the others by due date.
        // Overdue first, then those still waiting for an answer, then the answered ones (most recently published first).
        Assert.Equal([submittedLate, dueYesterday, dueToday, publishedLocally, answeredNationally], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Today_is_the_day_in_Paris()
    {
        var due = await ExperienceAsync(publishedOn: Today.AddDays(-15));
        // 23:30 UTC on 2 March is already 3 March in Paris: the experience due on 2 March is late.
        _database.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));

        var details = await Run(s => s.GetDetailsAsync(due, withComments: false));

        Assert.True(details!.IsOverdue);
    }

    [Fact]
    public async Task The_filters_combine_and_the_list_is_paged_by_25()
    {
        for (var i = 0; i < 30; i++)
        {
            await ExperienceAsync(title: $"Accueil {i}", sentiment: i % 2 == 0 ? Sentiment.Positive : Sentiment.Negative,
                structureId: i < 20 ? _database.PrefectureId : _database.SubPrefectureId, publishedOn: Today.AddDays(-i),
                tags: i % 3 == 0 ? new HashSet<ExperienceTag> { ExperienceTag.Reactivity } : null);
        }

        var assigned = await ExperienceAsync(title: "Téléphone", structureId: _database.PrefectureId);
        await Run(s => s.AssignAsync(assigned, _prefectureCorrespondentId));

        var first = await ListAsync(new ExperienceFilter(), 1);
        var second = await ListAsync(new ExperienceFilter(), 2);
        Assert.Equal((31, 2, 25, 6), (first.TotalCount, first.TotalPages, first.Rows.Count, second.Rows.Count));
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));

        async Task<int> Count(ExperienceFilter filter) => (await ListAsync(filter, 1)).TotalCount;
        Assert.Equal(10, await Count(new ExperienceFilter(StructureId: _database.SubPrefectureId)));
        Assert.Equal(21, await Count(new ExperienceFilter(StructureIds: [_database.PrefectureId])));
        Assert.Equal(15, await Count(new ExperienceFilter(Sentiment: Sentiment.Negative)));
        Assert.Equal(10, await Count(new ExperienceFilter(Tag: ExperienceTag.Reactivity)));
        Assert.Equal(0, await Count(new ExperienceFilter(Tag: ExperienceTag.Accessibility)));
        Assert.Equal(1, await Count(new ExperienceFilter(AssigneeUserId: _prefectureCorrespondentId)));
        Assert.Equal(11, await Count(new ExperienceFilter(Search: "Accueil 2")));
        Assert.Equal(7, await Count(new ExperienceFilter(PublishedFrom: Today.AddDays(-9), PublishedTo: Today.AddDays(-4))));
        Assert.Equal(5, await Count(new ExperienceFilter(StructureId: _database.PrefectureId, Sentiment: Sentiment.Negative, PublishedFrom: Today.AddDays(-9))));
    }

    [Fact]
    public async Task A_manual_entry_is_validated_whole_with_French_messages()
    {
        var empty = await Run(s => s.CreateAsync(new ExperienceInput(null, "  ", null, null, null, null, new HashSet<ExperienceTag>(), null), PrefectureCorrespondent));

        Assert.False(empty.Succeeded);
        Assert.Equal(
            [
                ("StructureId", "Choisissez la structure concernée par l'expérience."),
                ("Title", "Indiquez le titre de l'expérience."),
                ("Description", "Indiquez la description de l'expérience, telle que l'usager l'a écrite."),
                ("PublishedOn", "Indiquez la date de publication de l'expérience."),
            ],
            empty.Errors.Select(e => (e.Field, e.Message)));

        var wrong = await Run(s => s.CreateAsync(
            new ExperienceInput(_database.SubPrefectureId, new string('a', 301), new string('b', 10_001), Today.AddDays(1), Today.AddDays(2), null, new HashSet<ExperienceTag>(), new string('9', 65)),
            PrefectureCorrespondent));

        Assert.Equal(
            [
                ("StructureId", "Vous ne pouvez pas saisir d'expérience pour cette structure."),
                ("Title", "Le titre doit contenir au plus 300 caractères (il en contient 301)."),
                ("Description", "La description doit contenir au plus 10\u202F000 caractères (elle en contient 10\u202F001)."),
                ("PublishedOn", "La date de publication ne peut pas être dans le futur."),
                ("WrittenOn", "La date de rédaction ne peut pas être postérieure à la date de publication."),
                ("NationalId", "L'identifiant national doit contenir au plus 64 caractères."),
            ],
            wrong.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(0, await Db(db => db.Experiences.CountAsync()));
    }

    [Fact]
    public async Task A_manual_entry_is_saved_with_its_due_date_and_a_national_id_cannot_be_used_twice()
    {
        await _database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Settings.Add(new Setting { Key = SettingKeys.AnswerDelayDays, Value = "10" });
            await db.SaveChangesAsync();
        });
        var input = new ExperienceInput(_database.PrefectureId, " Accueil au guichet des titres ", "L'agent a pris le temps de m'expliquer.",
            Today.AddDays(-3), Today.AddDays(-5), Sentiment.Positive, new HashSet<ExperienceTag> { ExperienceTag.Relation, ExperienceTag.Information }, "123");

        var created = await Run(s => s.CreateAsync(input, PrefectureCorrespondent));

        Assert.True(created.Succeeded);
        var saved = await Db(db => db.Experiences.SingleAsync(e => e.Id == created.Id));
        Assert.Equal(ExperienceSource.Manual, saved.Source);
        Assert.Equal("Accueil au guichet des titres", saved.Title);
        Assert.Equal(Today.AddDays(7), saved.DueOn);
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Relation, ExperienceTag.Information }, saved.Tags);
        Assert.Equal(_database.PrefectureId, saved.StructureId);

        var again = await Run(s => s.CreateAsync(input with { NationalId = "123 " }, Referent));

        Assert.Equal([("NationalId", "Une expérience porte déjà l'identifiant national 123.")], again.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(created.Id, again.DuplicateOfId);
        Assert.Equal(1, await Db(db => db.Experiences.CountAsync()));

        // The referent may enter one for any structure; without national id, several can coexist.
        Assert.True((await Run(s => s.CreateAsync(input with { StructureId = _database.SubPrefectureId, NationalId = null }, Referent))).Succeeded);
        Assert.True((await Run(s => s.CreateAsync(input with { NationalId = "" }, Referent))).Succeeded);
    }

    [Fact]
    public async Task An_experience_is_assigned_only_to_a_correspondent_of_its_structure_or_the_referent()
    {
        var id = await ExperienceAsync(structureId: _database.PrefectureId);

        var choices = await Run(s => s.AssigneeChoicesAsync(_database.PrefectureId));
        Assert.Equal([_prefectureCorrespondentId, _referentId], choices.Select(c => c.UserId));

        const string refusal = "Cette expérience ne peut être attribuée qu'à un correspondant de sa structure ou au référent.";
        Assert.Equal([refusal], (await Run(s => s.AssignAsync(id, _subPrefectureCorrespondentId))).Errors);
        Assert.Equal([refusal], (await Run(s => s.AssignAsync(id, _readerId))).Errors);
        Assert.Equal([refusal], (await Run(s => s.AssignAsync(id, _disabledCorrespondentId))).Errors);
        Assert.Null(await AssigneeAsync(id));

        Assert.True((await Run(s => s.AssignAsync(id, _prefectureCorrespondentId))).Succeeded);
        Assert.Equal(_prefectureCorrespondentId, await AssigneeAsync(id));
        Assert.True((await Run(s => s.AssignAsync(id, _referentId))).Succeeded);
        Assert.Equal(_referentId, await AssigneeAsync(id));
        Assert.True((await Run(s => s.AssignAsync(id, null))).Succeeded);
        Assert.Null(await AssigneeAsync(id));

        // Not placed in a structure yet: the referent only.
        var unmapped = await ExperienceAsync(structureId: null);
        Assert.Equal([_referentId], (await Run(s => s.AssigneeChoicesAsync(null))).Select(c => c.UserId));
        Assert.False((await Run(s => s.AssignAsync(unmapped, _prefectureCorrespondentId))).Succeeded);
        Assert.Equal([ExperienceService.NotFoundMessage], (await Run(s => s.AssignAsync(999_999, _referentId))).Errors);
    }

    [Fact]
    public async Task Moving_an_experience_moves_its_answer_and_drops_an_assignee_who_cannot_follow()
    {
        var id = await ExperienceAsync(structureId: _database.PrefectureId);
        var answerId = await WithAnswerAsync(id, ReviewState.Draft, null);
        await Run(s => s.AssignAsync(id, _prefectureCorrespondentId));

        var moved = await Run(s => s.MoveAsync(id, _database.SubPrefectureId));

        Assert.True(moved.Succeeded);
        Assert.Equal(_database.SubPrefectureId, await Db(db => db.Experiences.Where(e => e.Id == id).Select(e => e.StructureId).SingleAsync()));
        Assert.Equal(_database.SubPrefectureId, await Db(db => db.ExperienceAnswers.Where(a => a.Id == answerId).Select(a => a.StructureId).SingleAsync()));
        Assert.Null(await AssigneeAsync(id));

        // The referent can follow anywhere.
        await Run(s => s.AssignAsync(id, _referentId));
        Assert.True((await Run(s => s.MoveAsync(id, _database.PrefectureId))).Succeeded);
        Assert.Equal(_referentId, await AssigneeAsync(id));
        Assert.Equal(["Cette structure n'existe pas ou n'est plus active."], (await Run(s => s.MoveAsync(id, 999_999))).Errors);
    }

    [Fact]
    public async Task An_internal_comment_is_required_and_bounded()
    {
        var id = await ExperienceAsync();

        Assert.Equal(["Écrivez le commentaire avant de l'enregistrer."], (await Run(s => s.AddCommentAsync(id, PrefectureCorrespondent, "   "))).Errors);
        Assert.Equal(["Le commentaire doit contenir au plus 4\u202F000 caractères (il en contient 4\u202F001)."],
            (await Run(s => s.AddCommentAsync(id, PrefectureCorrespondent, new string('x', 4_001)))).Errors);
        Assert.Equal(0, await Db(db => db.ExperienceComments.CountAsync()));

        var added = await Run(s => s.AddCommentAsync(id, PrefectureCorrespondent, "  Rappeler le service des titres lundi.  "));

        Assert.True(added.Succeeded);
        var details = await Run(s => s.GetDetailsAsync(id, withComments: true));
        var comment = Assert.Single(details!.Comments);
        Assert.Equal(("Camille Durand", "Rappeler le service des titres lundi."), (comment.AuthorName, comment.Text));
        Assert.Empty((await Run(s => s.GetDetailsAsync(id, withComments: false)))!.Comments);
        Assert.True((await Run(s => s.AddCommentAsync(id, Referent, new string('y', 4_000)))).Succeeded);
    }

    [Fact]
    public async Task Due_dates_are_recomputed_in_one_update_when_the_delay_changes()
    {
        var a = await ExperienceAsync(publishedOn: new DateOnly(2026, 1, 31));
        var b = await ExperienceAsync(publishedOn: new DateOnly(2025, 12, 20));
        var undated = await ExperienceAsync(withoutPublication: true);

        var updated = await Run(s => s.RecomputeDueDatesAsync(30));

        Assert.Equal(2, updated);
        var due = await Db(db => db.Experiences.ToDictionaryAsync(e => e.Id, e => e.DueOn));
        Assert.Equal(new DateOnly(2026, 3, 2), due[a]);
        Assert.Equal(new DateOnly(2026, 1, 19), due[b]);
        Assert.Null(due[undated]);
    }

    private Task<T> Run<T>(Func<ExperienceService, Task<T>> action) =>
        _database.RunAsync(sp => action(new ExperienceService(sp.GetRequiredService<SpPlusDbContext>(), _database.Time)));

    /// <summary>A page of the list over every experience.</summary>
    private Task<ExperiencePage> ListAsync(ExperienceFilter filter, int page) => _database.RunAsync(sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        return new ExperienceService(db, _database.Time).ListAsync(db.Experiences.AsNoTracking(), filter, page);
    });

    private Task<T> Db<T>(Func<SpPlusDbContext, Task<T>> action) =>
        _database.RunAsync(sp => action(sp.GetRequiredService<SpPlusDbContext>()));

    private Task<string?> AssigneeAsync(int id) => Db(db => db.Experiences.Where(e => e.Id == id).Select(e => e.AssigneeUserId).SingleAsync());

    private async Task<int> ExperienceAsync(
        string title = "Accueil", int? structureId = -1, DateOnly? publishedOn = null, DateOnly? firstAnswerOn = null,
        Sentiment? sentiment = Sentiment.Neutral, IReadOnlySet<ExperienceTag>? tags = null, bool withoutPublication = false)
    {
        DateOnly? published = withoutPublication ? null : publishedOn ?? Today.AddDays(-5);
        return await Db(async db =>
        {
            var experience = new Experience
            {
                Source = ExperienceSource.NationalImport,
                StructureId = structureId == -1 ? _database.PrefectureId : structureId,
                Title = title,
                Description = "Texte de l'usager.",
                Sentiment = sentiment,
                PublishedOn = published,
                FirstAnswerOn = firstAnswerOn,
                DueOn = ExperienceService.DueOn(published, SettingKeys.DefaultAnswerDelayDays),
                CreatedAtUtc = _database.Time.GetUtcNow().UtcDateTime,
            };
            experience.SetTags(tags ?? new HashSet<ExperienceTag>());
            db.Experiences.Add(experience);
            await db.SaveChangesAsync();
            return experience.Id;
        });
    }

    /// <summary>Gives the experience an answer in <paramref name="state"/> whose last review event is <paramref name="lastAction"/>.</summary>
    private async Task<int> WithAnswerAsync(int experienceId, ReviewState state, ReviewAction? lastAction)
    {
        var answerId = await Db(async db =>
        {
            var structureId = await db.Experiences.Where(e => e.Id == experienceId).Select(e => e.StructureId).SingleAsync();
            var answer = new ExperienceAnswer { ExperienceId = experienceId, StructureId = structureId ?? _database.PrefectureId, Text = "Bonjour, merci.", State = state };
            db.ExperienceAnswers.Add(answer);
            await db.SaveChangesAsync();
            return answer.Id;
        });
        if (lastAction is { } action)
        {
            // An earlier submission, then the last action.
            await AddEventAsync(answerId, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            if (action != ReviewAction.Submit)
            {
                await AddEventAsync(answerId, action, ReviewState.Submitted, state);
            }
        }

        return answerId;
    }

    private Task AddEventAsync(int answerId, ReviewAction action, ReviewState from, ReviewState to) => Db(async db =>
    {
        db.ReviewEvents.Add(new ReviewEvent
        {
            DocumentKind = ReviewDocumentKind.ExperienceAnswer,
            DocumentId = answerId,
            StructureId = _database.PrefectureId,
            Action = action,
            FromState = from,
            ToState = to,
            ActorUserId = _referentId,
            ActorName = "Romain Référent",
            AtUtc = _database.Time.GetUtcNow().UtcDateTime,
        });
        return await db.SaveChangesAsync();
    });

    private Task<string> UserAsync(string name, string role, int? structureId, bool disabled = false) => _database.RunAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = $"{name}@exemple.fr",
            Email = $"{name}@exemple.fr",
            DisplayName = name,
            IsDisabled = disabled,
            CreatedAtUtc = DateTime.UtcNow,
        };
        if (structureId is { } id)
        {
            user.Structures.Add(new UserStructure { StructureId = id });
        }

        Assert.True((await users.CreateAsync(user, "Mot-de-passe-de-test-2026")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    });
}
