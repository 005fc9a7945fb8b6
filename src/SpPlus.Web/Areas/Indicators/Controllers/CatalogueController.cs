using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Indicators;
using SpPlus.Core.Structures;
using SpPlus.Web.Areas.Indicators.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Indicators.Controllers;

/// <summary>
/// The indicator catalogue: every agent reads it; the administrator and the referent create, edit, deactivate
/// indicators and set per-structure targets through <see cref="IndicatorCatalogService"/>.
/// </summary>
[Area("Indicators")]
[Authorize(Policy = Policies.Staff)]
public sealed class CatalogueController(SpPlusDbContext db, IndicatorCatalogService catalog, IAuthorizationService authorization) : Controller
{
    private const int PageSize = 30;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.Indicators.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await db.Indicators.AsNoTracking()
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new
            {
                i.Id, i.Code, i.Label, i.Kind, i.Unit, i.Direction,
                EngagementNumber = i.Engagement == null ? (int?)null : i.Engagement.Number,
                Types = i.StructureTypes.Select(t => t.StructureType).ToList(),
                i.DefaultTarget, i.NationalCode, i.Source, i.IsActive,
            })
            .ToListAsync(cancellationToken);
        var canManage = (await authorization.AuthorizeAsync(User, Policies.ManageIndicators)).Succeeded;
        return View(new CatalogueIndexViewModel
        {
            Rows = rows.Select(r => new CatalogueRow(r.Id, r.Code, r.Label, r.Kind, r.Unit, r.Direction, r.EngagementNumber,
                r.Types.Order().ToList(), r.DefaultTarget, r.NationalCode, r.Source, r.IsActive)).ToList(),
            Page = page,
            TotalPages = totalPages,
            CanManage = canManage,
        });
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new CatalogueForm
        {
            Kind = IndicatorKind.Ratio,
            Unit = IndicatorUnit.Percent,
            Direction = IndicatorDirection.HigherIsBetter,
            Source = IndicatorSource.Entered,
        };
        await FillChoicesAsync(form, cancellationToken);
        return View("Edit", form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Create(CatalogueForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.CreateAsync(ToInput(form), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "L'indicateur a été ajouté au catalogue.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result.Errors);
        }

        await FillChoicesAsync(form, cancellationToken);
        return View("Edit", form);
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.StructureTypes)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var form = new CatalogueForm
        {
            Code = indicator.Code,
            Label = indicator.Label,
            Description = indicator.Description,
            Formula = indicator.Formula,
            Kind = indicator.Kind,
            NumeratorLabel = indicator.NumeratorLabel,
            DenominatorLabel = indicator.DenominatorLabel,
            Unit = indicator.Unit,
            Direction = indicator.Direction,
            MinValue = indicator.MinValue,
            MaxValue = indicator.MaxValue,
            EngagementId = indicator.EngagementId,
            DefaultTarget = indicator.DefaultTarget,
            NationalCode = indicator.NationalCode,
            Source = indicator.Source,
            SortOrder = indicator.SortOrder,
            StructureTypes = indicator.StructureTypes.Select(t => t.StructureType).ToList(),
            IsActive = indicator.IsActive,
        };
        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Edit(int id, CatalogueForm form, CancellationToken cancellationToken)
    {
        var isActive = await db.Indicators.Where(i => i.Id == id).Select(i => (bool?)i.IsActive).FirstOrDefaultAsync(cancellationToken);
        if (isActive is null)
        {
            return NotFound();
        }

        form.IsActive = isActive.Value;
        if (ModelState.IsValid)
        {
            var result = await catalog.UpdateAsync(id, ToInput(form), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "L'indicateur a été enregistré.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result.Errors);
        }

        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    /// <summary>Deactivates or reactivates an indicator; an indicator is never deleted, so its values stay readable.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> SetActive(int id, bool isActive, CancellationToken cancellationToken)
    {
        var result = await catalog.SetActiveAsync(id, isActive, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = isActive ? "L'indicateur a été réactivé." : "L'indicateur a été désactivé : il ne sera plus demandé dans les saisies.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Targets(int id, CancellationToken cancellationToken)
    {
        var form = new CatalogueTargetsForm();
        if (!await FillTargetsAsync(id, form, cancellationToken))
        {
            return NotFound();
        }

        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id)
            .ToDictionaryAsync(t => t.StructureId, t => t.Target, cancellationToken);
        foreach (var row in form.Rows)
        {
            row.Target = targets.TryGetValue(row.StructureId, out var target) ? target : null;
        }

        return View(form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Targets(int id, CatalogueTargetsForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var targets = form.Rows.GroupBy(r => r.StructureId).ToDictionary(g => g.Key, g => g.First().Target);
            var result = await catalog.SaveTargetsAsync(id, targets, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "Les objectifs ont été enregistrés.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result.Errors);
        }

        var posted = form.Rows.GroupBy(r => r.StructureId).ToDictionary(g => g.Key, g => g.First().Target);
        if (!await FillTargetsAsync(id, form, cancellationToken))
        {
            return NotFound();
        }

        foreach (var row in form.Rows)
        {
            row.Target = posted.TryGetValue(row.StructureId, out var target) ? target : null;
        }

        return View(form);
    }

    private async Task<bool> FillTargetsAsync(int id, CatalogueTargetsForm form, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Code, i.Label, i.DefaultTarget, i.Unit })
            .FirstOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return false;
        }

        form.IndicatorCode = indicator.Code;
        form.IndicatorLabel = indicator.Label;
        form.DefaultTarget = indicator.DefaultTarget is { } target
            ? $"{target.ToString("0.##", French)} {indicator.Unit.Symbol()}".Trim()
            : "aucun";
        form.Rows = await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new CatalogueTargetRow { StructureId = s.Id, StructureName = s.Name })
            .ToListAsync(cancellationToken);
        return true;
    }

    private void AddErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }
    }

    private static IndicatorInput ToInput(CatalogueForm form) => new(
        form.Code ?? "", form.Label ?? "", form.Description, form.Formula, form.NumeratorLabel, form.DenominatorLabel,
        form.Kind!.Value, form.Unit!.Value, form.Direction!.Value, form.MinValue, form.MaxValue, form.EngagementId,
        form.DefaultTarget, form.NationalCode, form.Source!.Value, form.SortOrder, form.StructureTypes);

    private async Task FillChoicesAsync(CatalogueForm form, CancellationToken cancellationToken)
    {
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.Framework!.Status == FrameworkStatus.Active || e.Id == form.EngagementId)
            .OrderBy(e => e.Framework!.Year).ThenBy(e => e.Number)
            .Select(e => new { e.Id, e.Number, e.Wording })
            .ToListAsync(cancellationToken);
        form.EngagementChoices = engagements
            .Select(e => new SelectListItem($"Engagement {e.Number} : {e.Wording}", e.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        form.KindChoices = Enum.GetValues<IndicatorKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
        form.UnitChoices = Enum.GetValues<IndicatorUnit>().Select(u => new SelectListItem(u.Label(), u.ToString())).ToList();
        form.DirectionChoices = Enum.GetValues<IndicatorDirection>().Select(d => new SelectListItem(d.Label(), d.ToString())).ToList();
        form.SourceChoices = Enum.GetValues<IndicatorSource>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();
        form.StructureTypeChoices = Enum.GetValues<StructureType>()
            .Select(t => new SelectListItem(t.Label(), t.ToString(), form.StructureTypes.Contains(t)))
            .ToList();
    }
}
