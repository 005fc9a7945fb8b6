using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// Users' experiences: the filtered list, one experience's page, manual entry, assignment, internal comments and (for
/// the referent) moving an experience to another structure. Who reads what is <see cref="FeedbackAccess"/>'s rule:
/// lists go through <see cref="FeedbackAccess.VisibleAsync"/>, one experience through <see cref="FeedbackAccess.CanReadAsync"/>
/// (404 for an unknown id, 403 for one outside the user's scope); internal data (comments, postal code, assignee)
/// through <see cref="FeedbackAccess.CanSeeInternalAsync"/>; working on it through <see cref="FeedbackAccess.CanWorkOnAsync"/>.
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.Staff)]
public sealed class ExperiencesController(
    SpPlusDbContext db,
    ExperienceService experiences,
    FeedbackAccess access,
    UserScope scope,
    ReviewActorFactory actors) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(ExperienceListQuery query, CancellationToken cancellationToken)
    {
        var ownStructures = false;
        IReadOnlyCollection<int>? structureIds = null;
        if (query.StructureId is null && !Request.Query.ContainsKey(nameof(ExperienceListQuery.StructureId)) && IsOnlyCorrespondent())
        {
            structureIds = (await scope.GetStructureIdsAsync(cancellationToken)).ToList();
            ownStructures = true;
        }

        var filter = new ExperienceFilter(
            StructureId: query.StructureId,
            StructureIds: structureIds,
            Status: query.Status,
            Sentiment: query.Sentiment,
            Tag: query.Tag,
            OverdueOnly: query.Overdue,
            AssigneeUserId: query.Mine ? scope.UserId ?? "" : null,
            PublishedFrom: query.From,
            PublishedTo: query.To,
            Search: query.Search);
        var visible = await access.VisibleAsync(db.Experiences.AsNoTracking(), cancellationToken);
        var page = await experiences.ListAsync(visible, filter, query.Page, cancellationToken);

        var structures = await StructureChoicesAsync(cancellationToken);
        int? unmapped = IsReferentOrAdministrator()
            ? await db.Experiences.CountAsync(e => e.StructureId == null, cancellationToken)
            : null;
        var actor = await actors.CurrentAsync(cancellationToken);

        return View(new ExperienceListViewModel
        {
            StructureId = query.StructureId,
            Status = query.Status,
            Sentiment = query.Sentiment,
            Tag = query.Tag,
            Overdue = query.Overdue,
            Mine = query.Mine,
            From = query.From,
            To = query.To,
            Search = query.Search,
            Page = page.Page,
            StructureChoices = structures,
            StatusChoices = ExperienceChoices.Statuses(),
            SentimentChoices = ExperienceChoices.Sentiments(),
            TagChoices = ExperienceChoices.Tags(),
            ShowingOwnStructures = ownStructures,
            Rows = page.Rows,
            TotalCount = page.TotalCount,
            TotalPages = page.TotalPages,
            UnmappedCount = unmapped,
            CanCreate = actor.IsReferent || actor.IsCorrespondent && actor.StructureIds.Count > 0,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var (model, refusal) = await DetailsModelAsync(id, cancellationToken);
        return refusal ?? View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Assign(int id, string? assigneeUserId, CancellationToken cancellationToken)
    {
        var refusal = await RefuseWorkAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await experiences.AssignAsync(id, assigneeUserId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = string.IsNullOrWhiteSpace(assigneeUserId) ? "L'expérience n'est plus attribuée." : "L'expérience a été attribuée.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Comment(int id, string? commentText, CancellationToken cancellationToken)
    {
        var refusal = await RefuseWorkAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await experiences.AddCommentAsync(id, actor, commentText, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "Le commentaire interne a été ajouté.";
            return Redirect(Url.Action(nameof(Details), new { id }) + "#commentaires");
        }

        // The page comes back with the typed text and the reason.
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(ExperienceDetailsViewModel.CommentText), error);
        }

        var (model, _) = await DetailsModelAsync(id, cancellationToken);
        model!.CommentText = commentText;
        return View(nameof(Details), model);
    }

    [HttpPost]
    [Authorize(Roles = RoleNames.Referent)]
    public async Task<IActionResult> Move(int id, int? moveStructureId, CancellationToken cancellationToken)
    {
        if (!await db.Experiences.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (moveStructureId is not { } structureId)
        {
            TempData["Error"] = "Choisissez la structure concernée.";
            return RedirectToAction(nameof(Details), new { id });
        }

        var result = await experiences.MoveAsync(id, structureId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = "L'expérience a été rattachée à la structure choisie.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var structures = await EditableStructuresAsync(cancellationToken);
        if (structures.Count == 0)
        {
            return Forbid();
        }

        var form = new ExperienceForm
        {
            StructureId = structures.Count == 1 ? int.Parse(structures[0].Value, CultureInfo.InvariantCulture) : null,
        };
        return View(Fill(form, structures));
    }

    [HttpPost]
    public async Task<IActionResult> Create(ExperienceForm form, CancellationToken cancellationToken)
    {
        var structures = await EditableStructuresAsync(cancellationToken);
        // The form offers only the user's structures: another one is a forged request.
        if (structures.Count == 0 || form.StructureId is { } chosen && !structures.Any(s => s.Value == Id(chosen)))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var input = form.ToInput();
        var result = ModelState.IsValid
            ? await experiences.CreateAsync(input, actor, cancellationToken)
            : await experiences.ValidateAsync(input, actor, cancellationToken);
        if (result is { Succeeded: true, Id: { } id })
        {
            TempData["Success"] = "L'expérience a été enregistrée.";
            return RedirectToAction(nameof(Details), new { id });
        }

        foreach (var error in result?.Errors ?? [])
        {
            // A field that could not be read (a date) already says why: do not add "required" on top.
            if (ModelState.GetFieldValidationState(error.Field) != ModelValidationState.Invalid)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }

        form.DuplicateOfId = result?.DuplicateOfId;
        return View(Fill(form, structures));
    }

    /// <summary>The details page's model, or the refusal (404 unknown, 403 outside the user's scope).</summary>
    private async Task<(ExperienceDetailsViewModel? Model, IActionResult? Refusal)> DetailsModelAsync(int id, CancellationToken cancellationToken)
    {
        var structureId = await db.Experiences.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.StructureId }).FirstOrDefaultAsync(cancellationToken);
        if (structureId is null)
        {
            return (null, NotFound());
        }

        if (!await access.CanReadAsync(structureId.StructureId, cancellationToken))
        {
            return (null, Forbid());
        }

        var canSeeInternal = await access.CanSeeInternalAsync(structureId.StructureId, cancellationToken);
        var canWork = await access.CanWorkOnAsync(structureId.StructureId, cancellationToken);
        var details = await experiences.GetDetailsAsync(id, withComments: canSeeInternal, cancellationToken);
        if (details is null)
        {
            return (null, NotFound());
        }

        if (!canSeeInternal)
        {
            details = details with { PostalCode = null, AssigneeUserId = null, AssigneeName = null, Comments = [] };
        }

        var assignees = canWork ? await experiences.AssigneeChoicesAsync(details.StructureId, cancellationToken) : [];
        var canMove = User.IsInRole(RoleNames.Referent);
        var structures = canMove
            ? await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)
            : [];
        return (new ExperienceDetailsViewModel
        {
            Experience = details,
            CanSeeInternal = canSeeInternal,
            CanWork = canWork,
            CanMove = canMove,
            AssigneeChoices = assignees.Select(a => new SelectListItem(a.DisplayName, a.UserId)).ToList(),
            StructureChoices = structures.Select(s => new SelectListItem(s.Name, Id(s.Id))).ToList(),
            AssigneeUserId = details.AssigneeUserId,
            MoveStructureId = details.StructureId,
        }, null);
    }

    /// <summary>Null when the user may work on the experience; else 404 (unknown) or 403.</summary>
    private async Task<IActionResult?> RefuseWorkAsync(int id, CancellationToken cancellationToken)
    {
        var experience = await db.Experiences.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.StructureId }).FirstOrDefaultAsync(cancellationToken);
        if (experience is null)
        {
            return NotFound();
        }

        return await access.CanWorkOnAsync(experience.StructureId, cancellationToken) ? null : Forbid();
    }

    /// <summary>The structure filter: a correspondent's own structures; every structure for the others.</summary>
    private async Task<IReadOnlyList<SelectListItem>> StructureChoicesAsync(CancellationToken cancellationToken)
    {
        var structures = db.Structures.AsNoTracking();
        if (IsOnlyCorrespondent() && !User.IsInRole(RoleNames.CopilMember) && !User.IsInRole(RoleNames.ClacReader))
        {
            var mine = await scope.GetStructureIdsAsync(cancellationToken);
            structures = structures.Where(s => mine.Contains(s.Id));
        }

        return (await structures.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => new SelectListItem(s.Name, Id(s.Id)))
            .ToList();
    }

    private async Task<IReadOnlyList<SelectListItem>> EditableStructuresAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.CurrentAsync(cancellationToken);
        return (await experiences.EditableStructuresAsync(actor, cancellationToken)).Select(s => new SelectListItem(s.Name, Id(s.Id))).ToList();
    }

    private static ExperienceForm Fill(ExperienceForm form, IReadOnlyList<SelectListItem> structures)
    {
        form.StructureChoices = structures;
        form.SentimentChoices = [new SelectListItem("Non renseigné", ""), .. ExperienceChoices.Sentiments()];
        form.TagChoices = ExperienceChoices.Tags();
        return form;
    }

    private bool IsOnlyCorrespondent() =>
        User.IsInRole(RoleNames.Correspondent) && !IsReferentOrAdministrator();

    private bool IsReferentOrAdministrator() => User.IsInRole(RoleNames.Referent) || User.IsInRole(RoleNames.Administrator);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
