using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpPlus.Core.Feedback;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>The answer templates: listed, created, edited, deactivated and activated again by the referent (and the administrator).</summary>
[Area("Feedback")]
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class AnswerTemplatesController(AnswerTemplateService templates) : Controller
{
    private const int PageSize = 25;

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var (rows, total) = await templates.ListAsync(page, PageSize, cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > totalPages)
        {
            page = totalPages;
            (rows, _) = await templates.ListAsync(page, PageSize, cancellationToken);
        }

        return View(new AnswerTemplateListViewModel { Rows = rows, Page = page, TotalPages = totalPages, TotalCount = total });
    }

    [HttpGet]
    public IActionResult Create() => View("Edit", new AnswerTemplateForm());

    [HttpPost]
    public async Task<IActionResult> Create(AnswerTemplateForm form, CancellationToken cancellationToken)
    {
        var result = await templates.CreateAsync(new AnswerTemplateInput(form.Title, form.Body), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View("Edit", form);
        }

        TempData["Success"] = $"Le modèle « {form.Title?.Trim()} » a été créé.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        return View(new AnswerTemplateForm { Id = template.Id, Title = template.Title, Body = template.Body, IsActive = template.IsActive });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, AnswerTemplateForm form, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        form.Id = id;
        form.IsActive = template.IsActive;
        var result = await templates.UpdateAsync(id, new AnswerTemplateInput(form.Title, form.Body), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(form);
        }

        TempData["Success"] = $"Le modèle « {form.Title?.Trim()} » a été enregistré.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public Task<IActionResult> Deactivate(int id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Activate(int id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        var result = await templates.SetActiveAsync(id, active, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = active
                ? $"Le modèle « {template.Title} » est de nouveau proposé pour rédiger les réponses."
                : $"Le modèle « {template.Title} » n'est plus proposé pour rédiger les réponses.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Index));
    }

    private void AddErrors(AnswerTemplateSaveResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }
}
