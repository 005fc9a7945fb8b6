using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Engagements;

namespace SpPlus.Web.Areas.Engagements.Models;

/// <summary>The list of framework versions.</summary>
public sealed class FrameworkListViewModel
{
    public required IReadOnlyList<FrameworkRow> Frameworks { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }

    /// <summary>The user may create, edit and activate versions.</summary>
    public bool CanManage { get; init; }
}

public sealed record FrameworkRow(int Id, int Year, string Name, FrameworkStatus Status, int EngagementCount, DateTime? ActivatedAtUtc);

/// <summary>One version with its engagements, grouped.</summary>
public sealed class FrameworkDetailsViewModel
{
    public int Id { get; init; }

    public int Year { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public FrameworkStatus Status { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? ActivatedAtUtc { get; init; }

    public required IReadOnlyList<EngagementSection> Sections { get; init; }

    public int EngagementCount => Sections.Sum(s => s.Engagements.Count);

    public bool CanManage { get; init; }

    /// <summary>Edit links and buttons are shown: the user manages frameworks and this one is a draft.</summary>
    public bool CanEdit => CanManage && Status == FrameworkStatus.Draft;
}

/// <summary>The engagements of one group ("+ proches"...), or those without a group when <see cref="Group"/> is null.</summary>
public sealed record EngagementSection(EngagementGroup? Group, IReadOnlyList<EngagementItem> Engagements)
{
    public string Title => Group?.Label() ?? "Sans groupe";

    /// <summary>Groups the engagements by group, in the order of their first engagement; numbers stay in order inside a group.</summary>
    public static IReadOnlyList<EngagementSection> Build(IEnumerable<EngagementItem> engagements) =>
        engagements
            .OrderBy(e => e.Number)
            .GroupBy(e => e.Group)
            .Select(g => new EngagementSection(g.Key, g.ToList()))
            .OrderBy(s => s.Group is null ? 1 : 0)
            .ThenBy(s => s.Engagements[0].Number)
            .ToList();
}

public sealed record EngagementItem(int Id, int Number, string Wording, EngagementGroup? Group, IReadOnlyList<string> SubCriteria);

/// <summary>The form to start a new version from an existing one.</summary>
public sealed class CreateFrameworkForm
{
    [Required]
    [Display(Name = "Version de départ", Description = "Ses engagements et sous-critères sont copiés dans la nouvelle version, qui reste modifiable jusqu'à son activation.")]
    public int? SourceFrameworkId { get; set; }

    [Required]
    [Range(2000, 2100)]
    [Display(Name = "Année", Description = "Une seule version par année. Format attendu : 4 chiffres, par exemple 2025.")]
    public int? Year { get; set; }

    [Required]
    [StringLength(EngagementFrameworkService.NameMaxLength)]
    [Display(Name = "Nom", Description = "Par exemple « Référentiel Services Publics + 2025 ».")]
    public string? Name { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> Sources { get; set; } = [];
}

/// <summary>The form to write or change one engagement of a draft.</summary>
public sealed class EngagementForm
{
    [Required]
    [StringLength(EngagementFrameworkService.WordingMaxLength)]
    [Display(Name = "Libellé de l'engagement")]
    public string? Wording { get; set; }

    [Display(Name = "Groupe", Description = "Les engagements sont présentés au public par groupe.")]
    public EngagementGroup? Group { get; set; }

    [Display(Name = "Sous-critères", Description = "Un sous-critère par ligne, dans l'ordre d'affichage. Pour en supprimer un, effacez sa ligne ; pour en ajouter un, ajoutez une ligne.")]
    public string? SubCriteria { get; set; }

    [BindNever]
    [ValidateNever]
    public FrameworkHeader Framework { get; set; } = new(0, 0, "");

    /// <summary>The engagement's number when editing; null when adding.</summary>
    [BindNever]
    [ValidateNever]
    public int? Number { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];

    /// <summary>The textarea's lines, one sub-criterion each.</summary>
    public IReadOnlyList<string> SubCriteriaLines() =>
        EngagementFrameworkService.CleanSubCriteria((SubCriteria ?? "").Split('\n'));
}

public sealed record FrameworkHeader(int Id, int Year, string Name);

/// <summary>The confirmation page before removing an engagement from a draft.</summary>
public sealed record RemoveEngagementViewModel(int Id, int Number, string Wording, int SubCriteriaCount, FrameworkHeader Framework);

/// <summary>The confirmation page before activating a version.</summary>
public sealed class ActivateFrameworkViewModel
{
    public required FrameworkHeader Framework { get; init; }

    public FrameworkStatus Status { get; init; }

    public int EngagementCount { get; init; }

    /// <summary>The version active until now, archived by the activation; null when none is active.</summary>
    public FrameworkHeader? CurrentActive { get; init; }

    /// <summary>What prevents the activation; empty when it can go ahead.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
