using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Web.Areas.Engagements.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Engagements.Controllers;

/// <summary>
/// The framework versions (référentiels): every agent reads them; administrators copy a version into a new draft,
/// edit a draft's engagements and activate it. The rules are in <see cref="EngagementFrameworkService"/>.
/// </summary>
[Area("Engagements")]
[Authorize(Policy = Policies.Staff)]
public sealed class FrameworksController(
    SpPlusDbContext db, EngagementFrameworkService frameworks, IAuthorizationService authorization, TimeProvider time) : Controller
{
    private const int PageSize = 20;

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.EngagementFrameworks.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await db.EngagementFrameworks.AsNoTracking()
            .OrderByDescending(f => f.Year)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(f => new FrameworkRow(f.Id, f.Year, f.Name, f.Status, f.Engagements.Count, f.ActivatedAtUtc))
            .ToListAsync(cancellationToken);

        return View(new FrameworkListViewModel
        {
            Frameworks = rows,
            Page = page,
            TotalPages = totalPages,
            CanManage = await CanManageAsync(),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { f.Id, f.Year, f.Name, f.Description, f.Status, f.CreatedAtUtc, f.ActivatedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.FrameworkId == id)
            .OrderBy(e => e.Number)
            .Select(e => new EngagementItem(e.Id, e.Number, e.Wording, e.Group,
                e.SubCriteria.OrderBy(c => c.Order).Select(c => c.Wording).ToList()))
            .ToListAsync(cancellationToken);

        return View(new FrameworkDetailsViewModel
        {
            Id = framework.Id,
            Year = framework.Year,
            Name = framework.Name,
            Description = framework.Description,
            Status = framework.Status,
            CreatedAtUtc = framework.CreatedAtUtc,
            ActivatedAtUtc = framework.ActivatedAtUtc,
            Sections = EngagementSection.Build(engagements),
            CanManage = await CanManageAsync(),
        });
    }

    // ---- New version

    [HttpGet]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> Create(int? sourceId, CancellationToken cancellationToken)
    {
        var latestYear = await db.EngagementFrameworks.MaxAsync(f => (int?)f.Year, cancellationToken);
        var sourceFrameworkId = sourceId
            ?? await db.EngagementFrameworks.Where(f => f.Status == FrameworkStatus.Active).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken);
        var thisYear = time.GetUtcNow().Year;
        var year = Math.Max(latestYear + 1 ?? thisYear, thisYear);
        var form = new CreateFrameworkForm
        {
            SourceFrameworkId = sourceFrameworkId,
            Year = year,
            Name = $"Référentiel Services Publics + {year}",
        };
        return View(await WithSourcesAsync(form, cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> Create(CreateFrameworkForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(await WithSourcesAsync(form, cancellationToken));
        }

        var result = await frameworks.CreateCopyAsync(form.SourceFrameworkId!.Value, form.Year!.Value, form.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            var duplicate = EngagementFrameworkService.DuplicateYearMessage(form.Year.Value);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error == duplicate ? nameof(form.Year) : string.Empty, error);
            }

            return View(await WithSourcesAsync(form, cancellationToken));
        }

        TempData["Success"] = $"Le référentiel {form.Year} a été créé en brouillon. Complétez ses engagements, puis activez-le.";
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    // ---- Engagements of a draft

    [HttpGet]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> EditEngagement(int id, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                e.Number,
                e.Wording,
                e.Group,
                SubCriteria = e.SubCriteria.OrderBy(c => c.Order).Select(c => c.Wording).ToList(),
                Framework = new FrameworkHeader(e.Framework!.Id, e.Framework.Year, e.Framework.Name),
                e.Framework.Status,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }

        if (engagement.Status != FrameworkStatus.Draft)
        {
            TempData["Error"] = EngagementFrameworkService.NotEditableMessage;
            return RedirectToAction(nameof(Details), new { id = engagement.Framework.Id });
        }

        return View(WithGroups(new EngagementForm
        {
            Wording = engagement.Wording,
            Group = engagement.Group,
            SubCriteria = string.Join("\n", engagement.SubCriteria),
            Framework = engagement.Framework,
            Number = engagement.Number,
        }));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> EditEngagement(int id, EngagementForm form, CancellationToken cancellationToken)
    {
        var current = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new { e.Number, Framework = new FrameworkHeader(e.Framework!.Id, e.Framework.Year, e.Framework.Name) })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        form.Framework = current.Framework;
        form.Number = current.Number;
        if (!ModelState.IsValid)
        {
            return View(WithGroups(form));
        }

        var result = await frameworks.UpdateEngagementAsync(id, form.Wording!, form.Group, form.SubCriteriaLines(), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Contains(EngagementFrameworkService.NotEditableMessage))
            {
                TempData["Error"] = EngagementFrameworkService.NotEditableMessage;
                return RedirectToAction(nameof(Details), new { id = current.Framework.Id });
            }

            AddErrors(result);
            return View(WithGroups(form));
        }

        TempData["Success"] = $"L'engagement n° {current.Number} a été enregistré.";
        return RedirectToAction(nameof(Details), new { id = current.Framework.Id });
    }

    /// <summary>GET/POST /Engagements/Frameworks/AddEngagement/{id}: id is the draft framework's.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> AddEngagement(int id, CancellationToken cancellationToken)
    {
        var framework = await FindHeaderAsync(id, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        if (framework.Value.Status != FrameworkStatus.Draft)
        {
            TempData["Error"] = EngagementFrameworkService.NotEditableMessage;
            return RedirectToAction(nameof(Details), new { id });
        }

        return View("EditEngagement", WithGroups(new EngagementForm { Framework = framework.Value.Header }));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> AddEngagement(int id, EngagementForm form, CancellationToken cancellationToken)
    {
        var framework = await FindHeaderAsync(id, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        form.Framework = framework.Value.Header;
        if (!ModelState.IsValid)
        {
            return View("EditEngagement", WithGroups(form));
        }

        var result = await frameworks.AddEngagementAsync(id, form.Wording!, form.Group, form.SubCriteriaLines(), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Contains(EngagementFrameworkService.NotEditableMessage))
            {
                TempData["Error"] = EngagementFrameworkService.NotEditableMessage;
                return RedirectToAction(nameof(Details), new { id });
            }

            AddErrors(result);
            return View("EditEngagement", WithGroups(form));
        }

        TempData["Success"] = "L'engagement a été ajouté à la fin du référentiel.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> RemoveEngagement(int id, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                Model = new RemoveEngagementViewModel(e.Id, e.Number, e.Wording, e.SubCriteria.Count,
                    new FrameworkHeader(e.Framework!.Id, e.Framework.Year, e.Framework.Name)),
                e.Framework.Status,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }

        if (engagement.Status != FrameworkStatus.Draft)
        {
            TempData["Error"] = EngagementFrameworkService.NotEditableMessage;
            return RedirectToAction(nameof(Details), new { id = engagement.Model.Framework.Id });
        }

        return View(engagement.Model);
    }

    [HttpPost]
    [ActionName(nameof(RemoveEngagement))]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> RemoveEngagementConfirmed(int id, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new { e.FrameworkId, e.Number })
            .FirstOrDefaultAsync(cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }

        var result = await frameworks.RemoveEngagementAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = $"L'engagement n° {engagement.Number} a été supprimé ; les suivants ont été renumérotés.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Details), new { id = engagement.FrameworkId });
    }

    // ---- Activation

    [HttpGet]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> Activate(int id, CancellationToken cancellationToken)
    {
        var model = await ActivationModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost]
    [ActionName(nameof(Activate))]
    [Authorize(Policy = Policies.ManageFrameworks)]
    public async Task<IActionResult> ActivateConfirmed(int id, CancellationToken cancellationToken)
    {
        var framework = await FindHeaderAsync(id, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        var result = await frameworks.ActivateAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            var model = await ActivationModelAsync(id, cancellationToken);
            AddErrors(result);
            return View(model);
        }

        TempData["Success"] = $"Le référentiel {framework.Value.Header.Year} est désormais actif.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<ActivateFrameworkViewModel?> ActivationModelAsync(int id, CancellationToken cancellationToken)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { Header = new FrameworkHeader(f.Id, f.Year, f.Name), f.Status, Count = f.Engagements.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var active = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Status == FrameworkStatus.Active && f.Id != id)
            .OrderByDescending(f => f.Year)
            .Select(f => new FrameworkHeader(f.Id, f.Year, f.Name))
            .FirstOrDefaultAsync(cancellationToken);
        var check = await frameworks.CheckActivationAsync(id, cancellationToken);
        return new ActivateFrameworkViewModel
        {
            Framework = framework.Header,
            Status = framework.Status,
            EngagementCount = framework.Count,
            CurrentActive = active,
            Problems = check.Errors,
        };
    }

    private async Task<(FrameworkHeader Header, FrameworkStatus Status)?> FindHeaderAsync(int id, CancellationToken cancellationToken)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { Header = new FrameworkHeader(f.Id, f.Year, f.Name), f.Status })
            .FirstOrDefaultAsync(cancellationToken);
        return framework is null ? null : (framework.Header, framework.Status);
    }

    private async Task<CreateFrameworkForm> WithSourcesAsync(CreateFrameworkForm form, CancellationToken cancellationToken)
    {
        var sources = await db.EngagementFrameworks.AsNoTracking()
            .OrderByDescending(f => f.Year)
            .Select(f => new { f.Id, f.Year, f.Name, f.Status })
            .ToListAsync(cancellationToken);
        form.Sources = sources
            .Select(f => new SelectListItem($"{f.Year} — {f.Name} ({f.Status.Label().ToLowerInvariant()})", f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return form;
    }

    private static EngagementForm WithGroups(EngagementForm form)
    {
        form.Groups = Enum.GetValues<EngagementGroup>()
            .Select(g => new SelectListItem(g.Label(), g.ToString()))
            .ToList();
        return form;
    }

    private void AddErrors(OperationResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }
    }

    private async Task<bool> CanManageAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.ManageFrameworks)).Succeeded;
}
