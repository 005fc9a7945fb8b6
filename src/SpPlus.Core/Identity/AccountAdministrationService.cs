using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Identity;

/// <summary>What an administrator enters for an account. The e-mail is also the user name.</summary>
public sealed record AccountInput(
    string DisplayName,
    string Email,
    IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<int> StructureIds);

/// <summary>A refusal tied to a field of the form (<see cref="Field"/> is an <see cref="AccountInput"/> property name, or null for the whole form).</summary>
public sealed record FieldError(string? Field, string Message);

/// <summary>The outcome of creating or updating an account: the refusals carry the field they concern.</summary>
public sealed class AccountResult : OperationResult
{
    private AccountResult(string? userId, IReadOnlyList<FieldError> fieldErrors)
        : base([.. fieldErrors.Select(e => e.Message)])
    {
        UserId = userId;
        FieldErrors = fieldErrors;
    }

    /// <summary>The account's id on success.</summary>
    public string? UserId { get; }

    public IReadOnlyList<FieldError> FieldErrors { get; }

    public static AccountResult Saved(string userId) => new(userId, []);

    public static AccountResult Refused(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A refusal needs at least one message.", nameof(errors));
        }

        return new AccountResult(null, list);
    }
}

/// <summary>
/// Creates, edits, disables and re-enables accounts. Accounts are never deleted: a disabled account cannot sign in,
/// and its open sessions end at the next security stamp check. Who may call it (administrators) is decided by the
/// web layer; this service enforces the rules: a name, a valid and unique e-mail, a password accepted by Identity's
/// validators, at least one known role, a structure for every correspondent, and an administrator never disables
/// their own account nor removes their own administrator role.
/// </summary>
public sealed class AccountAdministrationService(SpPlusDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public const int DisplayNameMaxLength = 150;
    public const int EmailMaxLength = 256;

    /// <summary>The field name of the password in <see cref="FieldError.Field"/> (the initial or the new one).</summary>
    public const string PasswordField = "Password";

    public const string DisplayNameRequiredMessage = "Indiquez le prénom et le nom.";
    public const string EmailRequiredMessage = "Indiquez l'adresse électronique.";
    public const string PasswordRequiredMessage = "Indiquez un mot de passe initial.";
    public const string RoleRequiredMessage = "Choisissez au moins un rôle.";
    public const string CorrespondentNeedsStructureMessage = "Un correspondant doit être rattaché à au moins une structure.";
    public const string UnknownStructureMessage = "Une des structures choisies n'existe pas.";
    public const string UserNameCharactersMessage =
        "L'adresse électronique ne peut contenir que des lettres sans accent, des chiffres et les caractères - . _ @ +.";
    public const string AccountNotFoundMessage = "Ce compte n'existe pas.";
    public const string CannotDisableSelfMessage = "Vous ne pouvez pas désactiver votre propre compte.";
    public const string CannotRemoveOwnAdministratorRoleMessage = "Vous ne pouvez pas retirer votre propre rôle d'administrateur.";

    public static string UnknownRoleMessage(string role) => $"Le rôle « {role} » n'existe pas.";

    /// <summary>The rules on roles and structures that need no database: at least one known role, a structure for a correspondent.</summary>
    public static IReadOnlyList<FieldError> CheckAssignments(IReadOnlyCollection<string> roles, IReadOnlyCollection<int> structureIds)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(structureIds);
        var errors = new List<FieldError>();
        if (roles.Count == 0)
        {
            errors.Add(new(nameof(AccountInput.Roles), RoleRequiredMessage));
        }

        foreach (var unknown in roles.Where(r => !RoleNames.All.Contains(r)).Distinct())
        {
            errors.Add(new(nameof(AccountInput.Roles), UnknownRoleMessage(unknown)));
        }

        if (roles.Contains(RoleNames.Correspondent) && structureIds.Count == 0)
        {
            errors.Add(new(nameof(AccountInput.StructureIds), CorrespondentNeedsStructureMessage));
        }

        return errors;
    }

    /// <summary>The messages of Identity's password validators (length, common passwords...) for this password; empty when accepted.</summary>
    public static async Task<IReadOnlyList<string>> CheckPasswordAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }

        return messages;
    }

    public async Task<AccountResult> CreateAsync(AccountInput input, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = (input.Email ?? "").Trim();
        var user = new AppUser
        {
            DisplayName = (input.DisplayName ?? "").Trim(),
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };

        var errors = await CheckInputAsync(input, cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new(PasswordField, PasswordRequiredMessage));
        }
        else
        {
            errors.AddRange((await CheckPasswordAsync(users, user, password)).Select(m => new FieldError(PasswordField, m)));
        }

        if (email.Length > 0)
        {
            errors.AddRange(await CheckUserAsync(user));
        }

        if (errors.Count > 0)
        {
            return AccountResult.Refused(errors);
        }

        foreach (var structureId in input.StructureIds.Distinct())
        {
            user.Structures.Add(new UserStructure { StructureId = structureId });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        var added = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!added.Succeeded)
        {
            return Refused(added);
        }

        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Saved(user.Id);
    }

    /// <summary>
    /// Updates the name, e-mail, roles and structures of an account; with a <paramref name="newPassword"/>, also
    /// replaces its password, clears any lockout and ends its sessions.
    /// </summary>
    public async Task<AccountResult> UpdateAsync(
        string userId, AccountInput input, string? newPassword, string? actingUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AccountResult.Refused([new FieldError(null, AccountNotFoundMessage)]);
        }

        var currentRoles = await users.GetRolesAsync(user);
        var errors = await CheckInputAsync(input, cancellationToken);
        if (userId == actingUserId && currentRoles.Contains(RoleNames.Administrator) && !input.Roles.Contains(RoleNames.Administrator))
        {
            errors.Add(new(nameof(AccountInput.Roles), CannotRemoveOwnAdministratorRoleMessage));
        }

        var email = (input.Email ?? "").Trim();
        var emailChanged = !string.Equals(user.Email, email, StringComparison.Ordinal);
        user.DisplayName = (input.DisplayName ?? "").Trim();
        user.Email = email;
        user.UserName = email;
        if (email.Length > 0)
        {
            errors.AddRange(await CheckUserAsync(user));
        }

        var resetPassword = !string.IsNullOrEmpty(newPassword);
        if (resetPassword)
        {
            errors.AddRange((await CheckPasswordAsync(users, user, newPassword!)).Select(m => new FieldError(PasswordField, m)));
        }

        if (errors.Count > 0)
        {
            // Nothing of the refused input may be saved by a later save of this context.
            db.ChangeTracker.Clear();
            return AccountResult.Refused(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (resetPassword)
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword!);
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
        }

        // A new password or a new user name ends the account's open sessions; otherwise a plain update.
        var saved = resetPassword || emailChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            return Refused(saved);
        }

        var wanted = input.Roles.Distinct().ToList();
        var toRemove = currentRoles.Except(wanted).ToList();
        if (toRemove.Count > 0 && await users.RemoveFromRolesAsync(user, toRemove) is { Succeeded: false } removed)
        {
            return Refused(removed);
        }

        var toAdd = wanted.Except(currentRoles).ToList();
        if (toAdd.Count > 0 && await users.AddToRolesAsync(user, toAdd) is { Succeeded: false } added)
        {
            return Refused(added);
        }

        // Structures last: no user manager call follows that would touch the user's graph again.
        var wantedStructures = input.StructureIds.ToHashSet();
        var assignments = await db.UserStructures.Where(us => us.UserId == userId).ToListAsync(cancellationToken);
        db.UserStructures.RemoveRange(assignments.Where(us => !wantedStructures.Contains(us.StructureId)));
        db.UserStructures.AddRange(wantedStructures.Except(assignments.Select(us => us.StructureId))
            .Select(id => new UserStructure { UserId = userId, StructureId = id }));
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Saved(user.Id);
    }

    /// <summary>Disables an account (never one's own) and renews its security stamp, so that its sessions end at the next check.</summary>
    public async Task<OperationResult> DisableAsync(string userId, string? actingUserId, CancellationToken cancellationToken = default)
    {
        if (userId == actingUserId)
        {
            return OperationResult.Failure(CannotDisableSelfMessage);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return OperationResult.Failure(AccountNotFoundMessage);
        }

        if (user.IsDisabled)
        {
            return OperationResult.Success;
        }

        user.IsDisabled = true;
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? OperationResult.Success : OperationResult.Failure(result.Errors.Select(e => e.Description));
    }

    /// <summary>Lets a disabled account sign in again (with its current password).</summary>
    public async Task<OperationResult> EnableAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return OperationResult.Failure(AccountNotFoundMessage);
        }

        if (!user.IsDisabled)
        {
            return OperationResult.Success;
        }

        user.IsDisabled = false;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? OperationResult.Success : OperationResult.Failure(result.Errors.Select(e => e.Description));
    }

    private async Task<List<FieldError>> CheckInputAsync(AccountInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var displayName = (input.DisplayName ?? "").Trim();
        if (displayName.Length == 0)
        {
            errors.Add(new(nameof(AccountInput.DisplayName), DisplayNameRequiredMessage));
        }
        else if (displayName.Length > DisplayNameMaxLength)
        {
            errors.Add(new(nameof(AccountInput.DisplayName), $"Le prénom et le nom doivent contenir au plus {DisplayNameMaxLength} caractères."));
        }

        var email = (input.Email ?? "").Trim();
        if (email.Length == 0)
        {
            errors.Add(new(nameof(AccountInput.Email), EmailRequiredMessage));
        }
        else if (email.Length > EmailMaxLength)
        {
            errors.Add(new(nameof(AccountInput.Email), $"L'adresse électronique doit contenir au plus {EmailMaxLength} caractères."));
        }

        errors.AddRange(CheckAssignments(input.Roles, input.StructureIds));

        var structureIds = input.StructureIds.Distinct().ToList();
        if (structureIds.Count > 0
            && await db.Structures.CountAsync(s => structureIds.Contains(s.Id), cancellationToken) != structureIds.Count)
        {
            errors.Add(new(nameof(AccountInput.StructureIds), UnknownStructureMessage));
        }

        return errors;
    }

    /// <summary>Identity's user validators (e-mail format and uniqueness, user name characters), mapped to the e-mail field.</summary>
    private async Task<List<FieldError>> CheckUserAsync(AppUser user)
    {
        var identityErrors = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
        {
            identityErrors.AddRange((await validator.ValidateAsync(users, user)).Errors);
        }

        return ToFieldErrors(identityErrors);
    }

    private static AccountResult Refused(IdentityResult result) => AccountResult.Refused(ToFieldErrors(result.Errors));

    private static List<FieldError> ToFieldErrors(IEnumerable<IdentityError> identityErrors)
    {
        var list = identityErrors.ToList();
        var errors = new List<FieldError>();
        var emailReported = list.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.DuplicateEmail));
        foreach (var error in list)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.DuplicateEmail):
                    errors.Add(new(nameof(AccountInput.Email), error.Description));
                    break;
                // The user name is the e-mail: say it once, in terms of the e-mail.
                case nameof(IdentityErrorDescriber.DuplicateUserName) when !emailReported:
                    errors.Add(new(nameof(AccountInput.Email), error.Description));
                    break;
                case nameof(IdentityErrorDescriber.InvalidUserName) when !emailReported:
                    errors.Add(new(nameof(AccountInput.Email), UserNameCharactersMessage));
                    break;
                case nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName):
                    break;
                case var code when code.StartsWith("Password", StringComparison.Ordinal) || code == CommonPasswordValidator<AppUser>.ErrorCode:
                    errors.Add(new(PasswordField, error.Description));
                    break;
                default:
                    errors.Add(new(null, error.Description));
                    break;
            }
        }

        return errors;
    }
}
