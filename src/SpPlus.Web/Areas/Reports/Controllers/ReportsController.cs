using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Reports.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Reports.Controllers;

/// <summary>
/// The « Rapports » page and the PDF documents, each scoped like the page it comes from:
/// <list type="bullet">
/// <item>results poster (a structure, a quarter): every agent, for a <b>published</b> quarter only (404 otherwise) —
/// it shows published values, which are public anyway;</item>
/// <item>engagements poster: every agent;</item>
/// <item>quarterly département report: the referent, the administrator and the COPIL members only. It shows every
/// structure's completeness and the values of <b>approved, unpublished</b> reports, i.e. other structures' states that
/// are not public: the referent and the administrator read every draft, the COPIL reads everything approved. A
/// correspondent (who reads only their structures' drafts and others' published results) and the CLAC reader
/// (published results only) get 403, and the page does not offer it to them;</item>
/// <item>action plan: <see cref="ReviewedDocumentAccess.CanReadAsync"/> on the plan's structure and state, as on the
/// plan's page — a correspondent gets their structures' drafts but never another's, the CLAC reader validated plans only;</item>
/// <item>CLAC pack (a year): every agent. It is made for the committee that includes users, so it holds only what is
/// public or validated (published results, experience counts, validated assessments and plans: see
/// <see cref="ClacPackDocument"/>), and is the same document whoever downloads it.</item>
/// </list>
/// The generation date printed on the documents is the current time in Europe/Paris. The lists of the page are bounded
/// by the year filter (at most four quarters a structure, one plan a structure), so they are not paged.
/// </summary>
[Area("Reports")]
[Authorize(Policy = Policies.Staff)]
[Route("Reports")]
public sealed class ReportsController(
    SpPlusDbContext db,
    IndicatorResultsService results,
    FeedbackMetricsService feedback,
    ReviewedDocumentAccess access,
    TimeProvider time) : Controller
{
    private const string PdfContentType = "application/pdf";

    /// <summary>Who may download the quarterly département report (see the class summary).</summary>
    public static bool MayReadDepartmentReport(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(RoleNames.Referent) || user.IsInRole(RoleNames.Administrator) || user.IsInRole(RoleNames.CopilMember);
    }

    [HttpGet("")]
    [HttpGet("Index")]
    public async Task<IActionResult> Index(int? structureId, int? year, int? quarter, CancellationToken cancellationToken)
    {
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);
        var visiblePlans = await access.VisibleAsync(db.ActionPlans.AsNoTracking(), cancellationToken);
        var reportYears = await db.QuarterlyReports.AsNoTracking().Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
        var planYears = await visiblePlans.Select(p => p.Year).Distinct().ToListAsync(cancellationToken);
        var currentYear = time.CurrentYear();
        var years = reportYears.Union(planYears).Append(currentYear).Distinct().OrderDescending().ToList();

        // Without a choice, the latest year that has a published quarter (the posters people come for), else this year.
        var publishedYears = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Published)
            .Select(r => r.Year)
            .Distinct()
            .ToListAsync(cancellationToken);
        var chosenYear = year ?? (publishedYears.Count > 0 ? publishedYears.Max() : currentYear);
        int? chosenQuarter = quarter is >= 1 and <= 4 ? quarter : null;
        int? chosenStructure = structureId is { } id && structures.Any(s => s.Id == id) ? id : null;

        var posters = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Published && r.Year == chosenYear && r.Structure!.IsActive)
            .Where(r => chosenStructure == null || r.StructureId == chosenStructure)
            .Where(r => chosenQuarter == null || r.QuarterNumber == chosenQuarter)
            .OrderBy(r => r.Structure!.Name).ThenByDescending(r => r.QuarterNumber)
            .Select(r => new { r.StructureId, StructureName = r.Structure!.Name, r.Year, r.QuarterNumber, r.PublishedAtUtc, r.StateChangedAtUtc })
            .ToListAsync(cancellationToken);

        var departmentQuarters = new List<Quarter>();
        if (MayReadDepartmentReport(User))
        {
            var numbers = await db.QuarterlyReports.AsNoTracking()
                .Where(r => r.Year == chosenYear && (chosenQuarter == null || r.QuarterNumber == chosenQuarter))
                .Select(r => r.QuarterNumber)
                .Distinct()
                .ToListAsync(cancellationToken);
            departmentQuarters = numbers.Where(Quarter.IsNumber).OrderDescending().Select(n => new Quarter(chosenYear, n)).ToList();
        }

        var plans = await visiblePlans
            .Where(p => p.Year == chosenYear && (chosenStructure == null || p.StructureId == chosenStructure))
            .OrderBy(p => p.Structure!.Name)
            .Select(p => new ReportPlanLink(p.Id, p.Structure!.Name, p.Year, p.State, p.Actions.Count))
            .ToListAsync(cancellationToken);

        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Status == Core.Engagements.FrameworkStatus.Active)
            .Select(f => (int?)f.Year)
            .FirstOrDefaultAsync(cancellationToken);

        return View(new ReportsIndexViewModel
        {
            StructureId = chosenStructure,
            Year = chosenYear,
            Quarter = chosenQuarter,
            StructureChoices = structures.Select(s => new SelectListItem(s.Name, Id(s.Id))).ToList(),
            YearChoices = years.Select(y => new SelectListItem(Id(y), Id(y))).ToList(),
            QuarterChoices = Enumerable.Range(1, 4).Select(n => new SelectListItem($"T{n}", Id(n))).ToList(),
            IsFiltered = structureId is not null || year is not null || quarter is not null,
            EngagementsFrameworkYear = framework,
            Posters = posters
                .Where(p => Quarter.IsNumber(p.QuarterNumber))
                .Select(p => new ReportPosterLink(p.StructureId, p.StructureName, new Quarter(p.Year, p.QuarterNumber), p.PublishedAtUtc ?? p.StateChangedAtUtc))
                .ToList(),
            MayReadDepartmentReport = MayReadDepartmentReport(User),
            DepartmentQuarters = departmentQuarters,
            Plans = plans,
        });
    }

    /// <summary>The results poster of a structure for a published quarter; 404 for a quarter that is not published.</summary>
    [HttpGet("ResultsPoster")]
    public async Task<IActionResult> ResultsPoster(int structureId, int year, int quarter, CancellationToken cancellationToken)
    {
        if (ToQuarter(year, quarter) is not { } chosen)
        {
            return NotFound();
        }

        var data = await ResultsPosterDocument.LoadAsync(db, results, structureId, chosen, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        return Pdf(ResultsPosterDocument.Build(data, ParisNow()), ResultsPosterDocument.FileName(data));
    }

    /// <summary>The engagements poster of the framework in force; 404 when none is active.</summary>
    [HttpGet("EngagementsPoster")]
    public async Task<IActionResult> EngagementsPoster(CancellationToken cancellationToken)
    {
        var data = await EngagementsPosterDocument.LoadAsync(db, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        return Pdf(EngagementsPosterDocument.Build(data, ParisNow()), EngagementsPosterDocument.FileName(data));
    }

    /// <summary>The quarterly département report (staff who read the whole département's unpublished states); 404 for a quarter without any report.</summary>
    [HttpGet("DepartmentReport")]
    public async Task<IActionResult> DepartmentReport(int year, int quarter, CancellationToken cancellationToken)
    {
        if (!MayReadDepartmentReport(User))
        {
            return Forbid();
        }

        if (ToQuarter(year, quarter) is not { } chosen
            || !await db.QuarterlyReports.AsNoTracking().AnyAsync(r => r.Year == year && r.QuarterNumber == quarter, cancellationToken))
        {
            return NotFound();
        }

        var data = await QuarterlyDepartmentReportDocument.LoadAsync(db, results, chosen, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        return Pdf(QuarterlyDepartmentReportDocument.Build(data, ParisNow()), QuarterlyDepartmentReportDocument.FileName(data));
    }

    /// <summary>A structure's action plan of a year, for whoever reads the plan's page.</summary>
    [HttpGet("ActionPlan/{id:int}")]
    public async Task<IActionResult> ActionPlan(int id, CancellationToken cancellationToken)
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

        var data = await ActionPlanDocument.LoadAsync(db, id, time.Today(), cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        return Pdf(ActionPlanDocument.Build(data, ParisNow()), ActionPlanDocument.FileName(data));
    }

    /// <summary>The CLAC pack of a year, for every agent (published and validated data only); 404 for a year out of range.</summary>
    [HttpGet("ClacPack")]
    public async Task<IActionResult> ClacPack(int year, CancellationToken cancellationToken)
    {
        if (ToQuarter(year, 1) is null)
        {
            return NotFound();
        }

        var data = await ClacPackDocument.LoadAsync(db, results, feedback, year, time.Today(), cancellationToken);
        return Pdf(ClacPackDocument.Build(data, ParisNow()), ClacPackDocument.FileName(data));
    }


    private static Quarter? ToQuarter(int year, int quarter) =>
        Quarter.IsYear(year) && Quarter.IsNumber(quarter) ? new Quarter(year, quarter) : null;

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    private DateTime ParisNow() => time.Now();

    private FileContentResult Pdf(byte[] bytes, string fileName) => File(bytes, PdfContentType, fileName);
}
