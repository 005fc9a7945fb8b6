using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Tests.Engagements;

public sealed class EngagementFrameworkServiceTests : IAsyncLifetime
{
    private EngagementTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await EngagementTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EngagementFrameworkService NewService(out Data.SpPlusDbContext db)
    {
        db = _database.NewContext();
        return new EngagementFrameworkService(db, _database.Time);
    }

    // ---- Copy

    [Fact]
    public async Task CreateCopy_makes_a_draft_with_every_engagement_and_sub_criterion_of_the_source()
    {
        var service = NewService(out var db);
        _database.Time.Advance(TimeSpan.FromDays(3));

        var result = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "  Référentiel 2025  ");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var check = _database.NewContext();
        var copy = await check.EngagementFrameworks.Include(f => f.Engagements).ThenInclude(e => e.SubCriteria)
            .SingleAsync(f => f.Id == result.Value);
        Assert.Equal(2025, copy.Year);
        Assert.Equal("Référentiel 2025", copy.Name);
        Assert.Equal(FrameworkStatus.Draft, copy.Status);
        Assert.Null(copy.ActivatedAtUtc);
        Assert.Equal(EngagementTestDatabase.Start.UtcDateTime.AddDays(3), copy.CreatedAtUtc);

        var source = await check.Engagements.Include(e => e.SubCriteria).Where(e => e.FrameworkId == _database.Framework2021Id)
            .OrderBy(e => e.Number).ToListAsync();
        var copied = copy.Engagements.OrderBy(e => e.Number).ToList();
        Assert.Equal(9, copied.Count);
        Assert.Equal(source.Select(e => (e.Number, e.Wording, e.Group)), copied.Select(e => (e.Number, e.Wording, e.Group)));
        Assert.Equal(
            source.Select(e => string.Join("|", e.SubCriteria.OrderBy(c => c.Order).Select(c => $"{c.Order}:{c.Wording}"))),
            copied.Select(e => string.Join("|", e.SubCriteria.OrderBy(c => c.Order).Select(c => $"{c.Order}:{c.Wording}"))));
        Assert.Equal(5, copied[0].SubCriteria.Count);

        // New rows, not the source's: the source keeps its own.
        Assert.Empty(copied.Select(e => e.Id).Intersect(source.Select(e => e.Id)));
        Assert.Equal(9, await check.Engagements.CountAsync(e => e.FrameworkId == _database.Framework2021Id));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task CreateCopy_refuses_a_year_that_already_has_a_framework()
    {
        var service = NewService(out var db);

        var result = await service.CreateCopyAsync(_database.Framework2021Id, 2023, "Doublon");

        Assert.False(result.Succeeded);
        Assert.Equal(["Un référentiel existe déjà pour l'année 2023."], result.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(2, await check.EngagementFrameworks.CountAsync());
        await db.DisposeAsync();
    }

    [Fact]
    public async Task CreateCopy_refuses_an_unknown_source_a_blank_name_and_an_implausible_year()
    {
        var service = NewService(out var db);

        var unknown = await service.CreateCopyAsync(9999, 2026, "Référentiel 2026");
        var blank = await service.CreateCopyAsync(_database.Framework2021Id, 2026, "   ");
        var year = await service.CreateCopyAsync(_database.Framework2021Id, 1999, "Référentiel 1999");

        Assert.Equal(["Le référentiel à copier n'existe pas."], unknown.Errors);
        Assert.Equal(["Indiquez le nom du référentiel."], blank.Errors);
        Assert.Equal(["L'année doit être comprise entre 2000 et 2100."], year.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(2, await check.EngagementFrameworks.CountAsync());
        await db.DisposeAsync();
    }

    // ---- Activation

    [Fact]
    public async Task Activate_makes_the_draft_active_and_archives_the_previous_one_in_one_save()
    {
        var service = NewService(out var db);
        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        _database.Time.Advance(TimeSpan.FromHours(5));
        var savesBefore = _database.SaveCount;

        var result = await service.ActivateAsync(copy.Value);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(savesBefore + 1, _database.SaveCount);
        await using var check = _database.NewContext();
        var frameworks = await check.EngagementFrameworks.AsNoTracking().ToDictionaryAsync(f => f.Year);
        Assert.Equal(FrameworkStatus.Active, frameworks[2025].Status);
        Assert.Equal(EngagementTestDatabase.Start.UtcDateTime.AddHours(5), frameworks[2025].ActivatedAtUtc);
        Assert.Equal(FrameworkStatus.Archived, frameworks[2021].Status);
        Assert.Equal(FrameworkStatus.Draft, frameworks[2023].Status);
        Assert.Single(frameworks.Values, f => f.Status == FrameworkStatus.Active);

        await db.DisposeAsync();
    }

    [Fact]
    public async Task Activate_refuses_a_draft_whose_engagement_is_still_the_placeholder_and_changes_nothing()
    {
        var service = NewService(out var db);

        var result = await service.ActivateAsync(_database.Framework2023Id);

        Assert.False(result.Succeeded);
        Assert.Equal(["L'engagement n° 8 n'a pas encore de libellé définitif."], result.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(FrameworkStatus.Active, (await check.EngagementFrameworks.SingleAsync(f => f.Id == _database.Framework2021Id)).Status);
        Assert.Equal(FrameworkStatus.Draft, (await check.EngagementFrameworks.SingleAsync(f => f.Id == _database.Framework2023Id)).Status);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Activate_lists_every_engagement_with_an_empty_or_placeholder_wording()
    {
        await using (var setup = _database.NewContext())
        {
            var second = await setup.Engagements.SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 2);
            second.Wording = "  ";
            await setup.SaveChangesAsync();
        }

        var service = NewService(out var db);
        var check = await service.CheckActivationAsync(_database.Framework2023Id);
        var result = await service.ActivateAsync(_database.Framework2023Id);

        string[] expected =
        [
            "L'engagement n° 2 n'a pas encore de libellé définitif.",
            "L'engagement n° 8 n'a pas encore de libellé définitif.",
        ];
        Assert.Equal(expected, check.Errors);
        Assert.Equal(expected, result.Errors);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Activate_refuses_a_draft_without_any_engagement()
    {
        await using (var setup = _database.NewContext())
        {
            setup.EngagementFrameworks.Add(new EngagementFramework { Year = 2030, Name = "Vide", Status = FrameworkStatus.Draft });
            await setup.SaveChangesAsync();
        }

        var service = NewService(out var db);
        var empty = await db.EngagementFrameworks.SingleAsync(f => f.Year == 2030);

        var result = await service.ActivateAsync(empty.Id);

        Assert.Equal(["Le référentiel 2030 ne contient aucun engagement : ajoutez-en avant de l'activer."], result.Errors);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Activate_refuses_the_active_and_archived_versions()
    {
        var service = NewService(out var db);
        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        Assert.True((await service.ActivateAsync(copy.Value)).Succeeded);

        var again = await service.ActivateAsync(copy.Value);
        var archived = await service.ActivateAsync(_database.Framework2021Id);

        Assert.Equal(["Le référentiel 2025 est déjà actif."], again.Errors);
        Assert.Equal(["Le référentiel 2021 est archivé et ne peut pas être réactivé : créez une nouvelle version à partir de celui-ci."], archived.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(FrameworkStatus.Archived, (await check.EngagementFrameworks.SingleAsync(f => f.Year == 2021)).Status);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Activate_succeeds_once_the_placeholder_is_replaced()
    {
        var service = NewService(out var db);
        var eighth = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 8);

        var update = await service.UpdateEngagementAsync(eighth.Id, "Nous développons nos compétences et nous améliorons en continu", EngagementGroup.Simpler);
        var result = await service.ActivateAsync(_database.Framework2023Id);

        Assert.True(update.Succeeded);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await db.DisposeAsync();
    }

    // ---- Editing an engagement

    [Fact]
    public async Task UpdateEngagement_changes_wording_and_group_of_a_draft()
    {
        var service = NewService(out var db);
        var first = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 1);

        var result = await service.UpdateEngagementAsync(first.Id, "  Vous êtes accueillis avec bienveillance  ", EngagementGroup.Closer);

        Assert.True(result.Succeeded);
        await using var check = _database.NewContext();
        var saved = await check.Engagements.SingleAsync(e => e.Id == first.Id);
        Assert.Equal("Vous êtes accueillis avec bienveillance", saved.Wording);
        Assert.Equal(EngagementGroup.Closer, saved.Group);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task UpdateEngagement_syncs_sub_criteria_keeping_unchanged_ones_adding_and_removing_the_rest()
    {
        var service = NewService(out var db);
        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        var first = await db.Engagements.AsNoTracking().Include(e => e.SubCriteria)
            .SingleAsync(e => e.FrameworkId == copy.Value && e.Number == 1);
        var before = first.SubCriteria.OrderBy(c => c.Order).ToList();

        // Keep the 3rd (now first), reword the 1st, drop the others, add a new one; blank lines are ignored.
        string[] lines = [before[2].Wording, "", "Les agents se présentent", "  Un nouveau critère  "];
        var result = await service.UpdateEngagementAsync(first.Id, first.Wording, first.Group, lines);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var check = _database.NewContext();
        var after = await check.EngagementSubCriteria.AsNoTracking().Where(c => c.EngagementId == first.Id).OrderBy(c => c.Order).ToListAsync();
        Assert.Equal(["Un système de gestion de la file d'attente est en place", "Les agents se présentent", "Un nouveau critère"], after.Select(c => c.Wording));
        Assert.Equal([1, 2, 3], after.Select(c => c.Order));
        Assert.Equal(before[2].Id, after[0].Id);
        Assert.Equal(before[0].Id, after[1].Id);

        // The source framework's sub-criteria are untouched.
        Assert.Equal(5, await check.EngagementSubCriteria.CountAsync(c => c.Engagement!.FrameworkId == _database.Framework2021Id && c.Engagement.Number == 1));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task UpdateEngagement_with_an_empty_list_removes_all_sub_criteria_and_without_a_list_keeps_them()
    {
        var service = NewService(out var db);
        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        var fifth = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == copy.Value && e.Number == 5);
        var sixth = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == copy.Value && e.Number == 6);

        Assert.True((await service.UpdateEngagementAsync(fifth.Id, fifth.Wording, fifth.Group, [])).Succeeded);
        Assert.True((await service.UpdateEngagementAsync(sixth.Id, "Nouveau libellé", sixth.Group)).Succeeded);

        await using var check = _database.NewContext();
        Assert.Equal(0, await check.EngagementSubCriteria.CountAsync(c => c.EngagementId == fifth.Id));
        Assert.Equal(2, await check.EngagementSubCriteria.CountAsync(c => c.EngagementId == sixth.Id));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task UpdateEngagement_refuses_active_and_archived_frameworks_and_saves_nothing()
    {
        var service = NewService(out var db);
        var active = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2021Id && e.Number == 1);

        var onActive = await service.UpdateEngagementAsync(active.Id, "Réécrit", EngagementGroup.Simpler, ["x"]);

        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        Assert.True((await service.ActivateAsync(copy.Value)).Succeeded);
        var onArchived = await service.UpdateEngagementAsync(active.Id, "Réécrit", EngagementGroup.Simpler);

        Assert.Equal(["Un référentiel actif ou archivé ne se modifie pas : créez une nouvelle version."], onActive.Errors);
        Assert.Equal(["Un référentiel actif ou archivé ne se modifie pas : créez une nouvelle version."], onArchived.Errors);
        await using var check = _database.NewContext();
        var saved = await check.Engagements.Include(e => e.SubCriteria).SingleAsync(e => e.Id == active.Id);
        Assert.Equal(active.Wording, saved.Wording);
        Assert.Equal(EngagementGroup.Closer, saved.Group);
        Assert.Equal(5, saved.SubCriteria.Count);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task UpdateEngagement_refuses_a_blank_wording_and_an_unknown_engagement()
    {
        var service = NewService(out var db);
        var first = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 1);

        var blank = await service.UpdateEngagementAsync(first.Id, "   ", null);
        var unknown = await service.UpdateEngagementAsync(9999, "Texte", null);

        Assert.Equal(["Indiquez le libellé de l'engagement."], blank.Errors);
        Assert.Equal(["Cet engagement n'existe pas."], unknown.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(first.Wording, (await check.Engagements.SingleAsync(e => e.Id == first.Id)).Wording);
        await db.DisposeAsync();
    }

    // ---- Adding and removing engagements

    [Fact]
    public async Task AddEngagement_appends_to_a_draft_with_the_next_number()
    {
        var service = NewService(out var db);

        var result = await service.AddEngagementAsync(_database.Framework2023Id, "Un neuvième engagement", EngagementGroup.Simpler, ["Premier", " ", "Second"]);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var check = _database.NewContext();
        var added = await check.Engagements.Include(e => e.SubCriteria).SingleAsync(e => e.Id == result.Value);
        Assert.Equal(9, added.Number);
        Assert.Equal(_database.Framework2023Id, added.FrameworkId);
        Assert.Equal(["Premier", "Second"], added.SubCriteria.OrderBy(c => c.Order).Select(c => c.Wording));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task AddEngagement_numbers_the_first_engagement_of_an_empty_draft_1_and_refuses_an_active_framework()
    {
        await using (var setup = _database.NewContext())
        {
            setup.EngagementFrameworks.Add(new EngagementFramework { Year = 2030, Name = "Vide", Status = FrameworkStatus.Draft });
            await setup.SaveChangesAsync();
        }

        var service = NewService(out var db);
        var empty = await db.EngagementFrameworks.AsNoTracking().SingleAsync(f => f.Year == 2030);

        var first = await service.AddEngagementAsync(empty.Id, "Premier engagement", null);
        var onActive = await service.AddEngagementAsync(_database.Framework2021Id, "Un dixième", null);

        Assert.True(first.Succeeded);
        await using var check = _database.NewContext();
        Assert.Equal(1, (await check.Engagements.SingleAsync(e => e.Id == first.Value)).Number);
        Assert.Equal(["Un référentiel actif ou archivé ne se modifie pas : créez une nouvelle version."], onActive.Errors);
        Assert.Equal(9, await check.Engagements.CountAsync(e => e.FrameworkId == _database.Framework2021Id));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task RemoveEngagement_deletes_it_with_its_sub_criteria_and_renumbers_the_following_ones()
    {
        var service = NewService(out var db);
        var copy = await service.CreateCopyAsync(_database.Framework2021Id, 2025, "Référentiel 2025");
        var first = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == copy.Value && e.Number == 1);
        var wordings = await db.Engagements.AsNoTracking().Where(e => e.FrameworkId == copy.Value)
            .OrderBy(e => e.Number).Select(e => e.Wording).ToListAsync();

        var result = await service.RemoveEngagementAsync(first.Id);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var check = _database.NewContext();
        var remaining = await check.Engagements.AsNoTracking().Where(e => e.FrameworkId == copy.Value).OrderBy(e => e.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8), remaining.Select(e => e.Number));
        Assert.Equal(wordings.Skip(1), remaining.Select(e => e.Wording));
        Assert.Equal(0, await check.EngagementSubCriteria.CountAsync(c => c.EngagementId == first.Id));
        await db.DisposeAsync();
    }

    [Fact]
    public async Task RemoveEngagement_in_the_middle_then_add_keeps_numbers_contiguous()
    {
        var service = NewService(out var db);
        var fourth = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 4);

        Assert.True((await service.RemoveEngagementAsync(fourth.Id)).Succeeded);
        Assert.True((await service.AddEngagementAsync(_database.Framework2023Id, "Ajouté", null)).Succeeded);

        await using var check = _database.NewContext();
        var remaining = await check.Engagements.AsNoTracking().Where(e => e.FrameworkId == _database.Framework2023Id)
            .OrderBy(e => e.Number).Select(e => new { e.Number, e.Wording }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8), remaining.Select(e => e.Number));
        Assert.Equal("Vous disposez d'une information claire, simple et accessible", remaining[3].Wording);
        Assert.Equal("Ajouté", remaining[7].Wording);
        await db.DisposeAsync();
    }

    [Fact]
    public async Task RemoveEngagement_refuses_an_active_framework_and_an_engagement_with_local_commitments()
    {
        var service = NewService(out var db);
        var active = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2021Id && e.Number == 2);
        var draft = await db.Engagements.AsNoTracking().SingleAsync(e => e.FrameworkId == _database.Framework2023Id && e.Number == 2);
        await using (var setup = _database.NewContext())
        {
            setup.LocalCommitments.Add(new LocalCommitment
            {
                StructureId = _database.PrefectureId, EngagementId = draft.Id, Kind = LocalCommitmentKind.OpeningHours, Text = "Du lundi au vendredi",
            });
            await setup.SaveChangesAsync();
        }

        var onActive = await service.RemoveEngagementAsync(active.Id);
        var linked = await service.RemoveEngagementAsync(draft.Id);

        Assert.Equal(["Un référentiel actif ou archivé ne se modifie pas : créez une nouvelle version."], onActive.Errors);
        Assert.Equal(["Un engagement local est rattaché à cet engagement : rattachez-le à un autre engagement avant de supprimer celui-ci."], linked.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(9, await check.Engagements.CountAsync(e => e.FrameworkId == _database.Framework2021Id));
        Assert.Equal(8, await check.Engagements.CountAsync(e => e.FrameworkId == _database.Framework2023Id));
        await db.DisposeAsync();
    }
}
