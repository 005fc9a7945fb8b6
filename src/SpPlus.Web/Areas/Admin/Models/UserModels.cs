using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SpPlus.Web.Areas.Admin.Models;

/// <summary>The filters of the account list, read from the query string (GET form, fields named as the properties).</summary>
public class UserListFilter
{
    public const string ActiveStatus = "actifs";
    public const string DisabledStatus = "desactives";

    [Display(Name = "Rechercher", Description = "Nom ou adresse électronique")]
    public string? Search { get; set; }

    [Display(Name = "Rôle")]
    public string? Role { get; set; }

    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Display(Name = "État")]
    public string? Status { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>The list page: the filters as submitted, and one page of accounts.</summary>
public sealed class UserListViewModel : UserListFilter
{
    public required IReadOnlyList<UserRow> Users { get; init; }

    public int TotalPages { get; init; }

    public int TotalCount { get; init; }

    public required IReadOnlyList<SelectListItem> RoleChoices { get; init; }

    public required IReadOnlyList<SelectListItem> StructureChoices { get; init; }

    public required IReadOnlyList<SelectListItem> StatusChoices { get; init; }

    public bool IsFiltered { get; init; }
}

public sealed record UserRow(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Structures,
    bool IsDisabled,
    DateTime? LastSignInAtUtc);

/// <summary>
/// The fields shared by the creation and the edition of an account. The rules (required fields, e-mail, password,
/// roles, structures) are checked by <c>AccountAdministrationService</c>, which reports each error on its field.
/// </summary>
public abstract class UserFormViewModel
{
    [Display(Name = "Prénom et nom")]
    public string? DisplayName { get; set; }

    [Display(Name = "Adresse électronique", Description = "Elle sert d'identifiant de connexion. Format attendu : nom@domaine.fr")]
    public string? Email { get; set; }

    [Display(Name = "Rôles", Description = "Au moins un rôle.")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Structures", Description = "Obligatoire pour un correspondant : les structures dont il saisit les données.")]
    public List<int> StructureIds { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> RoleChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];
}

public sealed class UserCreateViewModel : UserFormViewModel
{
    [Display(Name = "Mot de passe initial",
        Description = "12 caractères au minimum ; les mots de passe trop courants sont refusés. Communiquez-le à la personne par un canal sûr : elle pourra le changer.")]
    public string? Password { get; set; }
}

public sealed class UserEditViewModel : UserFormViewModel
{
    [BindNever]
    public string Id { get; set; } = "";

    /// <summary>The name as saved (the heading), whatever is typed in the form.</summary>
    [BindNever]
    public string SavedDisplayName { get; set; } = "";

    [Display(Name = "Nouveau mot de passe (facultatif)",
        Description = "Pour remplacer le mot de passe actuel : 12 caractères au minimum. Les sessions ouvertes du compte se ferment et un verrouillage éventuel est levé.")]
    public string? NewPassword { get; set; }

    [BindNever]
    public bool IsDisabled { get; set; }

    /// <summary>The administrator is editing their own account (which they cannot disable).</summary>
    [BindNever]
    public bool IsSelf { get; set; }

    [BindNever]
    public DateTime CreatedAtUtc { get; set; }

    [BindNever]
    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>The end of a current lockout (after 5 failed sign-ins), null when the account is not locked out.</summary>
    [BindNever]
    public DateTime? LockedUntilUtc { get; set; }
}

/// <summary>The confirmation page before disabling an account.</summary>
public sealed record DisableUserViewModel(string Id, string DisplayName, string Email);
