using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Common;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Governance.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Governance.Controllers;

/// <summary>
/// COPIL and CLAC meetings. Reading follows <see cref="MeetingAccess"/> (the CLAC reader sees CLAC meetings only);
/// recording, editing and deleting need the policy <see cref="Policies.ManageMeetings"/> (the referent and the COPIL members).
/// </summary>
[Area("Governance")]
[Authorize(Policy = Policies.Staff)]
public sealed class MeetingsController(MeetingService meetings, UserScope scope, IAuthorizationService authorization) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(MeetingKind? kind, int? year, int page = 1, CancellationToken cancellationToken = default)
    {
        var readable = MeetingAccess.ReadableKinds(User);
        if (kind is { } k && !readable.Contains(k))
        {
            kind = null;
        }

        var list = await meetings.ListAsync(readable, kind, year, page, cancellationToken);
        var years = await meetings.YearsAsync(readable, cancellationToken);
        return View(new MeetingListViewModel
        {
            Kind = kind,
            Year = year,
            KindChoices = [.. MeetingForm.KindChoices.Where(c => readable.Any(r => r.ToString() == c.Value))],
            YearChoices = [.. years.Select(y => new SelectListItem(Id(y), Id(y)))],
            Meetings = list,
            IsFiltered = kind is not null || year is not null,
            CanManage = await CanManageAsync(),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var meeting = await meetings.GetAsync(id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!MeetingAccess.CanRead(User, meeting.Kind))
        {
            return Forbid();
        }

        return View(new MeetingDetailsViewModel { Meeting = meeting, CanManage = await CanManageAsync() });
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Create(MeetingKind? kind, CancellationToken cancellationToken)
    {
        var form = new MeetingForm { Kind = kind is { } k && Enum.IsDefined(k) ? k : null, Time = MeetingService.DefaultTime };
        return await FormViewAsync(form, cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Create(MeetingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, cancellationToken);
        }

        var result = await meetings.SaveAsync(null, form.ToInput(), null, scope.UserId!, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return await FormViewAsync(form, cancellationToken);
        }

        TempData["Success"] = $"La réunion « {MeetingService.Title(form.Kind!.Value, form.Date!.Value.ToDateTime(form.Time!.Value))} » a été enregistrée.";
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var values = await meetings.GetForEditAsync(id, cancellationToken);
        if (values is null)
        {
            return NotFound();
        }

        return await FormViewAsync(MeetingForm.From(values.Input, values.ConcurrencyToken, id), cancellationToken);
    }

    /// <summary>Saves an edited meeting. On an error or a conflict the form comes back with what was typed.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Edit(int id, MeetingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        if (await meetings.KindOfAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, cancellationToken);
        }

        var result = await meetings.SaveAsync(id, form.ToInput(), form.Token, scope.UserId!, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            if (result.Errors.Contains(ReviewService.ConflictMessage) && await meetings.GetForEditAsync(id, cancellationToken) is { } current)
            {
                // The typed values stay; the next save applies to the version the user has now been warned about.
                ModelState.Remove(nameof(MeetingForm.Token));
                form.Token = current.ConcurrencyToken;
            }

            return await FormViewAsync(form, cancellationToken);
        }

        TempData["Success"] = "La réunion a été mise à jour.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await meetings.DeleteAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Contains(MeetingService.NotFoundMessage))
            {
                return NotFound();
            }

            TempData["Error"] = string.Join(" ", result.Errors);
            return RedirectToAction(nameof(Details), new { id });
        }

        TempData["Success"] = "La réunion a été supprimée.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> FormViewAsync(MeetingForm form, CancellationToken cancellationToken)
    {
        var accounts = await meetings.AccountChoicesAsync(form.Id, cancellationToken);
        form.AccountChoices = [.. accounts.Select(a => new SelectListItem(a.DisplayName, a.UserId))];
        // A kind that can no longer change is said before the save, unless this very save was refused for it.
        if (form.Id is { } id && ModelState.GetFieldValidationState(nameof(MeetingForm.Kind)) != ModelValidationState.Invalid)
        {
            form.KindLock = (await meetings.KindLocksAsync(id, cancellationToken)).FirstOrDefault();
        }

        return View("Form", form);
    }

    private void AddErrors(OperationResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(MeetingService.FieldOf(error) ?? string.Empty, error);
        }
    }

    private async Task<bool> CanManageAsync() => (await authorization.AuthorizeAsync(User, Policies.ManageMeetings)).Succeeded;

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
