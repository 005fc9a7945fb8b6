using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpPlus.Core.Common;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Areas.SelfAssessments.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.SelfAssessments.Controllers;

/// <summary>
/// The self-assessment grids, managed by the administrator and the referent: the versions of each framework's grid and
/// the editing of the current one. A version used by an assessment is never changed: the edit goes to a new version
/// (see <see cref="AssessmentGridService"/>) and the page moves to it with a message saying so.
/// </summary>
[Area("SelfAssessments")]
[Authorize(Policy = Policies.ManageGrids)]
public sealed class GridsController(AssessmentGridService grids, ReviewActorFactory actors) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await grids.ListAsync(cancellationToken);
        return View(new GridListViewModel { Frameworks = overview.Frameworks, WithoutGrid = overview.WithoutGrid });
    }

    /// <summary>Creates the (empty) grid of a framework that has none, then opens it to add the criteria.</summary>
    [HttpPost]
    public async Task<IActionResult> Create(int frameworkId, CancellationToken cancellationToken)
    {
        var result = await grids.CreateAsync(frameworkId, await EditorAsync(cancellationToken), cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Index));
        }

        TempData["Success"] = "La grille a été créée : ajoutez au moins un critère à chaque engagement avant qu'elle puisse servir.";
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        return sheet is null ? NotFound() : View(new GridDetailsViewModel { Sheet = sheet });
    }

    [HttpGet]
    public async Task<IActionResult> Rename(int id, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        return ReadOnlyRefusal(sheet) ?? View(new GridRenameForm { Name = sheet.Name, Sheet = sheet });
    }

    [HttpPost]
    public async Task<IActionResult> Rename(int id, GridRenameForm form, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        form.Sheet = sheet;
        var result = await grids.RenameAsync(id, form.Name, await EditorAsync(cancellationToken), cancellationToken);
        return Outcome(result, form, nameof(GridRenameForm.Name), "La grille a été renommée.");
    }

    [HttpGet]
    public async Task<IActionResult> AddCriterion(int id, int engagementId, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        if (sheet is null || sheet.Engagements.All(e => e.Id != engagementId))
        {
            return NotFound();
        }

        return ReadOnlyRefusal(sheet) ?? View("Criterion", new CriterionForm { EngagementId = engagementId, Sheet = sheet });
    }

    [HttpPost]
    public async Task<IActionResult> AddCriterion(int id, CriterionForm form, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        form.Sheet = sheet;
        form.CriterionId = null;
        var result = await grids.AddCriterionAsync(id, form.ToInput(), await EditorAsync(cancellationToken), cancellationToken);
        return Outcome(result, form, nameof(CriterionForm.Wording), "Le critère a été ajouté.", "Criterion");
    }

    [HttpGet]
    public async Task<IActionResult> EditCriterion(int id, int criterionId, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        var criterion = sheet?.Engagements.SelectMany(e => e.Criteria).FirstOrDefault(c => c.Id == criterionId);
        if (sheet is null || criterion is null)
        {
            return NotFound();
        }

        return ReadOnlyRefusal(sheet) ?? View("Criterion", new CriterionForm
        {
            EngagementId = criterion.EngagementId,
            CriterionId = criterion.Id,
            Wording = criterion.Wording,
            Guidance = criterion.Guidance,
            Sheet = sheet,
        });
    }

    [HttpPost]
    public async Task<IActionResult> EditCriterion(int id, CriterionForm form, CancellationToken cancellationToken)
    {
        var sheet = await grids.GetAsync(id, cancellationToken);
        var criterion = sheet?.Engagements.SelectMany(e => e.Criteria).FirstOrDefault(c => c.Id == form.CriterionId);
        if (sheet is null || criterion is null)
        {
            return NotFound();
        }

        form.Sheet = sheet;
        form.EngagementId = criterion.EngagementId;
        var result = await grids.UpdateCriterionAsync(id, criterion.Id, form.ToInput(), await EditorAsync(cancellationToken), cancellationToken);
        return Outcome(result, form, nameof(CriterionForm.Wording), "Le critère a été modifié.", "Criterion");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveCriterion(int id, int criterionId, CancellationToken cancellationToken)
    {
        var result = await grids.RemoveCriterionAsync(id, criterionId, await EditorAsync(cancellationToken), cancellationToken);
        return Redirected(id, result, "Le critère a été supprimé.");
    }

    [HttpPost]
    public async Task<IActionResult> MoveCriterion(int id, int criterionId, string? direction, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        var result = await grids.MoveCriterionAsync(id, criterionId, direction == "up", await EditorAsync(cancellationToken), cancellationToken);
        return Redirected(id, result, "L'ordre des critères a été modifié.");
    }

    /// <summary>An older version is read-only: back to it with the reason.</summary>
    private IActionResult? ReadOnlyRefusal(GridSheet sheet)
    {
        if (sheet.IsCurrent)
        {
            return null;
        }

        TempData["Error"] = AssessmentGridService.NotCurrentMessage(sheet.CurrentVersion);
        return RedirectToAction(nameof(Details), new { id = sheet.Id });
    }

    /// <summary>A form's outcome: on success, to the grid that holds the change; otherwise the form again with what was typed and the errors.</summary>
    private IActionResult Outcome(OperationResult<GridEditOutcome> result, object form, string field, string success, string? viewName = null)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = result.Value.VersionMessage is { } version ? $"{success} {version}" : success;
            return RedirectToAction(nameof(Details), new { id = result.Value.GridId });
        }

        foreach (var error in result.Errors)
        {
            var key = error.Contains("aide à l'évaluation", StringComparison.OrdinalIgnoreCase) ? nameof(CriterionForm.Guidance)
                : error.Contains("intitulé", StringComparison.OrdinalIgnoreCase) || error.Contains("nom de la grille", StringComparison.OrdinalIgnoreCase) ? field
                : string.Empty;
            ModelState.AddModelError(key, error);
        }

        return View(viewName, form);
    }

    private RedirectToActionResult Redirected(int id, OperationResult<GridEditOutcome> result, string success)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = result.Value.VersionMessage is { } version ? $"{success} {version}" : success;
            return RedirectToAction(nameof(Details), new { id = result.Value.GridId });
        }

        TempData["Error"] = string.Join(" ", result.Errors);
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<string> EditorAsync(CancellationToken cancellationToken) => (await actors.CurrentAsync(cancellationToken)).DisplayName;
}
