using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpPlus.Core.Settings;
using SpPlus.Web.Areas.Admin.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Admin.Controllers;

/// <summary>The portal's settings: the quarter deadline, the answer delay of users' experiences and the opinion form's address.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administration)]
public sealed class SettingsController(SettingsService settings) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var values = await settings.GetAsync(cancellationToken);
        return View(new SettingsForm
        {
            QuarterDeadlineDays = values.QuarterDeadlineDays,
            AnswerDelayDays = values.AnswerDelayDays,
            OpinionFormUrl = values.OpinionFormUrl,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Index(SettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            // A day count could not be read: an unusable address is reported along with it, not after.
            if (SettingsService.OpinionFormUrlMessage(form.OpinionFormUrl) is { } urlMessage)
            {
                ModelState.AddModelError(nameof(form.OpinionFormUrl), urlMessage);
            }

            return View(form);
        }

        var values = new SettingsValues(form.QuarterDeadlineDays!.Value, form.AnswerDelayDays!.Value, form.OpinionFormUrl);
        var errors = SettingsService.Validate(values);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(FieldOf(key), message);
            }

            return View(form);
        }

        var result = await settings.SaveAsync(values, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return View(form);
        }

        TempData["Success"] = SuccessMessage(result.Value);
        return RedirectToAction(nameof(Index));
    }

    private static string FieldOf(string key) => key switch
    {
        SettingKeys.AnswerDelayDays => nameof(SettingsForm.AnswerDelayDays),
        SettingKeys.OpinionFormUrl => nameof(SettingsForm.OpinionFormUrl),
        _ => nameof(SettingsForm.QuarterDeadlineDays),
    };

    private static string SuccessMessage(SettingsSaved saved) => !saved.AnswerDelayChanged
        ? "Les paramètres ont été enregistrés."
        : saved.RecomputedDueDates switch
        {
            0 => "Les paramètres ont été enregistrés. Aucun avis n'avait d'échéance à recalculer.",
            1 => "Les paramètres ont été enregistrés. L'échéance d'un avis a été recalculée avec le nouveau délai de réponse.",
            var n => $"Les paramètres ont été enregistrés. Les échéances de {n} avis ont été recalculées avec le nouveau délai de réponse.",
        };
}
