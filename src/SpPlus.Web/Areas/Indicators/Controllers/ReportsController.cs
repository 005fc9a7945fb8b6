using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Indicators.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.Indicators.Controllers;

/// <summary>
/// Quarterly reports: list, opening a quarter, entry, review and publication. Who reads a report is the rule of every
/// reviewed document, <see cref="ReviewedDocumentAccess"/>.
/// Writing is decided by the review rule table (<see cref="ReviewRules.CanEditContent"/>) and <see cref="ReviewService"/>.
/// </summary>
[Area("Indicators")]
[Authorize(Policy = Policies.Staff)]
public sealed class ReportsController(
    SpPlusDbContext db,
    QuarterlyReportService reports,
    ReviewService reviewService,
    ReviewActorFactory actors,
    UserScope scope,
    ReviewedDocumentAccess access,
    IAuthorizationService authorization) : Controller
{
    private const int PageSize = 25;
    private const int OpenableQuarters = 8;

    [HttpGet]
    public async Task<IActionResult> Index(int? structureId, string? quarter, ReviewState? state, int page = 1, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(db.QuarterlyReports.AsNoTracking(), cancellationToken);
        var filtered = visible;

        var ownStructures = false;
        if (structureId is { } chosen)
        {
            filtered = filtered.Where(r => r.StructureId == chosen);
        }
        else if (!Request.Query.ContainsKey("structureId") && IsOnlyCorrespondent())
        {
            var mine = await scope.GetStructureIdsAsync(cancellationToken);
            filtered = filtered.Where(r => mine.Contains(r.StructureId));
            ownStructures = true;
        }

        Quarter? chosenQuarter = Quarter.TryParse(quarter, out var parsed) ? parsed : null;
        if (chosenQuarter is { } q)
        {
            filtered = filtered.Where(r => r.Year == q.Year && r.QuarterNumber == q.Number);
        }

        if (state is { } s)
        {
            filtered = filtered.Where(r => r.State == s);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.QuarterlyReport);
        var rows = await filtered
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.QuarterNumber).ThenBy(r => r.Structure!.Name)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new
            {
                r.Id,
                StructureName = r.Structure!.Name,
                r.Year,
                r.QuarterNumber,
                r.State,
                WasReturned = r.State == ReviewState.Draft && returned.Contains(r.Id),
                r.StateChangedAtUtc,
                r.PublishedAtUtc,
            })
            .ToListAsync(cancellationToken);

        var structures = await db.Structures.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name, x.IsActive }).ToListAsync(cancellationToken);
        var quarters = await visible.Select(r => new { r.Year, r.QuarterNumber }).Distinct().ToListAsync(cancellationToken);

        return View(new ReportListViewModel
        {
            StructureId = structureId,
            Quarter = chosenQuarter?.ToSlug(),
            State = state,
            StructureChoices = structures.Select(x => new SelectListItem(x.Name, Id(x.Id))).ToList(),
            QuarterChoices = IndicatorFormat.QuarterChoices(quarters.Select(x => new Quarter(x.Year, x.QuarterNumber)).OrderDescending()),
            StateChoices = Enum.GetValues<ReviewState>().Where(x => x != ReviewState.Validated)
                .Select(x => new SelectListItem(x.Label(), x.ToString())).ToList(),
            IsFiltered = structureId is not null || chosenQuarter is not null || state is not null,
            ShowingOwnStructures = ownStructures,
            Reports = rows.Select(r => new ReportListRow(r.Id, r.StructureName, new Quarter(r.Year, r.QuarterNumber), r.State,
                r.WasReturned, r.StateChangedAtUtc, r.PublishedAtUtc)).ToList(),
            TotalCount = total,
            Page = page,
            TotalPages = totalPages,
            Open = await OpenFormAsync(structures.Where(x => x.IsActive).Select(x => (x.Id, x.Name)), Request.Query["openStructureId"], Request.Query["openQuarter"]),
        });
    }

    [HttpPost]
    public async Task<IActionResult> Open([Bind(Prefix = "open")] OpenReportForm form, CancellationToken cancellationToken)
    {
        if (form.OpenStructureId is not { } structureId || !Quarter.TryParse(form.OpenQuarter, out var quarter))
        {
            TempData["Error"] = "Choisissez une structure et un trimestre.";
            return RedirectToAction(nameof(Index));
        }

        if (!await IsAllowedAsync(structureId, StructureOperations.Edit))
        {
            return Forbid();
        }

        var result = await reports.OpenAsync(structureId, quarter, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Index));
        }

        var reportState = await db.QuarterlyReports.AsNoTracking().Where(r => r.Id == result.Value).Select(r => r.State).FirstAsync(cancellationToken);
        return reportState == ReviewState.Draft
            ? RedirectToAction(nameof(Edit), new { id = result.Value })
            : RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        if (!await CanReadAsync(sheet.StructureId, sheet.State))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var history = await reviewService.HistoryAsync(ReviewDocumentKind.QuarterlyReport, id, cancellationToken);
        return View(new ReportDetailsViewModel
        {
            Sheet = sheet,
            CanEdit = ReviewRules.CanEditContent(sheet.State, actor, sheet.StructureId),
            Review = new ReviewPanelModel
            {
                Kind = ReviewDocumentKind.QuarterlyReport,
                State = sheet.State,
                StructureId = sheet.StructureId,
                ConcurrencyToken = sheet.ConcurrencyToken,
                PostUrl = Url.Action(nameof(Review), new { id })!,
                Actor = actor,
                History = history,
                Comment = ReviewTempData.TypedComment(TempData),
                CommentAction = ReviewTempData.TypedCommentAction(TempData),
            },
        });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        var refusal = await RefuseEditAsync(sheet, cancellationToken);
        return refusal ?? View(ReportEditForm.From(sheet));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, ReportEditForm form, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
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

        var result = await reports.SaveEntriesAsync(id, form.ToEntries(), form.Token, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var message in result.ReportErrors)
            {
                ModelState.AddModelError(string.Empty, message);
            }

            foreach (var error in result.EntryErrors)
            {
                var index = form.Rows.FindIndex(r => r.IndicatorId == error.IndicatorId);
                var row = index >= 0 ? form.Rows[index] : null;
                var kind = sheet.Lines.FirstOrDefault(l => l.Indicator.Id == error.IndicatorId)?.Indicator.Kind;
                var field = row is null ? null
                    : row.IsNotApplicable ? nameof(ReportEntryRow.NotApplicableReason)
                    : kind == IndicatorKind.Ratio ? nameof(ReportEntryRow.Numerator)
                    : nameof(ReportEntryRow.Value);
                ModelState.AddModelError(field is null ? string.Empty : $"{nameof(ReportEditForm.Rows)}[{index}].{field}", $"{error.IndicatorLabel} : {error.Message}");
            }

            return View(form);
        }

        TempData["Success"] = "Les valeurs ont été enregistrées.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Review(int id, ReviewPostForm form, CancellationToken cancellationToken)
    {
        var report = await db.QuarterlyReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.StructureId, r.State }).FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await CanReadAsync(report.StructureId, report.State))
        {
            return Forbid();
        }

        if (form.ReviewAction is not { } action)
        {
            return BadRequest();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await reports.ReviewAsync(id, actor, form.ToRequest(action), cancellationToken);
        ReviewTempData.Keep(TempData, action, form, result, SuccessMessage(action));

        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The former address of the publication page: the batch page, set to publish.</summary>
    [HttpGet]
    [Authorize(Roles = RoleNames.Referent)]
    public IActionResult Publish(string? quarter) =>
        RedirectToAction(nameof(Batch), new { operation = ReviewAction.Publish, quarter });

    /// <summary>
    /// The "traitement groupé" of a quarter: the referent chooses an action (approve the submitted reports, or publish
    /// the approved ones), ticks reports and applies it to all of them at once, or to none.
    /// </summary>
    [HttpGet]
    [Authorize(Roles = RoleNames.Referent)]
    public async Task<IActionResult> Batch(ReviewAction? operation, string? quarter, CancellationToken cancellationToken)
    {
        if (operation is { } chosen && !QuarterlyReportService.BatchActions.Contains(chosen))
        {
            return BadRequest();
        }

        return View(await BatchModelAsync(operation ?? ReviewAction.Approve, quarter, null, cancellationToken));
    }

    [HttpPost]
    [Authorize(Roles = RoleNames.Referent)]
    public async Task<IActionResult> Batch(BatchForm form, CancellationToken cancellationToken)
    {
        if (form.Operation is not { } operation || !QuarterlyReportService.BatchActions.Contains(operation))
        {
            return BadRequest();
        }

        var ids = form.Selected.Distinct().ToList();
        var actor = await actors.CurrentAsync(cancellationToken);
        var tokens = form.Tokens.Where(t => ids.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value);
        var result = await reports.ApplyManyAsync(ids, operation, actor, tokens, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return View(await BatchModelAsync(operation, form.Quarter, ids, cancellationToken));
        }

        TempData["Success"] = BatchSuccessMessage(operation, ids.Count);
        return RedirectToAction(nameof(Batch), new { operation, quarter = form.Quarter });
    }

    /// <summary>
    /// The batch page: the quarters that have reports to approve or publish, and the chosen quarter's reports in the
    /// state the action needs. Without a chosen quarter, the latest one with reports waiting for this action.
    /// </summary>
    private async Task<BatchViewModel> BatchModelAsync(
        ReviewAction operation, string? quarter, IReadOnlyCollection<int>? selected, CancellationToken cancellationToken)
    {
        var source = QuarterlyReportService.BatchSourceState(operation);
        // States are stored as text: compare them by equality in queries.
        var waiting = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Submitted || r.State == ReviewState.Approved)
            .Select(r => new { r.Year, r.QuarterNumber, r.State })
            .Distinct()
            .ToListAsync(cancellationToken);
        var choices = waiting.Select(x => new Quarter(x.Year, x.QuarterNumber)).Distinct().OrderDescending().ToList();
        Quarter? chosen = Quarter.TryParse(quarter, out var parsed) ? parsed
            : waiting.Where(x => x.State == source).Select(x => (Quarter?)new Quarter(x.Year, x.QuarterNumber)).Max();
        if (chosen is { } shown && !choices.Contains(shown))
        {
            choices.Add(shown);
            choices = choices.OrderDescending().ToList();
        }

        var rows = new List<BatchRow>();
        if (chosen is { } q)
        {
            rows = await db.QuarterlyReports.AsNoTracking()
                .Where(r => r.Year == q.Year && r.QuarterNumber == q.Number && r.State == source)
                .OrderBy(r => r.Structure!.Name)
                .Select(r => new BatchRow(r.Id, r.Structure!.Name, r.StateChangedAtUtc, r.ConcurrencyToken))
                .ToListAsync(cancellationToken);
        }

        return new BatchViewModel
        {
            Operation = operation,
            SourceState = source,
            Quarter = chosen?.ToSlug(),
            QuarterLabel = chosen?.ToString(),
            QuarterChoices = IndicatorFormat.QuarterChoices(choices),
            OperationChoices = QuarterlyReportService.BatchActions
                .Select(a => new SelectListItem(BatchViewModel.OperationLabel(a), a.ToString()))
                .ToList(),
            Reports = rows,
            Selected = selected,
        };
    }

    private static string BatchSuccessMessage(ReviewAction operation, int count) => (operation, count > 1) switch
    {
        (ReviewAction.Approve, true) => $"{count} résultats trimestriels ont été approuvés.",
        (ReviewAction.Approve, false) => "Les résultats trimestriels ont été approuvés.",
        (_, true) => $"{count} résultats trimestriels ont été publiés.",
        _ => "Les résultats trimestriels ont été publiés.",
    };

    private Task<bool> CanReadAsync(int structureId, ReviewState state) => access.CanReadAsync(structureId, state);

    private Task<IQueryable<QuarterlyReport>> VisibleAsync(IQueryable<QuarterlyReport> query, CancellationToken cancellationToken) =>
        access.VisibleAsync(query, cancellationToken);

    /// <summary>
    /// Null when the user may change this report's figures now; otherwise 403 for someone who could never edit them,
    /// or back to the report with a message when only its state forbids it.
    /// </summary>
    private async Task<IActionResult?> RefuseEditAsync(QuarterlyReportSheet sheet, CancellationToken cancellationToken)
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

        TempData["Error"] = sheet.State == ReviewState.Draft
            ? "Vous ne pouvez pas modifier ces résultats."
            : QuarterlyReportService.LockedMessage;
        return RedirectToAction(nameof(Details), new { id = sheet.Id });
    }

    private async Task<OpenReportForm?> OpenFormAsync(IEnumerable<(int Id, string Name)> activeStructures, string? structureId, string? quarter)
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

        var quarters = Quarter.Range(reports.CurrentQuarter, OpenableQuarters).Reverse();
        return new OpenReportForm
        {
            OpenStructureId = int.TryParse(structureId, CultureInfo.InvariantCulture, out var id) ? id : allowed.Count == 1 ? int.Parse(allowed[0].Value, CultureInfo.InvariantCulture) : null,
            OpenQuarter = Quarter.TryParse(quarter, out var q) ? q.ToSlug() : reports.CurrentQuarter.Previous.ToSlug(),
            StructureChoices = allowed,
            QuarterChoices = IndicatorFormat.QuarterChoices(quarters),
        };
    }

    private bool IsOnlyCorrespondent() =>
        User.IsInRole(RoleNames.Correspondent) && !User.IsInRole(RoleNames.Referent) && !User.IsInRole(RoleNames.Administrator);

    private async Task<bool> IsAllowedAsync(int structureId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, new StructureResource(structureId), operation)).Succeeded;

    private static string SuccessMessage(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "Les résultats ont été soumis au référent.",
        ReviewAction.Approve => "Les résultats ont été approuvés.",
        ReviewAction.Return => "Les résultats ont été renvoyés au correspondant pour correction.",
        ReviewAction.Publish => "Les résultats ont été publiés.",
        ReviewAction.Reopen => "Les résultats ont été rouverts : ils sont de nouveau en brouillon.",
        _ => "C'est fait.",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
