using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// Reports of documents hard to understand (courrier, courriel, formulaire) and their follow-up. Who reads a report:
/// the same rule as for experiences (<see cref="FeedbackAccess.CanReadAsync"/>: the referent, the administrator, the
/// COPIL and the CLAC read every structure's, a correspondent their structures'). Who registers a report or adds a
/// note: the structure's correspondents and the referent (<see cref="FeedbackAccess.CanWorkOnAsync"/>).
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.Staff)]
public sealed class DocumentsController(
    SpPlusDbContext db,
    DocumentReportService reports,
    FeedbackAccess access,
    UserScope scope,
    ReviewActorFactory actors) : Controller
{
    public const int PageSize = 25;

    [HttpGet]
    public async Task<IActionResult> Index(
        int? structureId, DocumentReportStatus? status, DocumentKind? kind, int page = 1, CancellationToken cancellationToken = default)
    {
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var readable = new List<int>();
        var canCreate = false;
        foreach (var structure in structures)
        {
            if (await access.CanReadAsync(structure.Id, cancellationToken))
            {
                readable.Add(structure.Id);
            }

            canCreate |= structure.IsActive && await access.CanWorkOnAsync(structure.Id, cancellationToken);
        }

        var filtered = db.DocumentReports.AsNoTracking().Where(r => readable.Contains(r.StructureId));
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

        if (status is { } s)
        {
            filtered = filtered.Where(r => r.Status == s);
        }

        if (kind is { } k)
        {
            filtered = filtered.Where(r => r.Kind == k);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await filtered
            .OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new DocumentRow(r.Id, r.DocumentName, r.Kind, r.Structure!.Name, r.ReceivedOn, r.Status, r.CreatedAtUtc))
            .ToListAsync(cancellationToken);

        return View(new DocumentListViewModel
        {
            StructureId = structureId,
            Status = status,
            Kind = kind,
            StructureChoices = structures.Where(x => readable.Contains(x.Id)).Select(x => new SelectListItem(x.Name, Id(x.Id))).ToList(),
            StatusChoices = DocumentDetailsViewModel.StatusChoices,
            KindChoices = DocumentCreateForm.KindChoices,
            Reports = rows,
            TotalCount = total,
            Page = page,
            TotalPages = totalPages,
            IsFiltered = structureId is not null || status is not null || kind is not null,
            ShowingOwnStructures = ownStructures,
            CanCreate = canCreate,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(int? structureId, CancellationToken cancellationToken)
    {
        var choices = await EditableStructuresAsync(cancellationToken);
        if (choices.Count == 0 || structureId is { } wanted && choices.All(c => c.Value != Id(wanted)))
        {
            return Forbid();
        }

        var form = new DocumentCreateForm
        {
            StructureId = structureId ?? (choices.Count == 1 ? int.Parse(choices[0].Value, CultureInfo.InvariantCulture) : null),
            StructureChoices = choices,
        };
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Create(DocumentCreateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var choices = await EditableStructuresAsync(cancellationToken);
        if (choices.Count == 0 || form.StructureId is { } wanted && choices.All(c => c.Value != Id(wanted)))
        {
            return Forbid();
        }

        form.StructureChoices = choices;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await reports.CreateAsync(form.ToInput(), scope.UserId!, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, prefix: null);
            return View(form);
        }

        TempData["Success"] = $"Le signalement du document « {form.DocumentName!.Trim()} » a été enregistré.";
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(report.StructureId, cancellationToken))
        {
            return Forbid();
        }

        return View(new DocumentDetailsViewModel
        {
            Report = report,
            CanAddNote = await access.CanWorkOnAsync(report.StructureId, cancellationToken),
            Note = new DocumentNoteForm { Status = report.Status, Token = report.ConcurrencyToken },
        });
    }

    /// <summary>Adds a dated note that sets the status. On an error or a conflict the page comes back with the typed note.</summary>
    [HttpPost]
    public async Task<IActionResult> Note(int id, [Bind(Prefix = nameof(DocumentDetailsViewModel.Note))] DocumentNoteForm note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var structureId = await db.DocumentReports.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.StructureId).FirstOrDefaultAsync(cancellationToken);
        if (structureId is null)
        {
            return NotFound();
        }

        if (!await access.CanWorkOnAsync(structureId, cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var actor = await actors.CurrentAsync(cancellationToken);
            var result = await reports.AddNoteAsync(
                id, new DocumentReportNoteInput(note.Text, note.Status), new DocumentReportAuthor(actor.UserId, actor.DisplayName), note.Token, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "La note a été ajoutée au suivi.";
                return RedirectToAction(nameof(Details), new { id });
            }

            AddErrors(result, prefix: nameof(DocumentDetailsViewModel.Note));
            if (result.Errors.Contains(DocumentReportService.ConflictMessage))
            {
                // Shown again with the current follow-up: the next save applies to what the author now sees.
                ModelState.Remove($"{nameof(DocumentDetailsViewModel.Note)}.{nameof(DocumentNoteForm.Token)}");
                note.Token = Guid.Empty;
            }
        }

        var report = await reports.GetAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (note.Token == Guid.Empty)
        {
            note.Token = report.ConcurrencyToken;
        }

        return View(nameof(Details), new DocumentDetailsViewModel { Report = report, CanAddNote = true, Note = note });
    }

    private async Task<List<SelectListItem>> EditableStructuresAsync(CancellationToken cancellationToken)
    {
        var active = await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var choices = new List<SelectListItem>();
        foreach (var structure in active)
        {
            if (await access.CanWorkOnAsync(structure.Id, cancellationToken))
            {
                choices.Add(new SelectListItem(structure.Name, Id(structure.Id)));
            }
        }

        return choices;
    }

    private void AddErrors(OperationResult result, string? prefix)
    {
        foreach (var error in result.Errors)
        {
            var field = DocumentReportService.FieldOf(error);
            ModelState.AddModelError(field is null ? string.Empty : prefix is null ? field : $"{prefix}.{field}", error);
        }
    }

    private bool IsOnlyCorrespondent() =>
        User.IsInRole(RoleNames.Correspondent) && !User.IsInRole(RoleNames.Referent) && !User.IsInRole(RoleNames.Administrator);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
