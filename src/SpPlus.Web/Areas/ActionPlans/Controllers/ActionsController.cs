using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Areas.ActionPlans.Models;
using SpPlus.Web.Areas.Indicators.Controllers;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.ActionPlans.Controllers;

/// <summary>
/// Actions of the plans: the consolidated view ("Suivi des actions"), an action's page, its creation (pre-filled from
/// its source), edit and removal while the plan is a draft, and the update of its status and progress (logged).
/// An action is read by whoever reads its plan (<see cref="ReviewedDocumentAccess"/>).
/// </summary>
[Area("ActionPlans")]
[Authorize(Policy = Policies.Staff)]
public sealed class ActionsController(
    SpPlusDbContext db,
    ActionPlanService plans,
    ReviewActorFactory actors,
    UserScope scope,
    ReviewedDocumentAccess access,
    TimeProvider time) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(
        int? year, int? structureId, int? engagement, ActionStatus? status, string? owner, bool late = false, bool asked = false, int page = 1,
        CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAsync(db.ActionPlans.AsNoTracking(), cancellationToken);
        var filter = new ActionFilter
        {
            Year = year, StructureId = structureId, EngagementNumber = engagement, Status = status, Owner = owner, LateOnly = late, ShowToUsersOnly = asked,
        };
        var actions = await plans.SearchAsync(visible, filter, page, cancellationToken);
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var years = (await visible.Select(p => p.Year).Distinct().ToListAsync(cancellationToken)).OrderDescending();
        var engagements = await plans.ActiveEngagementsAsync(cancellationToken);
        return View(new ActionListViewModel
        {
            Year = year,
            StructureId = structureId,
            Engagement = engagement,
            Status = status,
            Owner = owner,
            Late = late,
            Asked = asked,
            YearChoices = years.Select(y => new SelectListItem(ActionFormat.Id(y), ActionFormat.Id(y))).ToList(),
            StructureChoices = structures.Select(s => new SelectListItem(s.Name, ActionFormat.Id(s.Id))).ToList(),
            EngagementChoices = engagements.Select(e => new SelectListItem(e.Label, ActionFormat.Id(e.Number))).ToList(),
            IsFiltered = year is not null || structureId is not null || engagement is not null || status is not null
                || !string.IsNullOrWhiteSpace(owner) || late || asked,
            Actions = actions,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(action.StructureId, action.PlanState))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var (url, text) = action.Source is { Origin: ActionOrigin.Indicator, IndicatorId: { } indicatorId }
            ? (await IndicatorLinkAsync(indicatorId, action.StructureId, cancellationToken), action.Source.IndicatorLabel)
            : SourceLink(action.Source);
        return View(new ActionDetailsViewModel
        {
            Action = action,
            CanEditContent = ReviewRules.CanEditContent(action.PlanState, actor, action.StructureId),
            CanUpdateProgress = ActionPlanService.CanUpdateProgress(action.PlanState, actor, action.StructureId),
            SourceUrl = url,
            SourceText = text,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(
        int? structureId, int? year, ActionOrigin? origin, int? assessmentId, int? criterionId, int? experienceId, int? documentReportId, int? indicatorId,
        CancellationToken cancellationToken)
    {
        if (structureId is not { } structure)
        {
            TempData["Error"] = "Ouvrez d'abord le plan d'action de la structure, puis ajoutez-y une action.";
            return RedirectToAction(nameof(PlansController.Index), "Plans");
        }

        if (!await scope.CanEditAsync(structure, cancellationToken))
        {
            return Forbid();
        }

        var planYear = year ?? time.CurrentYear();
        if (await RefuseClosedPlanAsync(structure, planYear, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var form = new ActionForm { StructureId = structure, Year = planYear, Origin = origin ?? ActionOrigin.Other, Progress = 0 };
        await PrefillAsync(form, structure, assessmentId, criterionId, experienceId, documentReportId, indicatorId, cancellationToken);
        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Create(ActionForm form, CancellationToken cancellationToken)
    {
        if (form.StructureId is not { } structure || form.Year is not { } year)
        {
            return BadRequest();
        }

        if (!await scope.CanEditAsync(structure, cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var actor = await actors.CurrentAsync(cancellationToken);
            var result = await plans.CreateActionAsync(structure, year, form.ToInput(), actor, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "L'action a été ajoutée au plan.";
                return RedirectToAction(nameof(Details), new { id = result.Id });
            }

            AddErrors(result);
        }

        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (await RefuseEditAsync(action, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var form = ActionForm.From(action);
        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, ActionForm form, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (await RefuseEditAsync(action, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        form.StructureId = action.StructureId;
        form.Year = action.Year;
        if (ModelState.IsValid)
        {
            var actor = await actors.CurrentAsync(cancellationToken);
            var result = await plans.UpdateActionAsync(id, form.ToInput(), form.Token, actor, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "L'action a été enregistrée.";
                return RedirectToAction(nameof(Details), new { id });
            }

            AddErrors(result);
            if (result.IsConflict && await CurrentTokenAsync(id, cancellationToken) is { } current)
            {
                // The typed values stay; the next save applies to the version the user has now been warned about.
                ModelState.Remove(nameof(ActionForm.Token));
                form.Token = current;
            }
        }

        await FillChoicesAsync(form, cancellationToken);
        return View(form);
    }

    [HttpGet]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        return await RefuseEditAsync(action, cancellationToken) ?? View(new DeleteActionViewModel { Action = action });
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(int id, Guid token, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (await RefuseEditAsync(action, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await plans.DeleteActionAsync(id, token, actor, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Details), new { id });
        }

        TempData["Success"] = $"L'action « {action.Title} » a été retirée du plan.";
        return RedirectToAction(nameof(PlansController.Details), "Plans", new { id = action.PlanId });
    }

    [HttpGet]
    public async Task<IActionResult> Progress(int id, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (await RefuseProgressAsync(action, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return View(new ProgressForm { Status = action.Status, Progress = action.Progress, Token = action.ConcurrencyToken, Action = action });
    }

    [HttpPost]
    public async Task<IActionResult> Progress(int id, ProgressForm form, CancellationToken cancellationToken)
    {
        var action = await plans.GetActionAsync(id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (await RefuseProgressAsync(action, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        form.Action = action;
        if (form.Progress is null && ModelState.GetFieldValidationState(nameof(ProgressForm.Progress)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(ProgressForm.Progress), "Indiquez l'avancement, de 0 à 100 %.");
        }

        if (ModelState.IsValid && form.Progress is { } progress)
        {
            var actor = await actors.CurrentAsync(cancellationToken);
            var result = await plans.UpdateProgressAsync(id, form.Status, progress, form.Comment, form.Token, actor, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "L'avancement de l'action a été mis à jour.";
                return RedirectToAction(nameof(Details), new { id });
            }

            AddErrors(result);
            if (result.IsConflict && await plans.GetActionAsync(id, cancellationToken) is { } current)
            {
                // The typed values stay, shown against the action as it is now; the next save applies to that version.
                ModelState.Remove(nameof(ProgressForm.Token));
                form.Token = current.ConcurrencyToken;
                form.Action = current;
            }
        }

        return View(form);
    }

    /// <summary>
    /// Null when the user may change the action's content now; 403 for someone who could never change this structure's
    /// plans; back to the action with the reason when the plan's state forbids it.
    /// </summary>
    private async Task<IActionResult?> RefuseEditAsync(ActionDetails action, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditAsync(action.StructureId, cancellationToken))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        if (ReviewRules.CanEditContent(action.PlanState, actor, action.StructureId))
        {
            return null;
        }

        TempData["Error"] = action.PlanState == ReviewState.Draft ? ActionPlanService.NotAllowedMessage : ActionPlanService.NotDraftMessage;
        return RedirectToAction(nameof(Details), new { id = action.Id });
    }

    private async Task<IActionResult?> RefuseProgressAsync(ActionDetails action, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditAsync(action.StructureId, cancellationToken))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        if (ActionPlanService.CanUpdateProgress(action.PlanState, actor, action.StructureId))
        {
            return null;
        }

        TempData["Error"] = "L'avancement de cette action ne peut pas être mis à jour tant que le plan est en relecture : il le sera de nouveau une fois le plan validé.";
        return RedirectToAction(nameof(Details), new { id = action.Id });
    }

    private async Task<IActionResult?> RefuseClosedPlanAsync(int structureId, int year, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.StructureId == structureId && p.Year == year)
            .Select(p => new { p.Id, p.State }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null || plan.State == ReviewState.Draft)
        {
            return null;
        }

        TempData["Error"] = ActionPlanService.NotDraftMessage;
        return RedirectToAction(nameof(PlansController.Details), "Plans", new { id = plan.Id });
    }

    /// <summary>The action's concurrency token as it is now; null when it no longer exists.</summary>
    private async Task<Guid?> CurrentTokenAsync(int id, CancellationToken cancellationToken) =>
        await db.ImprovementActions.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.ConcurrencyToken).FirstOrDefaultAsync(cancellationToken);

    private void AddErrors(ActionSaveResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }
    }

    /// <summary>Fills a new action from its source: the criterion, the experience, the document report or the indicator.</summary>
    private async Task PrefillAsync(
        ActionForm form, int structureId, int? assessmentId, int? criterionId, int? experienceId, int? documentReportId, int? indicatorId,
        CancellationToken cancellationToken)
    {
        switch (form.Origin)
        {
            case ActionOrigin.Criterion when criterionId is { } cid && assessmentId is { } aid:
                var criterion = await db.CriterionRatings.AsNoTracking()
                    .Where(r => r.AssessmentId == aid && r.CriterionId == cid && r.Assessment!.StructureId == structureId)
                    .Select(r => new { r.Criterion!.Wording, r.Criterion.EngagementId, r.Criterion.Engagement!.Number, r.Level, r.Assessment!.Year })
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? await db.AssessmentCriteria.AsNoTracking().Where(c => c.Id == cid)
                        .Select(c => new { c.Wording, c.EngagementId, c.Engagement!.Number, Level = (MaturityLevel?)null, Year = 0 })
                        .FirstOrDefaultAsync(cancellationToken);
                if (criterion is not null)
                {
                    form.SourceAssessmentId = aid;
                    form.SourceCriterionId = cid;
                    form.Title = Cut($"Améliorer : {criterion.Wording}", ActionPlanService.TitleMaxLength);
                    form.EngagementId = await ActiveEngagementAsync(criterion.EngagementId, criterion.Number, cancellationToken);
                    form.OriginDetail = criterion.Level is { } level && criterion.Year > 0
                        ? $"Critère noté « {level.Label()} » dans l'auto-évaluation {criterion.Year}."
                        : null;
                }

                break;
            case ActionOrigin.Experience when experienceId is { } eid:
                var experience = await db.Experiences.AsNoTracking().Where(e => e.Id == eid && e.StructureId == structureId)
                    .Select(e => new { e.Title }).FirstOrDefaultAsync(cancellationToken);
                if (experience is not null)
                {
                    form.SourceExperienceId = eid;
                    form.Title = Cut($"Suite à l'avis : {experience.Title ?? "avis sans titre"}", ActionPlanService.TitleMaxLength);
                }

                break;
            case ActionOrigin.Indicator when indicatorId is { } iid:
                var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == iid)
                    .Select(i => new { i.Label, i.EngagementId, Number = (int?)i.Engagement!.Number }).FirstOrDefaultAsync(cancellationToken);
                if (indicator is not null)
                {
                    form.SourceIndicatorId = iid;
                    form.Title = Cut($"Améliorer l'indicateur : {indicator.Label}", ActionPlanService.TitleMaxLength);
                    if (indicator.EngagementId is { } engagementId && indicator.Number is { } number)
                    {
                        form.EngagementId = await ActiveEngagementAsync(engagementId, number, cancellationToken);
                    }
                }

                break;
            case ActionOrigin.Other when documentReportId is { } rid:
                var report = await db.DocumentReports.AsNoTracking().Where(r => r.Id == rid && r.StructureId == structureId)
                    .Select(r => new { r.DocumentName }).FirstOrDefaultAsync(cancellationToken);
                if (report is not null)
                {
                    form.SourceDocumentReportId = rid;
                    form.Title = Cut($"Simplifier le document : {report.DocumentName}", ActionPlanService.TitleMaxLength);
                    form.OriginDetail = Cut($"Signalement d'un document difficile à comprendre : {report.DocumentName}", ActionPlanService.OriginDetailMaxLength);
                }

                break;
        }
    }

    /// <summary>The engagement itself when it belongs to the active framework, otherwise the active one with the same number.</summary>
    private async Task<int?> ActiveEngagementAsync(int engagementId, int number, CancellationToken cancellationToken)
    {
        var active = await plans.ActiveEngagementsAsync(cancellationToken);
        return active.Any(e => e.Id == engagementId) ? engagementId : active.FirstOrDefault(e => e.Number == number)?.Id;
    }

    private async Task FillChoicesAsync(ActionForm form, CancellationToken cancellationToken)
    {
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == form.StructureId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        form.PlanLabel = $"{structure} — {form.Year}";
        var engagements = await plans.ActiveEngagementsAsync(cancellationToken);
        form.EngagementChoices = engagements.Select(e => new SelectListItem(e.Label, ActionFormat.Id(e.Id))).ToList();
        form.OriginChoices = Enum.GetValues<ActionOrigin>()
            .Where(o => o is not (ActionOrigin.Criterion or ActionOrigin.Experience) || o == form.Origin)
            .Select(o => new SelectListItem(o.Label(), o.ToString())).ToList();
        form.IndicatorChoices = (await db.Indicators.AsNoTracking().Where(i => i.IsActive || i.Id == form.SourceIndicatorId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Label)
            .Select(i => new { i.Id, i.Label }).ToListAsync(cancellationToken))
            .Select(i => new SelectListItem(i.Label, ActionFormat.Id(i.Id))).ToList();
        form.MeetingChoices = (await db.RecentAsync(MeetingKind.Clac, cancellationToken))
            .Select(m => new SelectListItem(m.Label, ActionFormat.Id(m.Id))).ToList();
        form.SourceLabel = form.Origin switch
        {
            ActionOrigin.Criterion when form.SourceCriterionId is { } cid =>
                "Critère : " + await db.AssessmentCriteria.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Wording).FirstOrDefaultAsync(cancellationToken),
            ActionOrigin.Experience when form.SourceExperienceId is { } eid =>
                "Avis d'usager : " + (await db.Experiences.AsNoTracking().Where(e => e.Id == eid).Select(e => e.Title).FirstOrDefaultAsync(cancellationToken) ?? "avis sans titre"),
            ActionOrigin.Other when form.SourceDocumentReportId is { } rid =>
                "Document difficile à comprendre : " + await db.DocumentReports.AsNoTracking().Where(r => r.Id == rid).Select(r => r.DocumentName).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
    }

    private (string? Url, string? Text) SourceLink(ActionSource source) => source.Origin switch
    {
        ActionOrigin.Criterion when source.AssessmentId is { } aid =>
            (Url.Content($"~/SelfAssessments/Assessments/Details/{aid}"), $"{source.CriterionWording} (auto-évaluation {source.AssessmentYear})"),
        ActionOrigin.Experience when source.ExperienceId is { } eid => (Url.Content($"~/Feedback/Experiences/Details/{eid}"), source.ExperienceTitle),
        ActionOrigin.ClacSuggestion when source.Meeting is { } meeting => (Url.Content($"~/Governance/Meetings/Details/{meeting.Id}"), meeting.Label),
        _ => (null, null),
    };

    /// <summary>
    /// The indicator's own place: its chart on the trends page of the action's structure, or of the département when
    /// it does not apply to that structure's type; the catalogue for an indicator no longer followed (no chart).
    /// </summary>
    private async Task<string> IndicatorLinkAsync(int indicatorId, int structureId, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId)
            .Select(i => new
            {
                i.Code,
                i.IsActive,
                AppliesToStructure = db.Structures.Any(s => s.Id == structureId && i.StructureTypes.Any(t => t.StructureType == s.Type)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (indicator is not { IsActive: true })
        {
            return Url.Content("~/Indicators/Catalogue");
        }

        var scope = indicator.AppliesToStructure ? structureId : TrendsController.DepartmentChoice;
        return Url.Content($"~/Indicators/Trends?structureId={ActionFormat.Id(scope)}#{TrendsController.SectionId(indicator.Code)}");
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
