using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Web.Authorization;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Reports.Controllers;

/// <summary>
/// The Excel exports, streamed, each scoped exactly like the pages it comes from — the filters below are the pages'
/// own read rules, applied before the writer sees a row:
/// <list type="bullet">
/// <item>indicators history and action-plan tracker, self-assessment results: <see cref="ReviewedDocumentAccess.VisibleAsync{T}"/>
/// (a correspondent gets their structures' drafts and the others' published or validated documents, the CLAC reader
/// published and validated ones only);</item>
/// <item>experience log: <see cref="FeedbackAccess.VisibleAsync"/>; the log never holds the postal code, the assignee,
/// internal comments or answer drafts, whoever asks.</item>
/// </list>
/// Optional filters: structure and year (2000 to 2100, 404 otherwise, as for the PDF documents); the indicators history
/// and the experience log also take a quarter (1 to 4, 404 otherwise): the reports of that quarter, the experiences
/// published in it. A filter that is not a number is a 404 too, never the unfiltered file.
/// </summary>
[Area("Reports")]
[Authorize(Policy = Policies.Staff)]
[Route("Reports/Exports")]
public sealed class ExportsController(
    SpPlusDbContext db,
    ReviewedDocumentAccess access,
    FeedbackAccess feedbackAccess,
    TimeProvider time) : Controller
{
    [HttpGet("IndicatorsHistory")]
    public async Task<IActionResult> IndicatorsHistory(int? structureId, int? year, int? quarter, CancellationToken cancellationToken)
    {
        if (!AreFilters(year, quarter))
        {
            return NotFound();
        }

        var reports = (await access.VisibleAsync(db.QuarterlyReports, cancellationToken))
            .Where(r => structureId == null || r.StructureId == structureId)
            .Where(r => year == null || r.Year == year)
            .Where(r => quarter == null || r.QuarterNumber == quarter)
            .Select(r => r.Id);
        var values = db.IndicatorValues.Where(v => reports.Contains(v.ReportId));
        return await this.StreamXlsxAsync(IndicatorsHistoryExport.FileName(time.Today()),
            body => IndicatorsHistoryExport.WriteAsync(body, values, cancellationToken));
    }

    [HttpGet("ExperienceLog")]
    public async Task<IActionResult> ExperienceLog(int? structureId, int? year, int? quarter, CancellationToken cancellationToken)
    {
        if (!AreFilters(year, quarter))
        {
            return NotFound();
        }

        // The quarter's months, by the publication date as for the year.
        var firstMonth = quarter is { } number ? (number - 1) * 3 + 1 : 1;
        var lastMonth = quarter is null ? 12 : firstMonth + 2;
        var experiences = (await feedbackAccess.VisibleAsync(db.Experiences, cancellationToken))
            .Where(e => structureId == null || e.StructureId == structureId)
            .Where(e => year == null || e.PublishedOn != null && e.PublishedOn.Value.Year == year)
            .Where(e => quarter == null || e.PublishedOn != null && e.PublishedOn.Value.Month >= firstMonth && e.PublishedOn.Value.Month <= lastMonth);
        var today = time.Today();
        return await this.StreamXlsxAsync(ExperienceLogExport.FileName(today),
            body => ExperienceLogExport.WriteAsync(body, experiences, today, cancellationToken));
    }

    [HttpGet("ActionPlanTracker")]
    public async Task<IActionResult> ActionPlanTracker(int? structureId, int? year, CancellationToken cancellationToken)
    {
        if (!AreFilters(year, quarter: null))
        {
            return NotFound();
        }

        var chosenYear = year ?? time.CurrentYear();
        var plans = (await access.VisibleAsync(db.ActionPlans, cancellationToken))
            .Where(p => p.Year == chosenYear && (structureId == null || p.StructureId == structureId))
            .Select(p => p.Id);
        var actions = db.ImprovementActions.Where(a => plans.Contains(a.PlanId));
        var today = time.Today();
        return await this.StreamXlsxAsync(ActionPlanTrackerExport.FileName(chosenYear),
            body => ActionPlanTrackerExport.WriteAsync(body, actions, today, cancellationToken));
    }

    [HttpGet("SelfAssessmentResults")]
    public async Task<IActionResult> SelfAssessmentResults(int? structureId, int? year, CancellationToken cancellationToken)
    {
        if (!AreFilters(year, quarter: null))
        {
            return NotFound();
        }

        var chosenYear = year ?? time.CurrentYear();
        var assessments = (await access.VisibleAsync(db.SelfAssessments, cancellationToken))
            .Where(a => a.Year == chosenYear && (structureId == null || a.StructureId == structureId));
        return await this.StreamXlsxAsync(SelfAssessmentResultsExport.FileName(chosenYear),
            body => SelfAssessmentResultsExport.WriteAsync(body, assessments, cancellationToken));
    }

    /// <summary>The filters bound (a value that is not a number leaves model state invalid) and in range.</summary>
    private bool AreFilters(int? year, int? quarter) =>
        ModelState.IsValid && (year is null || Quarter.IsYear(year.Value)) && (quarter is null || Quarter.IsNumber(quarter.Value));
}
