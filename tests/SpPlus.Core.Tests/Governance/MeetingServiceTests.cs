using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Governance;

/// <summary>COPIL and CLAC meetings: the form's checks, participants, the concurrency token, deletion and the year's decisions.</summary>
public class MeetingServiceTests
{
    private static readonly MeetingKind[] AllKinds = [MeetingKind.Copil, MeetingKind.Clac];

    private static Task<T> WithServiceAsync<T>(TestDatabase database, Func<MeetingService, SpPlusDbContext, Task<T>> action) =>
        database.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(new MeetingService(db, sp.GetRequiredService<TimeProvider>()), db);
        });

    private static MeetingInput Valid(
        MeetingKind kind = MeetingKind.Copil, DateOnly? date = null, IReadOnlyList<string>? accounts = null, string? others = null, string? decisions = null) => new(
        kind, date ?? new DateOnly(2026, 3, 12), new TimeOnly(14, 30), "  Salle Marianne  ", accounts ?? [], others,
        "Point 1\nPoint 2", "Compte rendu.", decisions ?? "Valider le plan d'action de la DDT\n\n  Relancer les structures en retard  ");

    private static async Task<int> SaveAsync(TestDatabase database, MeetingInput input)
    {
        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(null, input, null, "user-1"));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    private static Task<AppUser> CreateUserAsync(TestDatabase database, string name, string role, bool disabled = false) =>
        database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = $"{Guid.NewGuid():N}@demo.spplus.fr";
            var user = new AppUser { UserName = email, Email = email, DisplayName = name, IsDisabled = disabled, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Une-phrase-de-passe-longue-2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user;
        });

    [Fact]
    public async Task A_meeting_without_date_nor_place_gets_french_messages_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            null, Valid() with { Date = null, Place = "   " }, null, "user-1"));

        Assert.False(result.Succeeded);
        Assert.Equal([MeetingService.DateRequiredMessage, MeetingService.PlaceRequiredMessage], result.Errors);
        Assert.Equal(nameof(MeetingInput.Date), MeetingService.FieldOf(MeetingService.DateRequiredMessage));
        Assert.Equal(nameof(MeetingInput.Place), MeetingService.FieldOf(MeetingService.PlaceRequiredMessage));
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Too_many_participants_or_decisions_and_too_long_texts_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var others = string.Join("\n", Enumerable.Range(1, 51).Select(i => $"Participant {i} — usager"));
        var decisions = string.Join("\n", Enumerable.Range(1, 31).Select(i => $"Décision {i}"));

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            null, Valid(others: others, decisions: decisions) with { Place = new string('x', 301), Agenda = new string('a', 8001) }, null, "user-1"));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                MeetingService.PlaceTooLongMessage,
                MeetingService.TooManyParticipantsMessage,
                MeetingService.AgendaTooLongMessage,
                MeetingService.TooManyDecisionsMessage,
            ],
            result.Errors);
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.Meetings.CountAsync()));

        // 50 free-text participants are accepted.
        var fifty = string.Join("\n", Enumerable.Range(1, 50).Select(i => $"Participant {i}"));
        Assert.True((await WithServiceAsync(database, (s, _) => s.SaveAsync(null, Valid(others: fifty), null, "user-1"))).Succeeded);
    }

    [Fact]
    public async Task A_meeting_is_saved_with_accounts_free_text_participants_and_ordered_decisions()
    {
        await using var database = await TestDatabase.CreateAsync();
        var copil = await CreateUserAsync(database, "Claire Martin", RoleNames.CopilMember);
        var referent = await CreateUserAsync(database, "Bruno Petit", RoleNames.Referent);

        var id = await SaveAsync(database, Valid(
            accounts: [copil.Id, referent.Id, copil.Id],
            others: "Camille Durand — représentante des usagers\n\nLéa Bernard - DDT\nSacha Morel"));

        var details = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.NotNull(details);
        Assert.Equal("COPIL du 12/03/2026", details.Title);
        Assert.Equal(new DateTime(2026, 3, 12, 14, 30, 0), details.HeldAt);
        Assert.Equal("Salle Marianne", details.Place);
        Assert.Equal(
            [
                new MeetingParticipantView(copil.Id, "Claire Martin", null),
                new MeetingParticipantView(referent.Id, "Bruno Petit", null),
                new MeetingParticipantView(null, "Camille Durand", "représentante des usagers"),
                new MeetingParticipantView(null, "Léa Bernard", "DDT"),
                new MeetingParticipantView(null, "Sacha Morel", null),
            ],
            details.Participants);
        Assert.Equal(["Valider le plan d'action de la DDT", "Relancer les structures en retard"], details.Decisions);

        var orders = await WithServiceAsync(database, (_, db) => db.MeetingDecisions.Where(d => d.MeetingId == id).OrderBy(d => d.Order).Select(d => d.Order).ToListAsync());
        Assert.Equal([1, 2], orders);
    }

    [Fact]
    public async Task A_disabled_or_unknown_account_is_refused_as_participant()
    {
        await using var database = await TestDatabase.CreateAsync();
        var disabled = await CreateUserAsync(database, "Noé Leroy", RoleNames.CopilMember, disabled: true);

        var refusedDisabled = await WithServiceAsync(database, (s, _) => s.SaveAsync(null, Valid(accounts: [disabled.Id]), null, "user-1"));
        var refusedUnknown = await WithServiceAsync(database, (s, _) => s.SaveAsync(null, Valid(accounts: ["nobody"]), null, "user-1"));

        Assert.Equal([MeetingService.AccountsMessage], refusedDisabled.Errors);
        Assert.Equal([MeetingService.AccountsMessage], refusedUnknown.Errors);
        var choices = await WithServiceAsync(database, (s, _) => s.AccountChoicesAsync(null));
        Assert.DoesNotContain(choices, c => c.UserId == disabled.Id);
    }

    [Fact]
    public async Task An_edit_replaces_the_content_and_an_edit_with_a_stale_token_keeps_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var copil = await CreateUserAsync(database, "Claire Martin", RoleNames.CopilMember);
        var id = await SaveAsync(database, Valid(accounts: [copil.Id], others: "Camille Durand — usager"));
        var seen = await WithServiceAsync(database, (s, _) => s.GetForEditAsync(id));
        Assert.NotNull(seen);
        Assert.Equal([copil.Id], seen.Input.ParticipantUserIds);
        Assert.Equal("Camille Durand — usager", seen.Input.OtherParticipants);

        var edited = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            id, seen.Input with { Place = "Salle Voltaire", ParticipantUserIds = [], Decisions = "Une seule décision" }, seen.ConcurrencyToken, "user-2"));
        Assert.True(edited.Succeeded, string.Join(" ", edited.Errors));

        // A second editor still holding the first version: refused, nothing of theirs is saved.
        var stale = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            id, seen.Input with { Place = "Salle Hugo", Decisions = "Autre décision" }, seen.ConcurrencyToken, "user-3"));
        Assert.Equal([ReviewService.ConflictMessage], stale.Errors);

        var details = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.NotNull(details);
        Assert.Equal("Salle Voltaire", details.Place);
        Assert.Equal(["Une seule décision"], details.Decisions);
        Assert.Equal([new MeetingParticipantView(null, "Camille Durand", "usager")], details.Participants);
        Assert.Equal(1, await WithServiceAsync(database, (_, db) => db.MeetingDecisions.CountAsync()));
    }

    [Fact]
    public async Task The_kind_of_a_meeting_holding_a_review_step_cannot_change_but_its_other_fields_can()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SaveAsync(database, Valid());
        await AddValidationAsync(database, id, year: 2026);
        var seen = await WithServiceAsync(database, (s, _) => s.GetForEditAsync(id));
        Assert.NotNull(seen);

        var refused = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            id, seen.Input with { Kind = MeetingKind.Clac, Place = "Salle Voltaire" }, seen.ConcurrencyToken, "user-2"));

        Assert.Equal([MeetingService.KindLockedByReviewsMessage], refused.Errors);
        Assert.Equal(nameof(MeetingInput.Kind), MeetingService.FieldOf(MeetingService.KindLockedByReviewsMessage));
        var unchanged = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.Equal((MeetingKind.Copil, "Salle Marianne"), (unchanged!.Kind, unchanged.Place));

        // The same edit keeping the kind is saved.
        var saved = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            id, seen.Input with { Place = "Salle Voltaire", Decisions = "Décision ajoutée" }, seen.ConcurrencyToken, "user-2"));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var edited = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.Equal((MeetingKind.Copil, "Salle Voltaire"), (edited!.Kind, edited.Place));
        Assert.Equal(["Décision ajoutée"], edited.Decisions);
    }

    [Fact]
    public async Task The_kind_of_a_meeting_cited_by_an_action_cannot_change_while_a_free_meeting_s_can()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cited = await SaveAsync(database, Valid(kind: MeetingKind.Clac));
        var free = await SaveAsync(database, Valid(kind: MeetingKind.Clac));
        await WithServiceAsync(database, async (_, db) =>
        {
            var plan = new ActionPlan { StructureId = database.PrefectureId, Year = 2026, State = ReviewState.Draft, CreatedAtUtc = DateTime.UtcNow };
            plan.Actions.Add(new ImprovementAction
            {
                Title = "Horaires élargis le jeudi", Origin = ActionOrigin.ClacSuggestion, SourceMeetingId = cited, OriginDetail = "Suggestion du CLAC",
            });
            db.ActionPlans.Add(plan);
            return await db.SaveChangesAsync();
        });

        var citedSeen = (await WithServiceAsync(database, (s, _) => s.GetForEditAsync(cited)))!;
        var freeSeen = (await WithServiceAsync(database, (s, _) => s.GetForEditAsync(free)))!;
        var refused = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            cited, citedSeen.Input with { Kind = MeetingKind.Copil }, citedSeen.ConcurrencyToken, "user-2"));
        var changed = await WithServiceAsync(database, (s, _) => s.SaveAsync(
            free, freeSeen.Input with { Kind = MeetingKind.Copil }, freeSeen.ConcurrencyToken, "user-2"));

        Assert.Equal([MeetingService.KindLockedByActionsMessage], refused.Errors);
        Assert.True(changed.Succeeded, string.Join(" ", changed.Errors));
        var kinds = await WithServiceAsync(database, (_, db) => db.Meetings.OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([MeetingKind.Clac, MeetingKind.Copil], kinds);
    }

    [Fact]
    public async Task Delete_is_refused_while_a_validation_or_an_action_refers_to_the_meeting()
    {
        await using var database = await TestDatabase.CreateAsync();
        var withValidation = await SaveAsync(database, Valid());
        var free = await SaveAsync(database, Valid(kind: MeetingKind.Clac));
        await AddValidationAsync(database, withValidation, year: 2026);

        var refused = await WithServiceAsync(database, (s, _) => s.DeleteAsync(withValidation));
        var deleted = await WithServiceAsync(database, (s, _) => s.DeleteAsync(free));

        Assert.Equal([MeetingService.DeleteValidationsMessage], refused.Errors);
        Assert.True(deleted.Succeeded);
        var remaining = await WithServiceAsync(database, (_, db) => db.Meetings.Select(m => m.Id).ToListAsync());
        Assert.Equal([withValidation], remaining);
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.MeetingDecisions.CountAsync(d => d.MeetingId == free)));
    }

    [Fact]
    public async Task The_details_show_the_validations_recorded_in_the_meeting_with_year_structure_and_link()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SaveAsync(database, Valid());
        var planId = await AddValidationAsync(database, id, year: 2025);

        var details = await WithServiceAsync(database, (s, _) => s.GetAsync(id));

        Assert.NotNull(details);
        var validation = Assert.Single(details.Validations);
        Assert.Equal(ReviewDocumentKind.ActionPlan, validation.DocumentKind);
        Assert.Equal("Plan d'action", validation.DocumentLabel);
        Assert.Equal(2025, validation.Year);
        Assert.Equal("Préfecture de l'Aube", validation.StructureName);
        Assert.Equal(ReviewAction.Validate, validation.Action);
        Assert.Equal($"/ActionPlans/Plans/Details/{planId}", validation.Path);
    }

    [Fact]
    public async Task The_decisions_of_a_year_group_each_meeting_in_date_order_with_its_decisions_and_validations()
    {
        await using var database = await TestDatabase.CreateAsync();
        var june = await SaveAsync(database, Valid(date: new DateOnly(2026, 6, 20), decisions: "Décision de juin"));
        var january = await SaveAsync(database, Valid(kind: MeetingKind.Clac, date: new DateOnly(2026, 1, 15), decisions: "Première\nSeconde"));
        var lastYear = await SaveAsync(database, Valid(date: new DateOnly(2025, 12, 31), decisions: "Décision de 2025"));
        await AddValidationAsync(database, june, year: 2026);

        var all = await WithServiceAsync(database, (s, _) => s.DecisionsOfYearAsync(AllKinds, 2026));
        var clacOnly = await WithServiceAsync(database, (s, _) => s.DecisionsOfYearAsync([MeetingKind.Clac], 2026));

        Assert.Equal([january, june], all.Select(m => m.Id));
        Assert.Equal(["Première", "Seconde"], all[0].Decisions);
        Assert.Empty(all[0].Validations);
        Assert.Equal(["Décision de juin"], all[1].Decisions);
        Assert.Single(all[1].Validations);
        Assert.Equal([january], clacOnly.Select(m => m.Id));
        Assert.DoesNotContain(all, m => m.Id == lastYear);
    }

    [Fact]
    public async Task The_list_filters_by_readable_kind_and_year_newest_first_with_counts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var older = await SaveAsync(database, Valid(date: new DateOnly(2026, 1, 10), others: "A\nB\nC"));
        var newer = await SaveAsync(database, Valid(date: new DateOnly(2026, 2, 10), decisions: "Une"));
        var clac = await SaveAsync(database, Valid(kind: MeetingKind.Clac, date: new DateOnly(2025, 5, 5)));

        var all = await WithServiceAsync(database, (s, _) => s.ListAsync(AllKinds, null, null, 1));
        var clacReader = await WithServiceAsync(database, (s, _) => s.ListAsync([MeetingKind.Clac], MeetingKind.Copil, null, 1));
        var year2026 = await WithServiceAsync(database, (s, _) => s.ListAsync(AllKinds, null, 2026, 1));
        var years = await WithServiceAsync(database, (s, _) => s.YearsAsync([MeetingKind.Clac]));

        Assert.Equal([newer, older, clac], all.Items.Select(r => r.Id));
        Assert.Equal((3, 2), (all.Items[1].ParticipantCount, all.Items[1].DecisionCount));
        Assert.Equal((0, 1), (all.Items[0].ParticipantCount, all.Items[0].DecisionCount));
        Assert.Empty(clacReader.Items);
        Assert.Equal([newer, older], year2026.Items.Select(r => r.Id));
        Assert.Equal([2026, 2025], years);
    }

    /// <summary>An action plan of the préfecture validated in the meeting: the plan and its validation step. Returns the plan's id.</summary>
    private static Task<int> AddValidationAsync(TestDatabase database, int meetingId, int year) => WithServiceAsync(database, async (_, db) =>
    {
        var plan = new ActionPlan { StructureId = database.PrefectureId, Year = year, State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow };
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        db.ReviewEvents.Add(new ReviewEvent
        {
            DocumentKind = ReviewDocumentKind.ActionPlan,
            DocumentId = plan.Id,
            StructureId = database.PrefectureId,
            Action = ReviewAction.Validate,
            FromState = ReviewState.Approved,
            ToState = ReviewState.Validated,
            ActorUserId = "copil-1",
            ActorName = "Claire Martin",
            AtUtc = DateTime.UtcNow,
            MeetingId = meetingId,
        });
        await db.SaveChangesAsync();
        return plan.Id;
    });
}
