using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Feedback.Import;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// The import of the national platform's export: upload (kept on the server under a random id), preview of what the
/// file would change, then confirm (everything in one transaction) or cancel. The referent and the administrator only.
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class ImportsController(
    SpPlusDbContext db,
    ExperienceImportService imports,
    StructureMappingService mappings,
    PendingImportStore store,
    ReviewActorFactory actors) : Controller
{
    public const int PageSize = 25;

    /// <summary>The largest file accepted, as the reader bounds it (10 Mo).</summary>
    public static readonly long MaxFileBytes = new ExperienceCsvLimits().MaxBytes;

    /// <summary>The request may carry the file and the form's other fields; anything larger is refused before it is buffered.</summary>
    public const long MaxRequestBytes = 11 * 1024 * 1024;

    public const int MaxRejectionsShown = 200;

    public const string TooLargeMessage = "Le fichier dépasse la taille maximale de 10 Mo : découpez l'export en plusieurs fichiers.";

    public const string MissingFileMessage = "Choisissez le fichier d'export à importer.";

    public const string NotCsvMessage = "Le fichier doit être au format .csv (export de la plateforme nationale).";

    public const string ExpiredMessage =
        "Ce fichier n'est plus disponible : il a déjà été importé ou annulé, ou il a été déposé il y a plus d'une heure. Déposez-le de nouveau.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await IndexModelAsync(page, [], cancellationToken));

    [HttpPost]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Upload(ImportUploadForm form, CancellationToken cancellationToken)
    {
        var file = form.File;
        string? error = null;
        if (file is null || file.Length == 0)
        {
            error = MissingFileMessage;
        }
        else if (file.Length > MaxFileBytes)
        {
            error = TooLargeMessage;
        }
        else if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            // The name is only looked at for its extension; it is never used as a path.
            error = NotCsvMessage;
        }

        if (error is not null)
        {
            return View(nameof(Index), await IndexModelAsync(1, [error], cancellationToken));
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        PendingImport? pending;
        await using (var stream = file!.OpenReadStream())
        {
            pending = await store.SaveAsync(stream, file.FileName, actor.UserId, MaxFileBytes, cancellationToken);
        }

        if (pending is null)
        {
            return View(nameof(Index), await IndexModelAsync(1, [TooLargeMessage], cancellationToken));
        }

        return RedirectToAction(nameof(Preview), new { id = pending.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Preview(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        if (store.Find(id, actor.UserId) is not { } pending)
        {
            TempData["Error"] = ExpiredMessage;
            return RedirectToAction(nameof(Index));
        }

        ImportPlan plan;
        await using (var stream = store.OpenRead(pending))
        {
            plan = await imports.PreviewAsync(stream, cancellationToken);
        }

        return View(new ImportPreviewViewModel
        {
            Id = pending.Id,
            FileName = pending.FileName,
            UploadedAtUtc = pending.UploadedAtUtc,
            Plan = plan,
            MaxRejectionsShown = MaxRejectionsShown,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Confirm(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        if (store.Find(id, actor.UserId) is not { } pending)
        {
            TempData["Error"] = ExpiredMessage;
            return RedirectToAction(nameof(Index));
        }

        Core.Common.OperationResult<ImportOutcome> result;
        await using (var stream = store.OpenRead(pending))
        {
            result = await imports.ConfirmAsync(stream, pending.FileName, new ImportActor(actor.UserId, actor.DisplayName), cancellationToken);
        }

        if (!result.Succeeded)
        {
            TempData["Error"] = "L'import n'a pas été enregistré : " + string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Preview), new { id = pending.Id });
        }

        store.Delete(pending.Id);
        var outcome = result.Value;
        TempData["Success"] = $"L'import a été enregistré : {Count(outcome.NewCount, "nouvelle expérience", "nouvelles expériences")}, "
            + $"{Count(outcome.UpdatedCount, "mise à jour", "mises à jour")}, {Count(outcome.UnchangedCount, "inchangée", "inchangées")}, "
            + $"{Count(outcome.RejectedCount, "ligne rejetée", "lignes rejetées")}, {Count(outcome.UnmappedCount, "à affecter", "à affecter")}.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Cancel(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        if (store.Find(id, actor.UserId) is { } pending)
        {
            store.Delete(pending.Id);
        }

        TempData["Success"] = "L'import a été annulé : rien n'a été enregistré.";
        return RedirectToAction(nameof(Index));
    }

    private static string Count(int count, string singular, string plural) =>
        $"{count.ToString("N0", French)} {(count > 1 ? plural : singular)}";

    private async Task<ImportsIndexViewModel> IndexModelAsync(int page, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var total = await db.ExperienceImports.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await db.ExperienceImports.AsNoTracking()
            .OrderByDescending(i => i.ImportedAtUtc).ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new ImportHistoryRow(
                i.ImportedAtUtc, i.ImportedByName, i.FileName, i.NewCount, i.UpdatedCount, i.UnchangedCount, i.RejectedCount, i.UnmappedCount))
            .ToListAsync(cancellationToken);
        return new ImportsIndexViewModel
        {
            Rows = rows,
            Page = page,
            TotalPages = totalPages,
            Errors = errors,
            WaitingCount = await mappings.WaitingCountAsync(cancellationToken),
        };
    }
}
