using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Tests.Engagements;

public sealed class LocalCommitmentServiceTests : IAsyncLifetime
{
    private EngagementTestDatabase _database = null!;
    private int _activeEngagementId;
    private int _draftEngagementId;

    public async Task InitializeAsync()
    {
        _database = await EngagementTestDatabase.CreateAsync();
        await using var db = _database.NewContext();
        _activeEngagementId = await db.Engagements.Where(e => e.FrameworkId == _database.Framework2021Id && e.Number == 5).Select(e => e.Id).SingleAsync();
        _draftEngagementId = await db.Engagements.Where(e => e.FrameworkId == _database.Framework2023Id && e.Number == 4).Select(e => e.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private LocalCommitmentInput Delay(int? days, int? structureId = null, int? engagementId = null) =>
        new(structureId ?? _database.PrefectureId, engagementId ?? _activeEngagementId, LocalCommitmentKind.AnnouncedDelay,
            "Réponse aux courriels", days, "95 % des réponses dans le délai");

    [Fact]
    public async Task Create_saves_the_commitment_with_the_current_time_and_trimmed_text()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);
        _database.Time.Advance(TimeSpan.FromMinutes(90));

        var result = await service.CreateAsync(Delay(10) with { Text = "  Réponse aux courriels  ", Target = "   " });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var check = _database.NewContext();
        var saved = await check.LocalCommitments.SingleAsync(c => c.Id == result.Value);
        Assert.Equal("Réponse aux courriels", saved.Text);
        Assert.Equal(10, saved.AnnouncedDelayDays);
        Assert.Null(saved.Target);
        Assert.Equal(_database.PrefectureId, saved.StructureId);
        Assert.Equal(EngagementTestDatabase.Start.UtcDateTime.AddMinutes(90), saved.UpdatedAtUtc);
    }

    [Fact]
    public async Task An_announced_delay_is_required_and_between_1_and_365_days()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);

        var missing = await service.CreateAsync(Delay(null));
        var zero = await service.CreateAsync(Delay(0));
        var tooLong = await service.CreateAsync(Delay(366));

        Assert.Equal(["Indiquez le délai annoncé, en jours."], missing.Errors);
        Assert.Equal(["Le délai annoncé doit être compris entre 1 et 365 jours."], zero.Errors);
        Assert.Equal(["Le délai annoncé doit être compris entre 1 et 365 jours."], tooLong.Errors);
        await using var check = _database.NewContext();
        Assert.Equal(0, await check.LocalCommitments.CountAsync());
    }

    [Fact]
    public async Task A_delay_is_not_kept_for_other_kinds_of_commitment()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);

        var result = await service.CreateAsync(Delay(10) with { Kind = LocalCommitmentKind.OpeningHours, Text = "Du lundi au vendredi, 8 h 30 – 16 h" });

        Assert.True(result.Succeeded);
        await using var check = _database.NewContext();
        Assert.Null((await check.LocalCommitments.SingleAsync(c => c.Id == result.Value)).AnnouncedDelayDays);
    }

    [Fact]
    public async Task Text_is_required_and_text_and_target_are_bounded()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);

        var blank = await service.CreateAsync(Delay(10) with { Text = "  " });
        var tooLong = await service.CreateAsync(Delay(10) with { Text = new string('a', 1001), Target = new string('b', 201) });

        Assert.Equal(["Indiquez le texte de l'engagement local."], blank.Errors);
        Assert.Equal(
            ["Le texte de l'engagement local doit contenir au plus 1000 caractères.", "L'objectif doit contenir au plus 200 caractères."],
            tooLong.Errors);
    }

    [Fact]
    public async Task The_engagement_must_belong_to_the_active_framework_and_the_structure_must_exist()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);

        var draft = await service.CreateAsync(Delay(10, engagementId: _draftEngagementId));
        var noStructure = await service.CreateAsync(Delay(10, structureId: 9999));

        Assert.Equal(["Choisissez un engagement du référentiel actif."], draft.Errors);
        Assert.Equal(["La structure choisie n'existe pas."], noStructure.Errors);
    }

    [Fact]
    public async Task Update_changes_content_structure_and_time_and_Delete_removes()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);
        var created = await service.CreateAsync(Delay(10));
        _database.Time.Advance(TimeSpan.FromDays(2));

        var updated = await service.UpdateAsync(created.Value, Delay(15, structureId: _database.SubPrefectureId));

        Assert.True(updated.Succeeded, string.Join(" ", updated.Errors));
        await using (var check = _database.NewContext())
        {
            var saved = await check.LocalCommitments.SingleAsync(c => c.Id == created.Value);
            Assert.Equal(15, saved.AnnouncedDelayDays);
            Assert.Equal(_database.SubPrefectureId, saved.StructureId);
            Assert.Equal(EngagementTestDatabase.Start.UtcDateTime.AddDays(2), saved.UpdatedAtUtc);
        }

        Assert.True((await service.DeleteAsync(created.Value)).Succeeded);
        Assert.Equal(["Cet engagement local n'existe pas."], (await service.DeleteAsync(created.Value)).Errors);
        Assert.Equal(["Cet engagement local n'existe pas."], (await service.UpdateAsync(created.Value, Delay(5))).Errors);
        await using var after = _database.NewContext();
        Assert.Equal(0, await after.LocalCommitments.CountAsync());
    }

    [Fact]
    public async Task A_refused_update_leaves_the_commitment_as_it_was()
    {
        await using var db = _database.NewContext();
        var service = new LocalCommitmentService(db, _database.Time);
        var created = await service.CreateAsync(Delay(10));

        var refused = await service.UpdateAsync(created.Value, Delay(null) with { Text = "Changé" });

        Assert.False(refused.Succeeded);
        await using var check = _database.NewContext();
        var saved = await check.LocalCommitments.SingleAsync(c => c.Id == created.Value);
        Assert.Equal("Réponse aux courriels", saved.Text);
        Assert.Equal(10, saved.AnnouncedDelayDays);
    }
}
