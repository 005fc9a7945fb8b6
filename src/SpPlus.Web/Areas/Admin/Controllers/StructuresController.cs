using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Structures;
using SpPlus.Web.Areas.Admin.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Admin.Controllers;

/// <summary>The structures of the département: list, creation, edition. Structures are never deleted, only made inactive.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administration)]
public sealed class StructuresController(SpPlusDbContext db, StructureService structures) : Controller
{
    public const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.Structures.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        const string correspondent = RoleNames.Correspondent;
        // The correspondents are counted by a subquery of the same statement: no query per row.
        var rows = await db.Structures.AsNoTracking()
            .OrderBy(s => s.Name)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new StructureRow(
                s.Id,
                s.Name,
                s.Slug,
                s.Type,
                s.Parent != null ? s.Parent.Name : null,
                s.IsActive,
                db.UserStructures.Count(us => us.StructureId == s.Id
                    && !us.User!.IsDisabled
                    && db.UserRoles.Any(ur => ur.UserId == us.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == correspondent)))))
            .ToListAsync(cancellationToken);

        return View(new StructureListViewModel { Structures = rows, Page = page, TotalPages = totalPages, TotalCount = total });
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => d.Id).Take(2).ToListAsync(cancellationToken);
        var form = new StructureFormViewModel { DepartmentId = departments.Count == 1 ? departments[0] : null };
        return View(await FillChoicesAsync(form, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Create(StructureFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // An empty identifier is derived from the name.
        if (string.IsNullOrWhiteSpace(form.Slug) && !string.IsNullOrWhiteSpace(form.Name))
        {
            form.Slug = Slug.From(form.Name);
            ModelState.Remove(nameof(form.Slug));
        }

        if (ModelState.IsValid)
        {
            var result = await structures.CreateAsync(Input(form), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = $"La structure « {form.Name!.Trim()} » a été créée.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result);
        }

        return View(await FillChoicesAsync(form, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await db.Structures.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StructureFormViewModel
            {
                Id = s.Id,
                SavedName = s.Name,
                Name = s.Name,
                Slug = s.Slug,
                Type = s.Type,
                ParentId = s.ParentId,
                DepartmentId = s.DepartmentId,
                IsActive = s.IsActive,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View(await FillChoicesAsync(form, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, StructureFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var savedName = await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (savedName is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await structures.UpdateAsync(id, Input(form), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = $"La structure « {form.Name!.Trim()} » a été enregistrée.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result);
        }

        form.Id = id;
        form.SavedName = savedName;
        return View(await FillChoicesAsync(form, cancellationToken));
    }

    private static StructureInput Input(StructureFormViewModel form) =>
        new(form.DepartmentId!.Value, form.Name ?? "", form.Slug ?? "", form.Type!.Value, form.ParentId, form.IsActive);

    private void AddErrors(OperationResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(StructureService.FieldOf(error) ?? string.Empty, error);
        }
    }

    private async Task<StructureFormViewModel> FillChoicesAsync(StructureFormViewModel form, CancellationToken cancellationToken)
    {
        form.TypeChoices = [.. Enum.GetValues<StructureType>().Select(t => new SelectListItem(t.Label(), t.ToString()))];
        var others = await db.Structures.AsNoTracking()
            .Where(s => s.Id != form.Id)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.IsActive })
            .ToListAsync(cancellationToken);
        form.ParentChoices = [.. others.Select(s => new SelectListItem(s.IsActive ? s.Name : s.Name + " (inactive)", Id(s.Id)))];
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken);
        form.DepartmentChoices = [.. departments.Select(d => new SelectListItem($"{d.Name} ({d.Code})", Id(d.Id)))];
        return form;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
