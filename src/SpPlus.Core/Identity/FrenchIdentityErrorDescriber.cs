using Microsoft.AspNetCore.Identity;

namespace SpPlus.Core.Identity;

/// <summary>Identity's messages, in French.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Describe(nameof(DefaultError), "Une erreur inattendue s'est produite.");
    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps. Rechargez la page et recommencez.");
    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");
    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken), "Le jeton n'est pas valide ou a expiré.");
    public override IdentityError LoginAlreadyAssociated() => Describe(nameof(LoginAlreadyAssociated), "Ce compte externe est déjà associé à un autre compte.");
    public override IdentityError InvalidUserName(string? userName) => Describe(nameof(InvalidUserName), $"L'identifiant « {userName} » n'est pas valide.");
    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), $"L'adresse électronique « {email} » n'est pas valide.");
    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), $"Un compte existe déjà pour « {userName} ».");
    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), $"Un compte existe déjà avec l'adresse « {email} ».");
    public override IdentityError InvalidRoleName(string? role) => Describe(nameof(InvalidRoleName), $"Le rôle « {role} » n'est pas valide.");
    public override IdentityError DuplicateRoleName(string role) => Describe(nameof(DuplicateRoleName), $"Le rôle « {role} » existe déjà.");
    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => Describe(nameof(UserAlreadyInRole), $"Le compte a déjà le rôle « {role} ».");
    public override IdentityError UserNotInRole(string role) => Describe(nameof(UserNotInRole), $"Le compte n'a pas le rôle « {role} ».");
    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Describe(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Describe(nameof(RecoveryCodeRedemptionFailed), "Le code de récupération n'est pas valide.");

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };
}
