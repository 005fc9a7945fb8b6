using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Structures;

namespace SpPlus.Web.Areas.Admin.Models;

public sealed class StructureListViewModel
{
    public required IReadOnlyList<StructureRow> Structures { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }

    public int TotalCount { get; init; }
}

/// <summary>One structure of the list, with the number of its active correspondents.</summary>
public sealed record StructureRow(int Id, string Name, string Slug, StructureType Type, string? ParentName, bool IsActive, int CorrespondentCount);

/// <summary>
/// The creation and edition form of a structure. Name and slug rules (required, format, uniqueness) are checked by
/// <c>StructureService</c>, which reports each error on its field.
/// </summary>
public sealed class StructureFormViewModel
{
    /// <summary>Null on creation.</summary>
    [BindNever]
    public int? Id { get; set; }

    /// <summary>The name as saved (the heading of the edition page), whatever is typed in the form.</summary>
    [BindNever]
    public string SavedName { get; set; } = "";

    [Display(Name = "Nom")]
    public string? Name { get; set; }

    [Display(Name = "Identifiant",
        Description = "Lettres minuscules sans accent, chiffres et tirets, par exemple « ddt-aube ». Il figure dans les adresses des pages publiques de la structure.")]
    public string? Slug { get; set; }

    [Required]
    [Display(Name = "Type")]
    public StructureType? Type { get; set; }

    [Display(Name = "Structure de rattachement", Description = "Facultatif : par exemple la préfecture pour une sous-préfecture.")]
    public int? ParentId { get; set; }

    [Required]
    [Display(Name = "Département")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Structure active", Description = "Une structure inactive n'est plus proposée à la saisie ; ses données et son historique sont conservés.")]
    public bool IsActive { get; set; } = true;

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> TypeChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> ParentChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> DepartmentChoices { get; set; } = [];
}
