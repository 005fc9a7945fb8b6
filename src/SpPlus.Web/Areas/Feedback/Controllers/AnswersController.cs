using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// The answers to experiences: starting the draft, the editor with its pre-submit check, the review actions, marking
/// an approved answer as published on the national platform, and the referent's list of answers to approve. The
/// answer itself is shown on its experience's page (the AnswerSection view component), where every action returns.
/// Who may do what:
/// <list type="bullet">
/// <item>start, edit, apply a template: the structure's correspondents and the referent (<see cref="FeedbackAccess.CanWorkOnAsync"/>),
/// in draft only (<see cref="ReviewRules.CanEditContent"/>); anyone else gets 403;</item>
/// <item>review actions and the publication date: whoever may see the answer (<see cref="CanSeeAnswerAsync"/>, else 403),
/// then the rule table decides (<see cref="ReviewService"/>).</item>
/// </list>
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.Staff)]
public sealed class AnswersController(
    SpPlusDbContext db,
    ExperienceAnswerService answers,
    AnswerTemplateService templates,
    FeedbackAccess access,
    ReviewActorFactory actors) : Controller
{
    public const string PostedOnKey = "AnswerPostedOn";

    private const int PageSize = 25;

    /// <summary>"Réponses à approuver": the submitted answers, for the referent.</summary>
    [HttpGet]
    [Authorize(Roles = RoleNames.Referent)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await ApprovalModelAsync(page, null, cancellationToken));

    /// <summary>"Approuver la sélection": all the ticked answers, or none.</summary>
    [HttpPost]
    [Authorize(Roles = RoleNames.Referent)]
    public async Task<IActionResult> Approve(AnswerApproveForm form, CancellationToken cancellationToken)
    {
        var ids = form.Selected.Distinct().ToList();
        var actor = await actors.CurrentAsync(cancellationToken);
        var tokens = form.Tokens.Where(t => ids.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value);
        var result = await answers.ApproveManyAsync(ids, actor, tokens, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return View(nameof(Index), await ApprovalModelAsync(form.Page, ids, cancellationToken));
        }

        TempData["Success"] = ids.Count > 1 ? $"{ids.Count} réponses ont été approuvées." : "La réponse a été approuvée.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>"Rédiger la réponse": creates the draft (from a template or a blank page) and opens the editor.</summary>
    [HttpPost]
    public async Task<IActionResult> Start([Bind(Prefix = AnswerStartForm.Prefix)] AnswerStartForm form, CancellationToken cancellationToken)
    {
        var experience = await db.Experiences.AsNoTracking().Where(e => e.Id == form.ExperienceId)
            .Select(e => new { e.Id, e.StructureId, AnswerId = e.Answer == null ? (int?)null : e.Answer.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (experience is null)
        {
            return NotFound();
        }

        if (!await access.CanWorkOnAsync(experience.StructureId, cancellationToken))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await answers.StartAsync(experience.Id, form.TemplateId, actor, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            return experience.AnswerId is { } existing
                ? RedirectToAction(nameof(Edit), new { id = existing })
                : RedirectToExperience(experience.Id);
        }

        if (experience.AnswerId is null)
        {
            TempData["Success"] = form.TemplateId is null
                ? "Le brouillon de réponse a été créé."
                : "Le brouillon de réponse a été créé à partir du modèle : relisez-le et complétez-le.";
        }

        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await EditFormAsync(id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        return await RefuseEditAsync(form.Id, cancellationToken) ?? View(form);
    }

    /// <summary>
    /// "Enregistrer" saves the text. "Vérifier et soumettre" saves it, runs the pre-submit check, and submits at once
    /// when there is no warning; otherwise the warnings are shown with "Corriger" and "Soumettre malgré les
    /// avertissements", which saves and submits. The typed text comes back with every refusal.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Edit(int id, AnswerEditForm form, CancellationToken cancellationToken)
    {
        var shown = await EditFormAsync(id, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        if (await RefuseEditAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var saved = await answers.SaveAsync(id, form.Text, form.Token, actor, cancellationToken);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError(error == ReviewService.ConflictMessage ? string.Empty : nameof(AnswerEditForm.Text), error);
            }

            return View(WithPosted(shown, form));
        }

        // The new token goes with the page shown again.
        ModelState.Remove(nameof(AnswerEditForm.Token));
        form.Token = saved.Value;
        if (form.Command is not (AnswerCommands.CheckAndSubmit or AnswerCommands.SubmitAnyway))
        {
            TempData["Success"] = "La réponse a été enregistrée.";
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (form.Command == AnswerCommands.CheckAndSubmit)
        {
            var warnings = ExperienceAnswerService.Check(form.Text);
            if (warnings.Count > 0)
            {
                var checkedForm = WithPosted(shown, form);
                checkedForm.Warnings = warnings;
                return View(checkedForm);
            }
        }

        var submitted = await answers.ReviewAsync(id, actor, new ReviewService.Request(ReviewAction.Submit, ExpectedToken: saved.Value), cancellationToken);
        if (!submitted.Succeeded)
        {
            foreach (var error in submitted.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return View(WithPosted(shown, form));
        }

        TempData["Success"] = "La réponse a été soumise au référent.";
        return RedirectToExperience(shown.ExperienceId);
    }

    /// <summary>Replaces the draft's text by a template: the first post asks for a confirmation, the second applies it.</summary>
    [HttpPost]
    public async Task<IActionResult> ApplyTemplate(int id, [Bind(Prefix = AnswerApplyTemplateForm.Prefix)] AnswerApplyTemplateForm form, CancellationToken cancellationToken)
    {
        var shown = await EditFormAsync(id, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        if (await RefuseEditAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (form.TemplateId is not { } templateId)
        {
            TempData["Error"] = "Choisissez le modèle à appliquer.";
            return RedirectToAction(nameof(Edit), new { id });
        }

        var template = await templates.GetAsync(templateId, cancellationToken);
        if (template is null || !template.IsActive)
        {
            TempData["Error"] = template is null ? AnswerTemplateService.NotFoundMessage : ExperienceAnswerService.InactiveTemplateMessage;
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!form.Confirmed)
        {
            var experience = await db.Experiences.AsNoTracking().Include(e => e.Structure).FirstAsync(e => e.Id == shown.ExperienceId, cancellationToken);
            return View("ConfirmTemplate", new AnswerConfirmTemplateViewModel
            {
                AnswerId = id,
                ExperienceId = shown.ExperienceId,
                ExperienceTitle = shown.ExperienceTitle,
                TemplateId = template.Id,
                TemplateTitle = template.Title,
                Token = form.Token,
                CurrentText = shown.Text ?? "",
                NewText = ExperienceAnswerService.Render(template.Body, experience),
            });
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await answers.ApplyTemplateAsync(id, templateId, form.Token, actor, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Le texte de la réponse a été remplacé par le modèle « {template.Title} ».";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The review panel's actions (approve, return, reopen…), back to the experience's page.</summary>
    [HttpPost]
    public async Task<IActionResult> Review(int id, ReviewPostForm form, CancellationToken cancellationToken)
    {
        var answer = await AnswerHeaderAsync(id, cancellationToken);
        if (answer is null)
        {
            return NotFound();
        }

        if (!await CanSeeAnswerAsync(answer.StructureId, answer.State, cancellationToken))
        {
            return Forbid();
        }

        if (form.ReviewAction is not { } action)
        {
            return BadRequest();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = await answers.ReviewAsync(id, actor, form.ToRequest(action), cancellationToken);
        ReviewTempData.Keep(TempData, action, form, result, SuccessMessage(action));

        return RedirectToExperience(answer.ExperienceId);
    }

    /// <summary>"Marquer comme publiée sur la plateforme nationale": the Publish action of the workflow, with its date.</summary>
    [HttpPost]
    public async Task<IActionResult> MarkPublished(int id, [Bind(Prefix = AnswerMarkPublishedForm.Prefix)] AnswerMarkPublishedForm form, CancellationToken cancellationToken)
    {
        var answer = await AnswerHeaderAsync(id, cancellationToken);
        if (answer is null)
        {
            return NotFound();
        }

        if (!await CanSeeAnswerAsync(answer.StructureId, answer.State, cancellationToken))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var result = form.PostedOn is { } postedOn
            ? await answers.MarkPublishedAsync(id, DateOnly.FromDateTime(postedOn), actor, form.Token, cancellationToken)
            : OperationResult.Failure("Indiquez la date à laquelle la réponse a été publiée sur la plateforme nationale, au format jj/mm/aaaa.");
        if (result.Succeeded)
        {
            TempData["Success"] = "La réponse est marquée comme publiée sur la plateforme nationale.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
            if (form.PostedOn is { } typed)
            {
                TempData[PostedOnKey] = typed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return RedirectToExperience(answer.ExperienceId);
    }

    private sealed record AnswerHeader(int Id, int ExperienceId, int StructureId, ReviewState State);

    private Task<AnswerHeader?> AnswerHeaderAsync(int id, CancellationToken cancellationToken) =>
        db.ExperienceAnswers.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AnswerHeader(a.Id, a.ExperienceId, a.StructureId, a.State))
            .FirstOrDefaultAsync(cancellationToken);

    private Task<bool> CanSeeAnswerAsync(int structureId, ReviewState state, CancellationToken cancellationToken) =>
        access.CanSeeAnswerAsync(structureId, state, cancellationToken);

    /// <summary>Null when the user may edit this answer now; 403 for someone who never could, back to the experience when only its state forbids it.</summary>
    private async Task<IActionResult?> RefuseEditAsync(int id, CancellationToken cancellationToken)
    {
        var answer = await AnswerHeaderAsync(id, cancellationToken);
        if (answer is null)
        {
            return NotFound();
        }

        if (!await access.CanWorkOnAsync(answer.StructureId, cancellationToken))
        {
            return Forbid();
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        if (ReviewRules.CanEditContent(answer.State, actor, answer.StructureId))
        {
            return null;
        }

        TempData["Error"] = answer.State == ReviewState.Draft ? ExperienceAnswerService.NotAllowedMessage : ExperienceAnswerService.LockedMessage;
        return RedirectToExperience(answer.ExperienceId);
    }

    private async Task<AnswerEditForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.ExperienceAnswers.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.ExperienceId,
                a.Text,
                a.ConcurrencyToken,
                StructureName = a.Experience!.Structure!.Name,
                a.Experience.Title,
                a.Experience.Description,
                a.Experience.WrittenOn,
                a.Experience.PublishedOn,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var choices = await templates.ActiveChoicesAsync(cancellationToken);
        return new AnswerEditForm
        {
            Id = row.Id,
            ExperienceId = row.ExperienceId,
            Text = row.Text,
            Token = row.ConcurrencyToken,
            StructureName = row.StructureName,
            ExperienceTitle = row.Title,
            ExperienceDescription = row.Description,
            ExperienceDate = row.WrittenOn ?? row.PublishedOn,
            ApplyTemplate = choices.Count == 0 ? null : new AnswerApplyTemplateForm
            {
                Token = row.ConcurrencyToken,
                TemplateChoices = choices.Select(c => new SelectListItem(c.Title, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            },
        };
    }

    /// <summary>The page as shown, with what the user posted (text, token) kept.</summary>
    private static AnswerEditForm WithPosted(AnswerEditForm shown, AnswerEditForm posted)
    {
        shown.Text = posted.Text;
        shown.Token = posted.Token;
        if (shown.ApplyTemplate is { } apply)
        {
            apply.Token = posted.Token;
        }

        return shown;
    }

    private async Task<AnswerApprovalViewModel> ApprovalModelAsync(int page, IReadOnlyCollection<int>? selected, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var (rows, total) = await answers.SubmittedAsync(page, PageSize, cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > totalPages)
        {
            page = totalPages;
            (rows, _) = await answers.SubmittedAsync(page, PageSize, cancellationToken);
        }

        return new AnswerApprovalViewModel { Rows = rows, Page = page, TotalPages = totalPages, TotalCount = total, Selected = selected };
    }

    private RedirectResult RedirectToExperience(int experienceId) =>
        Redirect(Url.Content($"~/Feedback/Experiences/Details/{experienceId}"));

    private static string SuccessMessage(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "La réponse a été soumise au référent.",
        ReviewAction.Approve => "La réponse a été approuvée : elle peut être copiée sur la plateforme nationale.",
        ReviewAction.Return => "La réponse a été renvoyée au correspondant pour correction.",
        ReviewAction.Publish => "La réponse est marquée comme publiée sur la plateforme nationale.",
        ReviewAction.Reopen => "La réponse a été rouverte : elle est de nouveau en brouillon.",
        _ => "C'est fait.",
    };
}
