using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Areas.SelfAssessments.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Charts;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.SelfAssessments.Controllers;

/// <summary>
/// Yearly self-assessments: list, opening a year, rating the criteria, scores and radar chart against last year's
/// validated assessment, and the review workflow (submit, approve or return, COPIL validation with its meeting). Who
/// reads an assessment is <see cref="ReviewedDocumentAccess"/>; who writes it, the structure's Edit operation and
/// <see cref="ReviewRules.CanEditContent"/>.
/// </summary>
[Area("SelfAssessments")]
[Authorize(Policy = Policies.Staff)]
public sealed class AssessmentsController(
    SpPlusDbContext db,
    SelfAssessmentService assessments,
    ReviewService reviewService,
    ReviewActorFactory actors,
    UserScope scope,
    ReviewedDocumentAccess access,
    IAuthorizationService authorization) : Controller
{

    [HttpGet]
    public async Task<IActionResult> Index(int? structureId, int? year, ReviewState? state, int page = 1, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAsync(db.SelfAssessments.AsNoTracking(), cancellationToken);
        IReadOnlyCollection<int>? own = null;
        if (structureId is null && !Request.Query.ContainsKey("structureId") && IsOnlyCorrespondent())
        {
            own = await scope.GetStructureIdsAsync(cancellationToken);
        }

        var list = await assessments.ListAsync(visible, new AssessmentListFilter(structureId, year, state, own), page, cancellationToken);
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var years = await visible.Select(a => a.Year).Distinct().ToListAsync(cancellationToken);

        return View(new AssessmentListViewModel
        {
            StructureId = structureId,
            Year = year,
            State = state,
            StructureChoices = structures.Select(s => new SelectListItem(s.Name, Id(s.Id))).ToList(),
            YearChoices = years.Union(assessments.OpenableYears).OrderDescending().Select(y => new SelectListItem(Id(y), Id(y))).ToList(),
            StateChoices = new[] { ReviewState.Draft, ReviewState.Submitted, ReviewState.Approved, ReviewState.Validated }
                .Select(s => new SelectListItem(s.Label(), s.ToString())).ToList(),
            IsFiltered = structureId is not null || year is not null || state is not null,
            ShowingOwnStructures = own is not null,
            List = list,
            Open = await OpenFormAsync(structures.Where(s => s.IsActive).Select(s => (s.Id, s.Name))),
        });
    }

    [HttpPost]
    public async Task<IActionResult> Open([Bind(Prefix = "open")] OpenAssessmentForm form, CancellationToken cancellationToken)
    {
        if (form.OpenStructureId is not { } structureId || form.OpenYear is not { } year)
        {
            TempData["Error"] = "Choisissez une structure et une année.";
            return RedirectToAction(nameof(Index));
        }

        if (!await IsAllowedAsync(structureId, StructureOperations.Edit))
        {
            return Forbid();
        }

        var result = await assessments.OpenAsync(structureId, year, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Index));
        }

        var state = await db.SelfAssessments.AsNoTracking().Where(a => a.Id == result.Value).Select(a => a.State).FirstAsync(cancellationToken);
        return state == ReviewState.Draft
            ? RedirectToAction(nameof(Edit), new { id = result.Value })
            : RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var sheet = await assessments.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(sheet.StructureId, sheet.State))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var history = await reviewService.HistoryAsync(ReviewDocumentKind.SelfAssessment, id, cancellationToken);
        var allowed = ReviewRules.AllowedFor(ReviewDocumentKind.SelfAssessment, sheet.State, actor, sheet.StructureId);
        return View(new AssessmentDetailsViewModel
        {
            Sheet = sheet,
            CanEdit = ReviewRules.CanEditContent(sheet.State, actor, sheet.StructureId),
            // An action goes into the structure's plan of the same year, which takes new actions only while it is a draft
            // (or before it exists).
            CanCreateActions = await IsAllowedAsync(sheet.StructureId, StructureOperations.Edit)
                && !await db.ActionPlans.AnyAsync(p => p.StructureId == sheet.StructureId && p.Year == sheet.Year && p.State != ReviewState.Draft, cancellationToken),
            Radar = Radar(sheet),
            Review = new ReviewPanelModel
            {
                Kind = ReviewDocumentKind.SelfAssessment,
                State = sheet.State,
                StructureId = sheet.StructureId,
                ConcurrencyToken = sheet.ConcurrencyToken,
                PostUrl = Url.Action(nameof(Review), new { id })!,
                Actor = actor,
                History = history,
                Comment = ReviewTempData.TypedComment(TempData),
                CommentAction = ReviewTempData.TypedCommentAction(TempData),
                MeetingChoices = allowed.Any(r => r.MeetingRequired) ? await db.RecentAsync(MeetingKind.Copil, cancellationToken) : [],
            },
        });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var sheet = await assessments.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        var refusal = await RefuseEditAsync(sheet, cancellationToken);
        return refusal ?? View(AssessmentEditForm.From(sheet));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, AssessmentEditForm form, CancellationToken cancellationToken)
    {
        var sheet = await assessments.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        var refusal = await RefuseEditAsync(sheet, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        form.Sheet = sheet;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await assessments.SaveRatingsAsync(id, form.ToEntries(), form.Token, actor, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors)
            {
                ModelState.AddModelError(string.Empty, message);
            }

            foreach (var error in result.RatingErrors)
            {
                var index = form.Rows.FindIndex(r => r.CriterionId == error.CriterionId);
                var field = error.Field switch
                {
                    RatingField.Evidence => nameof(RatingRow.Evidence),
                    RatingField.Comment => nameof(RatingRow.Comment),
                    _ => nameof(RatingRow.Level),
                };
                ModelState.AddModelError(index < 0 ? string.Empty : $"{nameof(AssessmentEditForm.Rows)}[{index}].{field}", $"Critère {error.CriterionNumber} : {error.Message}");
            }

            if (result.IsConflict && await CurrentTokenAsync(id, cancellationToken) is { } current)
            {
                // The typed ratings stay; the next save applies to the version the user has now been warned about.
                ModelState.Remove(nameof(AssessmentEditForm.Token));
                form.Token = current;
            }

            return View(form);
        }

        TempData["Success"] = "L'auto-évaluation a été enregistrée.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Review(int id, ReviewPostForm form, CancellationToken cancellationToken)
    {
        var assessment = await db.SelfAssessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.StructureId, a.State }).FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(assessment.StructureId, assessment.State))
        {
            return Forbid();
        }

        if (form.ReviewAction is not { } action)
        {
            return BadRequest();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await assessments.ReviewAsync(id, actor, form.ToRequest(action), cancellationToken);
        ReviewTempData.Keep(TempData, action, form, result, SuccessMessage(action));

        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The assessment's concurrency token as it is now; null when it no longer exists.</summary>
    private async Task<Guid?> CurrentTokenAsync(int id, CancellationToken cancellationToken) =>
        await db.SelfAssessments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.ConcurrencyToken).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The radar chart: one axis per engagement (E1..E9), this year and last year's validated assessment.</summary>
    private static RadarChartModel Radar(AssessmentSheet sheet)
    {
        var engagements = sheet.Engagements;
        var series = new List<RadarSeries>
        {
            new(sheet.Year.ToString(CultureInfo.InvariantCulture), engagements.Select(e => e.Score).ToList()),
        };
        if (sheet.PreviousScores is not null)
        {
            series.Add(new RadarSeries($"{sheet.Year - 1} (validée)", engagements.Select(e => e.PreviousScore).ToList()));
        }

        return new RadarChartModel(
            $"radar-{sheet.Id}",
            $"Scores par engagement, {sheet.StructureName}, {sheet.Year}",
            engagements.Select(e => $"E{e.Number}").ToList(),
            series);
    }

    /// <summary>
    /// Null when the user may change this assessment's ratings now; otherwise 403 for someone who could never edit them,
    /// or back to the assessment with a message when only its state forbids it.
    /// </summary>
    private async Task<IActionResult?> RefuseEditAsync(AssessmentSheet sheet, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(sheet.StructureId, StructureOperations.Edit))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        if (ReviewRules.CanEditContent(sheet.State, actor, sheet.StructureId))
        {
            return null;
        }

        TempData["Error"] = sheet.State == ReviewState.Draft ? SelfAssessmentService.NotAllowedMessage : SelfAssessmentService.LockedMessage;
        return RedirectToAction(nameof(Details), new { id = sheet.Id });
    }

    private async Task<OpenAssessmentForm?> OpenFormAsync(IEnumerable<(int Id, string Name)> activeStructures)
    {
        var allowed = new List<SelectListItem>();
        foreach (var (structure, name) in activeStructures)
        {
            if (await IsAllowedAsync(structure, StructureOperations.Edit))
            {
                allowed.Add(new SelectListItem(name, Id(structure)));
            }
        }

        if (allowed.Count == 0)
        {
            return null;
        }

        var years = assessments.OpenableYears;
        return new OpenAssessmentForm
        {
            OpenStructureId = allowed.Count == 1 ? int.Parse(allowed[0].Value, CultureInfo.InvariantCulture) : null,
            OpenYear = years[1],
            StructureChoices = allowed,
            YearChoices = years.OrderDescending().Select(y => new SelectListItem(Id(y), Id(y))).ToList(),
        };
    }

    private bool IsOnlyCorrespondent() =>
        User.IsInRole(RoleNames.Correspondent) && !User.IsInRole(RoleNames.Referent) && !User.IsInRole(RoleNames.Administrator);

    private async Task<bool> IsAllowedAsync(int structureId, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, new StructureResource(structureId), operation)).Succeeded;

    private static string SuccessMessage(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "L'auto-évaluation a été soumise au référent.",
        ReviewAction.Approve => "L'auto-évaluation a été approuvée : elle attend la validation du COPIL.",
        ReviewAction.Return => "L'auto-évaluation a été renvoyée au correspondant pour correction.",
        ReviewAction.Validate => "L'auto-évaluation a été validée en COPIL.",
        ReviewAction.Reopen => "L'auto-évaluation a été rouverte : elle est de nouveau en brouillon.",
        _ => "C'est fait.",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
