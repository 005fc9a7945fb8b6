using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Common;
using SpPlus.Core.Governance;
using SpPlus.Web.Areas.Governance.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Governance.Controllers;

/// <summary>The year's decisions record, on one page: the meetings the user reads (<see cref="MeetingAccess"/>), in date order.</summary>
[Area("Governance")]
[Authorize(Policy = Policies.Staff)]
public sealed class DecisionsController(MeetingService meetings, TimeProvider time) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? year, CancellationToken cancellationToken)
    {
        var readable = MeetingAccess.ReadableKinds(User);
        var years = await meetings.YearsAsync(readable, cancellationToken);
        var chosen = year is { } y && y is >= 2000 and <= 2100 ? y : time.CurrentYear();
        var choices = years.Contains(chosen) ? years : [.. years.Append(chosen).OrderDescending()];
        return View(new DecisionsViewModel
        {
            Year = chosen,
            YearChoices = [.. choices.Select(c => new SelectListItem(Id(c), Id(c)))],
            Meetings = await meetings.DecisionsOfYearAsync(readable, chosen, cancellationToken),
        });
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
