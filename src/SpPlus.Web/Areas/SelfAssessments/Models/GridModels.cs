using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Web.Areas.SelfAssessments.Models;

/// <summary>The frameworks and the versions of their grids.</summary>
public sealed class GridListViewModel
{
    public required IReadOnlyList<FrameworkGrids> Frameworks { get; init; }

    /// <summary>The draft or active frameworks without a grid, each with a « Créer la grille » button.</summary>
    public IReadOnlyList<FrameworkWithoutGrid> WithoutGrid { get; init; } = [];
}

/// <summary>A grid version: its criteria by engagement, editable when it is the current version.</summary>
public sealed class GridDetailsViewModel
{
    public required GridSheet Sheet { get; init; }

    /// <summary>The numbers of the engagements without criterion: while there is one, the grid cannot be used.</summary>
    public IReadOnlyList<int> EngagementsWithoutCriterion => Sheet.Engagements.Where(e => e.Criteria.Count == 0).Select(e => e.Number).ToList();
}

/// <summary>Rename the grid.</summary>
public sealed class GridRenameForm
{
    [Display(Name = "Nom de la grille")]
    public string? Name { get; set; }

    [BindNever]
    [ValidateNever]
    public GridSheet? Sheet { get; set; }
}

/// <summary>Add or change a criterion.</summary>
public sealed class CriterionForm
{
    public int EngagementId { get; set; }

    /// <summary>The criterion changed; null when one is added.</summary>
    public int? CriterionId { get; set; }

    [Display(Name = "Intitulé du critère")]
    public string? Wording { get; set; }

    [Display(Name = "Aide à l'évaluation (facultatif)")]
    public string? Guidance { get; set; }

    [BindNever]
    [ValidateNever]
    public GridSheet? Sheet { get; set; }

    [BindNever]
    [ValidateNever]
    public GridEngagement? Engagement => Sheet?.Engagements.FirstOrDefault(e => e.Id == EngagementId);

    public CriterionInput ToInput() => new(EngagementId, Wording, Guidance);
}
