using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Feedback.Controllers;

/// <summary>
/// The metrics of users' experiences over a period (« Indicateurs de l'écoute »): key figures, charts by sentiment,
/// tag and quarter, and one row per structure. Aggregated figures only, never an experience's text. The structures a
/// user may choose are those whose experiences <see cref="FeedbackAccess"/> lets them read: every structure (and the
/// whole département) for the referent, the administrator, the COPIL and the CLAC; their own for a correspondent, who
/// starts with all of them. A fixed number of queries whatever the number of experiences.
/// </summary>
[Area("Feedback")]
[Authorize(Policy = Policies.Staff)]
public sealed class MetricsController(SpPlusDbContext db, FeedbackMetricsService metrics, FeedbackAccess access, UserScope scope) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(MetricsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = metrics.Today;
        // The last twelve months by default: from the same day a year ago (excluded) to today.
        var to = filter.To ?? today;
        var from = filter.From ?? to.AddYears(-1).AddDays(1);
        if (ModelState.IsValid && from > to)
        {
            ModelState.AddModelError(nameof(filter.From), "La date de début de la période doit précéder la date de fin.");
        }

        var structures = await db.Structures.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.IsActive })
            .ToListAsync(cancellationToken);
        var readable = new List<(int Id, string Name, bool IsActive)>();
        foreach (var structure in structures)
        {
            if (await access.CanReadAsync(structure.Id, cancellationToken))
            {
                readable.Add((structure.Id, structure.Name, structure.IsActive));
            }
        }

        var readsAll = readable.Count == structures.Count && structures.Count > 0;
        var chosen = filter.StructureId;
        if (chosen is null && !readsAll && User.IsInRole(RoleNames.Correspondent))
        {
            chosen = MetricsFilter.AllChoice;
        }
        else if (chosen is null && User.IsInRole(RoleNames.Correspondent))
        {
            // A correspondent who also reads everything starts with their own structure when they have just one.
            var mine = await scope.GetStructureIdsAsync(cancellationToken);
            chosen = mine.Count == 1 ? mine.First() : MetricsFilter.AllChoice;
        }

        chosen ??= MetricsFilter.AllChoice;
        if (chosen != MetricsFilter.AllChoice && readable.All(s => s.Id != chosen))
        {
            return structures.Any(s => s.Id == chosen) ? Forbid() : NotFound();
        }

        var choices = new List<SelectListItem>();
        if (readsAll)
        {
            choices.Add(new SelectListItem("Département (toutes les structures)", Id(MetricsFilter.AllChoice)));
        }
        else if (readable.Count > 1)
        {
            choices.Add(new SelectListItem("Toutes mes structures", Id(MetricsFilter.AllChoice)));
        }

        choices.AddRange(readable.Select(s => new SelectListItem(s.IsActive ? s.Name : s.Name + " (inactive)", Id(s.Id))));
        if (readable.Count == 1)
        {
            chosen = readable[0].Id;
        }

        var inScope = chosen == MetricsFilter.AllChoice ? readable : readable.Where(s => s.Id == chosen).ToList();
        var scopeName = chosen != MetricsFilter.AllChoice ? inScope[0].Name
            : readsAll ? "le département"
            : "vos structures";

        FeedbackMetricsResult? result = null;
        if (ModelState.IsValid && inScope.Count > 0)
        {
            IReadOnlyCollection<int>? ids = readsAll && chosen == MetricsFilter.AllChoice ? null : inScope.Select(s => s.Id).ToList();
            result = await metrics.SummariseAsync(new FeedbackMetricsQuery(from, to, ids), cancellationToken);
        }

        var rows = new List<StructureMetricsRow>();
        if (result is not null && inScope.Count > 1)
        {
            var byStructure = result.ByStructure.ToDictionary(s => s.StructureId, s => s.Summary);
            var empty = FeedbackMetrics.Summarise([], result.AnswerDelayDays, result.AsOf);
            // Every active structure of the scope, and the inactive ones that still have experiences in the period.
            rows = inScope
                .Where(s => s.IsActive || byStructure.ContainsKey(s.Id))
                .Select(s => new StructureMetricsRow(s.Id, s.Name, byStructure.GetValueOrDefault(s.Id) ?? empty))
                .ToList();
        }

        return View(new MetricsViewModel
        {
            From = from,
            To = to,
            StructureId = chosen,
            StructureChoices = choices,
            ScopeName = scopeName,
            Result = result,
            Structures = rows,
            HasNoStructure = readable.Count == 0,
        });
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
