using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Identity;
using SpPlus.Web.Areas.Engagements.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Engagements.Controllers;

/// <summary>
/// Each structure's local commitments. Every agent reads them; writing a structure's commitments needs
/// <see cref="StructureOperations.Edit"/> on that structure (the referent, or one of its correspondents), checked
/// against the structure stored in the database.
/// </summary>
[Area("Engagements")]
[Authorize(Policy = Policies.Staff)]
public sealed class CommitmentsController(
    SpPlusDbContext db, LocalCommitmentService commitments, IAuthorizationService authorization, UserScope scope) : Controller
{
    private const int StructuresPerPage = 10;
    private const string SavedMessage = "L'engagement local a été enregistré.";

    [HttpGet]
    public async Task<IActionResult> Index(int? structureId, int page = 1, CancellationToken cancellationToken = default)
    {
        var structures = db.Structures.AsNoTracking().Where(s => s.IsActive);
        var choices = await structures.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);

        // Without any filter in the address, a correspondent starts with their own structures.
        var ownStructures = false;
        if (structureId is { } chosen)
        {
            structures = structures.Where(s => s.Id == chosen);
        }
        else if (!Request.Query.ContainsKey("structureId") && User.IsInRole(RoleNames.Correspondent) && !User.IsInRole(RoleNames.Referent))
        {
            var mine = await scope.GetStructureIdsAsync(cancellationToken);
            if (mine.Count > 0)
            {
                structures = structures.Where(s => mine.Contains(s.Id));
                ownStructures = true;
                if (mine.Count == 1)
                {
                    structureId = mine.First();
                }
            }
        }

        var total = await structures.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + StructuresPerPage - 1) / StructuresPerPage);
        page = Math.Clamp(page, 1, totalPages);
        var listed = await structures
            .OrderBy(s => s.Name)
            .Skip((page - 1) * StructuresPerPage)
            .Take(StructuresPerPage)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);

        var ids = listed.Select(s => s.Id).ToList();
        var rows = await db.LocalCommitments.AsNoTracking()
            .Where(c => ids.Contains(c.StructureId))
            .OrderBy(c => c.Engagement!.Framework!.Status == FrameworkStatus.Active ? 0 : 1)
            .ThenBy(c => c.Engagement!.Number)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Id)
            .Select(c => new
            {
                c.StructureId,
                Row = new CommitmentRow(c.Id, c.Engagement!.Number, c.Engagement.Wording, c.Engagement.Framework!.Year,
                    c.Engagement.Framework.Status == FrameworkStatus.Active, c.Kind, c.Text, c.AnnouncedDelayDays, c.Target, c.UpdatedAtUtc),
            })
            .ToListAsync(cancellationToken);
        var byStructure = rows.ToLookup(r => r.StructureId, r => r.Row);

        var sections = new List<StructureCommitments>();
        foreach (var structure in listed)
        {
            sections.Add(new StructureCommitments(structure.Id, structure.Name, await CanEditAsync(structure.Id),
                byStructure[structure.Id].ToList()));
        }

        return View(new CommitmentsIndexViewModel
        {
            StructureId = structureId,
            StructureChoices = choices.Select(s => new SelectListItem(s.Name, Id(s.Id))).ToList(),
            ShowingOwnStructures = ownStructures,
            Structures = sections,
            Page = page,
            TotalPages = totalPages,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(int structureId, CancellationToken cancellationToken)
    {
        var structureName = await StructureNameAsync(structureId, cancellationToken);
        if (structureName is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(structureId))
        {
            return Forbid();
        }

        var form = new CommitmentForm { StructureId = structureId, StructureName = structureName };
        return View("Edit", await WithChoicesAsync(form, editing: false, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Create(int structureId, CommitmentForm form, CancellationToken cancellationToken)
    {
        var structureName = await StructureNameAsync(structureId, cancellationToken);
        if (structureName is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(structureId))
        {
            return Forbid();
        }

        // The structure comes from the address, already authorized: never from a posted field.
        form.StructureId = structureId;
        form.StructureName = structureName;
        form.AddConditionalErrors(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithChoicesAsync(form, editing: false, cancellationToken));
        }

        var result = await commitments.CreateAsync(form.ToInput(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return View("Edit", await WithChoicesAsync(form, editing: false, cancellationToken));
        }

        TempData["Success"] = SavedMessage;
        return RedirectToAction(nameof(Index), new { structureId });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var commitment = await db.LocalCommitments.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.StructureId,
                StructureName = c.Structure!.Name,
                c.EngagementId,
                c.Kind,
                c.Text,
                c.AnnouncedDelayDays,
                c.Target,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(commitment.StructureId))
        {
            return Forbid();
        }

        var form = new CommitmentForm
        {
            StructureId = commitment.StructureId,
            StructureName = commitment.StructureName,
            EngagementId = commitment.EngagementId,
            Kind = commitment.Kind,
            Text = commitment.Text,
            AnnouncedDelayDays = commitment.AnnouncedDelayDays,
            Target = commitment.Target,
        };
        return View(await WithChoicesAsync(form, editing: true, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, CommitmentForm form, CancellationToken cancellationToken)
    {
        // Authorize against the structure stored in the database, whatever the form says.
        var current = await db.LocalCommitments.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.StructureId, StructureName = c.Structure!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(current.StructureId))
        {
            return Forbid();
        }

        form.StructureId ??= current.StructureId;

        // Moving the commitment to another structure also needs the right to edit that structure.
        if (form.StructureId != current.StructureId && !await CanEditAsync(form.StructureId.Value))
        {
            return Forbid();
        }

        form.StructureName = current.StructureName;
        form.AddConditionalErrors(ModelState);
        if (!ModelState.IsValid)
        {
            return View(await WithChoicesAsync(form, editing: true, cancellationToken));
        }

        var result = await commitments.UpdateAsync(id, form.ToInput(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return View(await WithChoicesAsync(form, editing: true, cancellationToken));
        }

        TempData["Success"] = SavedMessage;
        return RedirectToAction(nameof(Index), new { structureId = form.StructureId });
    }

    [HttpGet]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var model = await db.LocalCommitments.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new DeleteCommitmentViewModel(c.Id, c.StructureId, c.Structure!.Name,
                new CommitmentRow(c.Id, c.Engagement!.Number, c.Engagement.Wording, c.Engagement.Framework!.Year,
                    c.Engagement.Framework.Status == FrameworkStatus.Active, c.Kind, c.Text, c.AnnouncedDelayDays, c.Target, c.UpdatedAtUtc)))
            .FirstOrDefaultAsync(cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(model.StructureId))
        {
            return Forbid();
        }

        return View(model);
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var structureId = await db.LocalCommitments.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => (int?)c.StructureId)
            .FirstOrDefaultAsync(cancellationToken);
        if (structureId is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(structureId.Value))
        {
            return Forbid();
        }

        var result = await commitments.DeleteAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "L'engagement local a été supprimé.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Index), new { structureId });
    }

    private async Task<bool> CanEditAsync(int structureId) =>
        (await authorization.AuthorizeAsync(User, new StructureResource(structureId), StructureOperations.Edit)).Succeeded;

    private Task<string?> StructureNameAsync(int structureId, CancellationToken cancellationToken) =>
        db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    private async Task<CommitmentForm> WithChoicesAsync(CommitmentForm form, bool editing, CancellationToken cancellationToken)
    {
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.Framework!.Status == FrameworkStatus.Active)
            .OrderBy(e => e.Number)
            .Select(e => new { e.Id, e.Number, e.Wording })
            .ToListAsync(cancellationToken);
        form.EngagementChoices = engagements
            .Select(e => new SelectListItem(EngagementLabels.Short(e.Number, e.Wording), Id(e.Id)))
            .ToList();

        if (form.EngagementId is { } engagementId && engagements.All(e => e.Id != engagementId))
        {
            var outdated = await db.Engagements.AsNoTracking()
                .Where(e => e.Id == engagementId)
                .Select(e => new { e.Number, e.Wording, e.Framework!.Year })
                .FirstOrDefaultAsync(cancellationToken);
            if (outdated is not null)
            {
                form.OutdatedEngagement = $"n° {outdated.Number} du référentiel {outdated.Year} : « {outdated.Wording} »";
                // The select cannot show it: the user picks its counterpart in the active version.
                form.EngagementId = null;
                ModelState.Remove(nameof(CommitmentForm.EngagementId));
            }
        }

        form.KindChoices = Enum.GetValues<LocalCommitmentKind>()
            .Select(k => new SelectListItem(k.Label(), k.ToString()))
            .ToList();

        if (editing)
        {
            var structures = await db.Structures.AsNoTracking()
                .Where(s => s.IsActive || s.Id == form.StructureId)
                .OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name })
                .ToListAsync(cancellationToken);
            var allowed = new List<SelectListItem>();
            foreach (var structure in structures)
            {
                if (structure.Id == form.StructureId || await CanEditAsync(structure.Id))
                {
                    allowed.Add(new SelectListItem(structure.Name, Id(structure.Id)));
                }
            }

            form.StructureChoices = allowed;
        }

        return form;
    }

    private void AddErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
