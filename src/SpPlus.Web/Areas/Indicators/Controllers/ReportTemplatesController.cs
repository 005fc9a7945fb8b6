using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Imports;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Indicators.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Indicators.Controllers;

/// <summary>
/// The Excel template of a quarterly report: downloaded pre-filled with the draft's figures, filled offline, uploaded
/// back. Both need <see cref="StructureOperations.Edit"/> on the report's structure. An upload is checked as a whole
/// and saves nothing unless every line is right.
/// </summary>
[Area("Indicators")]
[Authorize(Policy = Policies.Staff)]
public sealed class ReportTemplatesController(
    SpPlusDbContext db, QuarterlyReportService reports, IAuthorizationService authorization) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(sheet.StructureId))
        {
            return Forbid();
        }

        var target = await TargetAsync(sheet, cancellationToken);
        var lines = sheet.Lines.Where(l => !l.Indicator.IsComputed)
            .Select(l => new QuarterlyTemplateLine(l.Indicator, l.Saved is { } s
                ? new IndicatorEntry(l.Indicator.Id, s.Numerator, s.Denominator, s.Value, s.Count, s.IsNotApplicable, s.NotApplicableReason, s.Comment)
                : null))
            .ToList();
        return await this.StreamXlsxAsync(QuarterlyTemplate.FileName(target.StructureSlug, target.Quarter),
            body => QuarterlyTemplateWriter.WriteAsync(body, target, lines, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Upload(int id, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(sheet.StructureId))
        {
            return Forbid();
        }

        return View(Model(sheet, []));
    }

    [HttpPost]
    [RequestSizeLimit(3 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 3 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, TemplateUploadForm form, CancellationToken cancellationToken)
    {
        var sheet = await reports.GetSheetAsync(id, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(sheet.StructureId))
        {
            return Forbid();
        }

        if (sheet.State != ReviewState.Draft)
        {
            return View(Model(sheet, [QuarterlyReportService.LockedMessage]));
        }

        var file = form.File;
        if (file is null || file.Length == 0)
        {
            return View(Model(sheet, ["Choisissez le fichier de résultats à importer."]));
        }

        if (file.Length > QuarterlyTemplateReader.MaxFileBytes)
        {
            return View(Model(sheet, ["Le fichier dépasse 2 Mo."]));
        }

        // The file name is only looked at for its extension; it is never used as a path.
        if (!string.Equals(Path.GetExtension(file.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return View(Model(sheet, ["Le fichier doit être au format .xlsx."]));
        }

        var target = await TargetAsync(sheet, cancellationToken);
        QuarterlyTemplateReadResult read;
        await using (var stream = file.OpenReadStream())
        {
            read = await QuarterlyTemplateReader.ReadAsync(stream, target, sheet.Lines.Select(l => l.Indicator).ToList(), cancellationToken);
        }

        if (!read.Succeeded)
        {
            return View(Model(sheet, read.Errors.Select(e => e.ToString()).ToList()));
        }

        var expectedToken = form.ConcurrencyToken == Guid.Empty ? sheet.ConcurrencyToken : form.ConcurrencyToken;
        var saved = await reports.SaveEntriesAsync(id, read.Entries, expectedToken, cancellationToken);
        if (!saved.Succeeded)
        {
            return View(Model(sheet, [.. saved.ReportErrors, .. saved.EntryErrors.Select(e => $"{e.IndicatorLabel} : {e.Message}")]));
        }

        var filled = read.Entries.Count(e => !e.IsBlank);
        TempData["Success"] = filled == 1
            ? "Le fichier a été importé : 1 indicateur renseigné."
            : $"Le fichier a été importé : {filled} indicateurs renseignés.";
        return Redirect($"/Indicators/Reports/Edit/{id.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<bool> CanEditAsync(int structureId) =>
        (await authorization.AuthorizeAsync(User, new StructureResource(structureId), StructureOperations.Edit)).Succeeded;

    private async Task<QuarterlyTemplateTarget> TargetAsync(QuarterlyReportSheet sheet, CancellationToken cancellationToken)
    {
        var slug = await db.Structures.AsNoTracking().Where(s => s.Id == sheet.StructureId).Select(s => s.Slug).SingleAsync(cancellationToken);
        return new QuarterlyTemplateTarget(slug, sheet.StructureName, sheet.Quarter);
    }

    private static TemplateUploadViewModel Model(QuarterlyReportSheet sheet, IReadOnlyList<string> errors) => new()
    {
        ReportId = sheet.Id,
        StructureName = sheet.StructureName,
        Quarter = sheet.Quarter.ToString(),
        ConcurrencyToken = sheet.ConcurrencyToken,
        Errors = errors,
    };
}
