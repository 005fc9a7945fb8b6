using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Common;
using SpPlus.Core.Reviews;

namespace SpPlus.Web.Areas.Reports.Models;

/// <summary>A published quarter of a structure: one results poster to download.</summary>
public sealed record ReportPosterLink(int StructureId, string StructureName, Quarter Quarter, DateTime? PublishedAtUtc);

/// <summary>An action plan the user may read: one PDF to download.</summary>
public sealed record ReportPlanLink(int Id, string StructureName, int Year, ReviewState State, int ActionCount);

/// <summary>The « Rapports » page: the filters and what the user may download under them.</summary>
public sealed class ReportsIndexViewModel
{
    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    [Display(Name = "Année")]
    public int Year { get; init; }

    [Display(Name = "Trimestre")]
    public int? Quarter { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> QuarterChoices { get; init; } = [];

    public bool IsFiltered { get; init; }

    /// <summary>The year of the framework in force; null when none is active (no engagements poster).</summary>
    public int? EngagementsFrameworkYear { get; init; }

    public IReadOnlyList<ReportPosterLink> Posters { get; init; } = [];

    public bool MayReadDepartmentReport { get; init; }

    /// <summary>The quarters of the year that have at least one report (empty when the user may not read the report).</summary>
    public IReadOnlyList<Quarter> DepartmentQuarters { get; init; } = [];

    public IReadOnlyList<ReportPlanLink> Plans { get; init; } = [];
}
