using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;

namespace SpPlus.Core.Tests.Identity;

public sealed class AccountAdministrationServiceTests : IAsyncLifetime
{
    private const string Password = "Une phrase de passe bien à moi";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AccountInput Correspondent(string email = "camille.martin@aube.gouv.fr", params int[] structureIds) =>
        new("Camille Martin", email, [RoleNames.Correspondent], structureIds.Length > 0 ? structureIds : [_database.PrefectureId]);

    private Task<AccountResult> CreateAsync(AccountInput input, string password = Password) =>
        _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().CreateAsync(input, password));

    private Task<AccountResult> UpdateAsync(string userId, AccountInput input, string? newPassword = null, string? actingUserId = "another-admin") =>
        _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().UpdateAsync(userId, input, newPassword, actingUserId));

    private Task<T> ReadAsync<T>(Func<SpPlusDbContext, Task<T>> query) =>
        _database.RunAsync(sp => query(sp.GetRequiredService<SpPlusDbContext>()));

    private async Task<string> CreatedIdAsync(AccountInput input)
    {
        var result = await CreateAsync(input);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.UserId!;
    }

    [Fact]
    public async Task Create_saves_the_account_with_its_roles_structures_and_a_password_that_signs_in()
    {
        _database.Time.Advance(TimeSpan.FromHours(3));

        var result = await CreateAsync(Correspondent("  camille.martin@aube.gouv.fr ", _database.PrefectureId, _database.SubPrefectureId));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await _database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("camille.martin@aube.gouv.fr");
            Assert.NotNull(user);
            Assert.Equal(result.UserId, user.Id);
            Assert.Equal("camille.martin@aube.gouv.fr", user.UserName);
            Assert.Equal("Camille Martin", user.DisplayName);
            Assert.False(user.IsDisabled);
            Assert.True(user.LockoutEnabled);
            Assert.Equal(TestDatabase.Start.UtcDateTime.AddHours(3), user.CreatedAtUtc);
            Assert.True(await users.CheckPasswordAsync(user, Password));
            Assert.Equal([RoleNames.Correspondent], await users.GetRolesAsync(user));
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structures = await db.UserStructures.Where(us => us.UserId == user.Id).Select(us => us.StructureId).OrderBy(id => id).ToListAsync();
            Assert.Equal(new[] { _database.PrefectureId, _database.SubPrefectureId }.Order(), structures);
        });
    }

    [Fact]
    public async Task A_correspondent_needs_at_least_one_structure()
    {
        var result = await CreateAsync(new AccountInput("Camille Martin", "camille.martin@aube.gouv.fr", [RoleNames.Correspondent], []));

        Assert.False(result.Succeeded);
        Assert.Equal([new FieldError("StructureIds", "Un correspondant doit être rattaché à au moins une structure.")], result.FieldErrors);
        Assert.Equal(0, await ReadAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public void Other_roles_need_no_structure_but_every_account_needs_a_known_role()
    {
        Assert.Empty(AccountAdministrationService.CheckAssignments([RoleNames.Referent], []));
        Assert.Empty(AccountAdministrationService.CheckAssignments([RoleNames.CopilMember, RoleNames.ClacReader], []));
        Assert.Equal(
            [new FieldError("Roles", "Choisissez au moins un rôle.")],
            AccountAdministrationService.CheckAssignments([], []));
        Assert.Equal(
            [new FieldError("Roles", "Le rôle « Superviseur » n'existe pas.")],
            AccountAdministrationService.CheckAssignments(["Superviseur"], []));
    }

    [Fact]
    public async Task All_errors_are_reported_at_once_each_on_its_field()
    {
        var result = await CreateAsync(new AccountInput("  ", "", [], []), password: "azertyuiop");

        Assert.False(result.Succeeded);
        Assert.Contains(new FieldError("DisplayName", "Indiquez le prénom et le nom."), result.FieldErrors);
        Assert.Contains(new FieldError("Email", "Indiquez l'adresse électronique."), result.FieldErrors);
        Assert.Contains(new FieldError("Roles", "Choisissez au moins un rôle."), result.FieldErrors);
        Assert.Contains(new FieldError("Password", "Le mot de passe doit contenir au moins 12 caractères."), result.FieldErrors);
        Assert.Equal(4, result.FieldErrors.Count);
    }

    [Fact]
    public async Task A_common_password_is_refused_on_the_password_field()
    {
        var result = await CreateAsync(Correspondent(), password: "motdepasse123");

        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("Password", error.Field);
        Assert.StartsWith("Ce mot de passe est trop courant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_already_used_is_refused_once_on_the_email_field_whatever_its_case()
    {
        await CreatedIdAsync(Correspondent("camille.martin@aube.gouv.fr"));

        var result = await CreateAsync(Correspondent("Camille.Martin@aube.gouv.fr"));

        Assert.Equal([new FieldError("Email", "Un compte existe déjà avec l'adresse « Camille.Martin@aube.gouv.fr ».")], result.FieldErrors);
    }

    [Fact]
    public async Task An_email_with_accents_is_refused_in_plain_words()
    {
        var result = await CreateAsync(Correspondent("hélène.durand@aube.gouv.fr"));

        Assert.Equal([new FieldError("Email", AccountAdministrationService.UserNameCharactersMessage)], result.FieldErrors);
    }

    [Fact]
    public async Task An_unknown_structure_is_refused()
    {
        var result = await CreateAsync(Correspondent(structureIds: 999));

        Assert.Equal([new FieldError("StructureIds", "Une des structures choisies n'existe pas.")], result.FieldErrors);
    }

    [Fact]
    public async Task Update_changes_name_email_roles_and_structures_and_keeps_the_password()
    {
        var id = await CreatedIdAsync(Correspondent("camille.martin@aube.gouv.fr", _database.PrefectureId));

        var result = await UpdateAsync(id, new AccountInput(
            "Camille Martin-Roux", "camille.martin-roux@aube.gouv.fr", [RoleNames.Correspondent, RoleNames.CopilMember], [_database.SubPrefectureId]));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await _database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("camille.martin-roux@aube.gouv.fr");
            Assert.NotNull(user);
            Assert.Equal(id, user.Id);
            Assert.Equal("Camille Martin-Roux", user.DisplayName);
            Assert.Equal("camille.martin-roux@aube.gouv.fr", user.UserName);
            Assert.Null(await users.FindByEmailAsync("camille.martin@aube.gouv.fr"));
            Assert.True(await users.CheckPasswordAsync(user, Password));
            Assert.Equal(new[] { RoleNames.Correspondent, RoleNames.CopilMember }.Order(), (await users.GetRolesAsync(user)).Order());
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal([_database.SubPrefectureId], await db.UserStructures.Where(us => us.UserId == id).Select(us => us.StructureId).ToListAsync());
        });
    }

    [Fact]
    public async Task Update_is_written_to_the_audit_log_with_old_and_new_values()
    {
        var id = await CreatedIdAsync(Correspondent());

        await UpdateAsync(id, Correspondent() with { DisplayName = "Camille Martin-Roux" });

        var changes = await ReadAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(AppUser) && a.EntityId == id && a.Action == AuditAction.Modified)
            .Select(a => a.Changes).ToListAsync());
        var displayName = changes.Select(c => JsonDocument.Parse(c).RootElement)
            .Where(c => c.TryGetProperty("DisplayName", out _)).Select(c => c.GetProperty("DisplayName")).Single();
        Assert.Equal("Camille Martin", displayName.GetProperty("old").GetString());
        Assert.Equal("Camille Martin-Roux", displayName.GetProperty("new").GetString());
    }

    [Fact]
    public async Task Update_with_a_new_password_replaces_it_clears_the_lockout_and_renews_the_security_stamp()
    {
        var id = await CreatedIdAsync(Correspondent());
        var stampBefore = await _database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.SetLockoutEndDateAsync(user, TestDatabase.Start.AddMinutes(15));
            return user.SecurityStamp;
        });

        var result = await UpdateAsync(id, Correspondent(), newPassword: "Une toute nouvelle phrase");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await _database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            Assert.True(await users.CheckPasswordAsync(user, "Une toute nouvelle phrase"));
            Assert.False(await users.CheckPasswordAsync(user, Password));
            Assert.Null(user.LockoutEnd);
            Assert.NotEqual(stampBefore, user.SecurityStamp);
        });
    }

    [Fact]
    public async Task A_refused_update_changes_nothing()
    {
        var id = await CreatedIdAsync(Correspondent());

        var result = await UpdateAsync(id, new AccountInput("Autre nom", "autre@aube.gouv.fr", [RoleNames.Correspondent], []), newPassword: "trop court");

        Assert.Contains(new FieldError("StructureIds", AccountAdministrationService.CorrespondentNeedsStructureMessage), result.FieldErrors);
        Assert.Contains(new FieldError("Password", "Le mot de passe doit contenir au moins 12 caractères."), result.FieldErrors);
        var saved = await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal("Camille Martin", saved.DisplayName);
        Assert.Equal("camille.martin@aube.gouv.fr", saved.Email);
        Assert.Equal(1, await ReadAsync(db => db.UserStructures.CountAsync(us => us.UserId == id)));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_but_can_remove_another_ones()
    {
        var adminId = await CreatedIdAsync(new AccountInput("Alice Admin", "alice@aube.gouv.fr", [RoleNames.Administrator], []));
        var otherId = await CreatedIdAsync(new AccountInput("Bruno Admin", "bruno@aube.gouv.fr", [RoleNames.Administrator], []));

        var own = await UpdateAsync(adminId, new AccountInput("Alice Admin", "alice@aube.gouv.fr", [RoleNames.Referent], []), actingUserId: adminId);
        var other = await UpdateAsync(otherId, new AccountInput("Bruno Admin", "bruno@aube.gouv.fr", [RoleNames.Referent], []), actingUserId: adminId);

        Assert.Equal([new FieldError("Roles", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.")], own.FieldErrors);
        Assert.True(other.Succeeded, string.Join(" ", other.Errors));
        await _database.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal([RoleNames.Administrator], await users.GetRolesAsync((await users.FindByIdAsync(adminId))!));
            Assert.Equal([RoleNames.Referent], await users.GetRolesAsync((await users.FindByIdAsync(otherId))!));
        });
    }

    [Fact]
    public async Task Disable_marks_the_account_and_renews_its_security_stamp_and_enable_lets_it_back()
    {
        var id = await CreatedIdAsync(Correspondent());
        var stampBefore = await ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var disabled = await _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().DisableAsync(id, "another-admin"));

        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        var afterDisable = await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(afterDisable.IsDisabled);
        Assert.NotEqual(stampBefore, afterDisable.SecurityStamp);

        var enabled = await _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().EnableAsync(id));

        Assert.True(enabled.Succeeded, string.Join(" ", enabled.Errors));
        Assert.False(await ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Equal(1, await ReadAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var id = await CreatedIdAsync(new AccountInput("Alice Admin", "alice@aube.gouv.fr", [RoleNames.Administrator], []));

        var result = await _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().DisableAsync(id, id));

        Assert.Equal(["Vous ne pouvez pas désactiver votre propre compte."], result.Errors);
        Assert.False(await ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task Unknown_accounts_are_reported()
    {
        var update = await UpdateAsync("no-such-id", Correspondent());
        var disable = await _database.RunAsync(sp => sp.GetRequiredService<AccountAdministrationService>().DisableAsync("no-such-id", "admin"));

        Assert.Equal([AccountAdministrationService.AccountNotFoundMessage], update.Errors);
        Assert.Equal([AccountAdministrationService.AccountNotFoundMessage], disable.Errors);
    }
}
