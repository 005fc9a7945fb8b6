using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.ActionPlans.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.ActionPlans.Controllers;

/// <summary>
/// Action plans: list, opening a structure's plan for a year, a plan's page with its actions, and its review. Who reads
/// a plan is <see cref="ReviewedDocumentAccess"/>; who changes its actions is the review rule table
/// (<see cref="ReviewRules.CanEditContent"/>) and, after validation, <see cref="ActionRules.CanUpdateProgress"/>.
/// </summary>
[Area("ActionPlans")]
[Authorize(Policy = Policies.Staff)]
public sealed class PlansController(
    SpPlusDbContext db,
    ActionPlanService plans,
    ReviewService reviewService,
    ReviewActorFactory actors,
    UserScope scope,
    ReviewedDocumentAccess access) : Controller
{

    [HttpGet]
    public async Task<IActionResult> Index(int? structureId, int? year, ReviewState? state, int page = 1, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAsync(db.ActionPlans.AsNoTracking(), cancellationToken);
        var list = await plans.ListPlansAsync(visible, structureId, year, state, page, cancellationToken);
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var years = await visible.Select(p => p.Year).Distinct().ToListAsync(cancellationToken);
        years = years.Union(plans.OpenableYears).OrderDescending().ToList();

        OpenPlanForm? open = null;
        var editable = new List<SelectListItem>();
        foreach (var structure in structures.Where(s => s.IsActive))
        {
            if (await scope.CanEditAsync(structure.Id, cancellationToken))
            {
                editable.Add(new SelectListItem(structure.Name, ActionFormat.Id(structure.Id)));
            }
        }

        if (editable.Count > 0)
        {
            open = new OpenPlanForm
            {
                OpenStructureId = editable.Count == 1 ? int.Parse(editable[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                OpenYear = plans.OpenableYears[1],
                StructureChoices = editable,
                YearChoices = plans.OpenableYears.Select(y => new SelectListItem(ActionFormat.Id(y), ActionFormat.Id(y))).ToList(),
            };
        }

        return View(new PlanListViewModel
        {
            StructureId = structureId,
            Year = year,
            State = state,
            StructureChoices = structures.Select(s => new SelectListItem(s.Name, ActionFormat.Id(s.Id))).ToList(),
            YearChoices = years.Select(y => new SelectListItem(ActionFormat.Id(y), ActionFormat.Id(y))).ToList(),
            StateChoices = new[] { ReviewState.Draft, ReviewState.Submitted, ReviewState.Approved, ReviewState.Validated }
                .Select(s => new SelectListItem(s.Label(), s.ToString())).ToList(),
            IsFiltered = structureId is not null || year is not null || state is not null,
            Plans = list,
            Open = open,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Open([Bind(Prefix = "open")] OpenPlanForm form, CancellationToken cancellationToken)
    {
        if (form.OpenStructureId is not { } structureId || form.OpenYear is not { } year)
        {
            TempData["Error"] = "Choisissez une structure et une année.";
            return RedirectToAction(nameof(Index));
        }

        if (!await scope.CanEditAsync(structureId, cancellationToken))
        {
            return Forbid();
        }

        var result = await plans.OpenAsync(structureId, year, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var plan = await plans.GetPlanAsync(id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(plan.StructureId, plan.State))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var history = await reviewService.HistoryAsync(ReviewDocumentKind.ActionPlan, id, cancellationToken);
        var mayValidate = ReviewRules.AllowedFor(ReviewDocumentKind.ActionPlan, plan.State, actor, plan.StructureId).Any(r => r.MeetingRequired);
        return View(new PlanDetailsViewModel
        {
            Plan = plan,
            CanEditContent = ReviewRules.CanEditContent(plan.State, actor, plan.StructureId),
            CanUpdateProgress = ActionPlanService.CanUpdateProgress(plan.State, actor, plan.StructureId),
            Review = new ReviewPanelModel
            {
                Kind = ReviewDocumentKind.ActionPlan,
                State = plan.State,
                StructureId = plan.StructureId,
                ConcurrencyToken = plan.ConcurrencyToken,
                PostUrl = Url.Action(nameof(Review), new { id })!,
                Actor = actor,
                History = history,
                Comment = ReviewTempData.TypedComment(TempData),
                CommentAction = ReviewTempData.TypedCommentAction(TempData),
                MeetingChoices = mayValidate ? await db.RecentAsync(MeetingKind.Copil, cancellationToken) : [],
            },
        });
    }

    [HttpPost]
    public async Task<IActionResult> Review(int id, ReviewPostForm form, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.StructureId, p.State }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(plan.StructureId, plan.State))
        {
            return Forbid();
        }

        if (form.ReviewAction is not { } action)
        {
            return BadRequest();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await plans.ReviewAsync(id, actor, form.ToRequest(action), cancellationToken);
        ReviewTempData.Keep(TempData, action, form, result, SuccessMessage(action));

        return RedirectToAction(nameof(Details), new { id });
    }

    private static string SuccessMessage(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "Le plan d'action a été soumis au référent.",
        ReviewAction.Approve => "Le plan d'action a été approuvé : il attend la validation du COPIL.",
        ReviewAction.Return => "Le plan d'action a été renvoyé pour correction.",
        ReviewAction.Validate => "Le plan d'action a été validé en COPIL.",
        ReviewAction.Reopen => "Le plan d'action a été rouvert : il est de nouveau en brouillon.",
        _ => "C'est fait.",
    };
}
