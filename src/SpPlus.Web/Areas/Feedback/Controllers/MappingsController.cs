using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// The correspondences of national structure labels with local structures: the queue of experiences no label places
/// yet (grouped by label, assigned in one step, optionally saving the mapping), and the saved mappings.
/// The referent and the administrator only.
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class MappingsController(SpPlusDbContext db, StructureMappingService mappings) : Controller
{
    public const int PageSize = 25;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, int mappingsPage = 1, CancellationToken cancellationToken = default) =>
        View(await ModelAsync(page, mappingsPage, null, null, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Assign(MappingQueueForm queueForm, int page = 1, CancellationToken cancellationToken = default)
    {
        if (queueForm.Assign is not { } index || index < 0 || index >= queueForm.Rows.Count)
        {
            TempData["Error"] = "Choisissez l'intitulé à affecter.";
            return RedirectToAction(nameof(Index), new { page });
        }

        var row = queueForm.Rows[index];
        var field = $"{nameof(MappingsIndexViewModel.QueueForm)}.{nameof(MappingQueueForm.Rows)}[{index}].{nameof(MappingQueueRow.StructureId)}";
        ModelState.Clear();
        if (row.StructureId is not { } structureId)
        {
            ModelState.AddModelError(field, $"Choisissez la structure à laquelle affecter les expériences « {row.Label} ».");
            return View(nameof(Index), await ModelAsync(page, 1, queueForm, null, cancellationToken));
        }

        var result = await mappings.AssignAsync(row.Label, structureId, row.SaveMapping, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(field, error);
            }

            return View(nameof(Index), await ModelAsync(page, 1, queueForm, null, cancellationToken));
        }

        var structureName = await db.Structures.Where(s => s.Id == structureId).Select(s => s.Name).SingleAsync(cancellationToken);
        var placed = result.Value == 1 ? "1 expérience a été affectée" : $"{result.Value.ToString("N0", French)} expériences ont été affectées";
        TempData["Success"] = $"{placed} à {structureName}"
            + (row.SaveMapping ? $" ; la correspondance « {row.Label} » est enregistrée pour les prochains imports." : ".");
        return RedirectToAction(nameof(Index), new { page });
    }

    [HttpPost]
    public async Task<IActionResult> Add(MappingAddForm addForm, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await mappings.AddAsync(addForm.Label!, addForm.StructureId!.Value, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = $"La correspondance « {addForm.Label!.Trim()} » est enregistrée"
                    + (result.Value > 0 ? $" ; {result.Value.ToString("N0", French)} expérience(s) en attente y ont été affectées." : ".");
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(MappingsIndexViewModel.AddForm)}.{nameof(MappingAddForm.StructureId)}", error);
            }
        }

        return View(nameof(Index), await ModelAsync(1, 1, null, addForm, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await mappings.RemoveAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "La correspondance a été supprimée. Les expériences déjà affectées restent dans leur structure.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<MappingsIndexViewModel> ModelAsync(
        int page, int mappingsPage, MappingQueueForm? postedQueue, MappingAddForm? postedAdd, CancellationToken cancellationToken)
    {
        var queue = await mappings.QueueAsync(page, PageSize, cancellationToken);
        var saved = await mappings.ListAsync(mappingsPage, PageSize, cancellationToken);
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);
        var queueForm = new MappingQueueForm
        {
            Rows = queue.Items.Select(g => new MappingQueueRow { Label = g.Label, SaveMapping = g.NormalizedLabel.Length > 0 }).ToList(),
        };
        // A posted form comes back with what was chosen, row by row, when its labels are still those of the page.
        if (postedQueue is not null && postedQueue.Rows.Count == queueForm.Rows.Count
            && postedQueue.Rows.Select(r => r.Label).SequenceEqual(queueForm.Rows.Select(r => r.Label), StringComparer.Ordinal))
        {
            queueForm = postedQueue;
        }

        return new MappingsIndexViewModel
        {
            Queue = queue,
            QueueForm = queueForm,
            Mappings = saved,
            AddForm = postedAdd ?? new MappingAddForm(),
            Structures = structures.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            WaitingCount = await mappings.WaitingCountAsync(cancellationToken),
        };
    }
}
