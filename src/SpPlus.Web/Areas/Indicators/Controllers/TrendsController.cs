using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Indicators.Controllers;

/// <summary>
/// Each indicator over the last 8 quarters against its target, for a structure or the whole département (weighted).
/// Published values only: they are public anyway, so every agent may see every structure's trends.
/// </summary>
[Area("Indicators")]
public sealed class TrendsController(IndicatorResultsService results, SpPlusDbContext db, UserScope scope) : Controller
{
    /// <summary>The value of the "département" choice.</summary>
    public const int DepartmentChoice = 0;

    /// <summary>The id of an indicator's section on the page ("indicateur-taux-decroche"), for links to it.</summary>
    public static string SectionId(string indicatorCode)
    {
        ArgumentNullException.ThrowIfNull(indicatorCode);
        return $"indicateur-{indicatorCode.ToLowerInvariant()}";
    }

    [HttpGet]
    public async Task<IActionResult> Index(int? structureId, CancellationToken cancellationToken)
    {
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);

        // Without a choice, a correspondent starts with their (first) structure; everyone else with the département.
        if (structureId is null && User.IsInRole(RoleNames.Correspondent))
        {
            var mine = await scope.GetStructureIdsAsync(cancellationToken);
            structureId = structures.FirstOrDefault(s => mine.Contains(s.Id))?.Id;
        }

        int? chosen = structureId is { } id && id != DepartmentChoice ? id : null;
        var trends = await results.TrendsAsync(chosen, results.LastCompletedQuarter, IndicatorResultsService.TrendQuarterCount, cancellationToken);
        if (trends is null)
        {
            return NotFound();
        }

        return View(new TrendsViewModel
        {
            StructureId = chosen ?? DepartmentChoice,
            Trends = trends,
            StructureChoices =
            [
                new SelectListItem("Département (toutes les structures)", DepartmentChoice.ToString(CultureInfo.InvariantCulture)),
                .. structures.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture))),
            ],
        });
    }
}

public sealed class TrendsViewModel
{
    [Display(Name = "Périmètre")]
    public int StructureId { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public required TrendsResult Trends { get; init; }

    public bool IsDepartment => Trends.StructureId is null;
}
