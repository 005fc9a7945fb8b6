using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.MySpace;

/// <summary>
/// Quarterly reports on "Mon espace": for correspondents, the reports to fill (the current and previous quarters not
/// opened or still in draft) and those returned to them; for the referent, the reports waiting for review and the
/// approved ones waiting for publication. At most three queries, each bounded.
/// </summary>
public sealed class QuarterlyReportsMySpaceProvider(SpPlusDbContext db, UserScope scope, QuarterlyReportService reports) : IMySpaceProvider
{
    private const int MaxItems = 20;

    public async Task<IReadOnlyList<MySpaceItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var items = new List<MySpaceItem>();
        var user = scope.User;
        if (user.IsInRole(RoleNames.Correspondent))
        {
            items.AddRange(await CorrespondentItemsAsync(cancellationToken));
        }

        if (user.IsInRole(RoleNames.Referent))
        {
            items.AddRange(await ReferentItemsAsync(cancellationToken));
        }

        return items;
    }

    private async Task<List<MySpaceItem>> CorrespondentItemsAsync(CancellationToken cancellationToken)
    {
        var items = new List<MySpaceItem>();
        var structureIds = await scope.GetStructureIdsAsync(cancellationToken);
        if (structureIds.Count == 0)
        {
            return items;
        }

        var current = reports.CurrentQuarter;
        var previous = current.Previous;
        var structures = await db.Structures.AsNoTracking()
            .Where(s => structureIds.Contains(s.Id) && s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);

        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.QuarterlyReport);
        var drafts = await db.QuarterlyReports.AsNoTracking()
            .Where(r => structureIds.Contains(r.StructureId)
                && (r.State == ReviewState.Draft || r.Year * 10 + r.QuarterNumber >= previous.Key))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.QuarterNumber)
            .Take(MaxItems * 2)
            .Select(r => new
            {
                r.Id,
                r.StructureId,
                StructureName = r.Structure!.Name,
                r.Year,
                r.QuarterNumber,
                r.State,
                WasReturned = r.State == ReviewState.Draft && returned.Contains(r.Id),
            })
            .ToListAsync(cancellationToken);

        foreach (var draft in drafts.Where(d => d.State == ReviewState.Draft))
        {
            var quarter = new Quarter(draft.Year, draft.QuarterNumber);
            items.Add(draft.WasReturned
                ? new MySpaceItem($"Résultats du {quarter} à corriger — {draft.StructureName}",
                    "Le référent vous a renvoyé ces résultats : lisez son commentaire, corrigez-les et soumettez-les de nouveau.",
                    $"/Indicators/Reports/Details/{draft.Id}", "Renvoyé pour correction", "warning", Priority: 30)
                : new MySpaceItem($"Résultats du {quarter} à saisir — {draft.StructureName}",
                    "Saisissez les indicateurs de ce trimestre puis soumettez-les au référent.",
                    $"/Indicators/Reports/Edit/{draft.Id}", "Brouillon", "info", Priority: 20));
        }

        foreach (var quarter in new[] { previous, current })
        {
            foreach (var structure in structures.Where(s => !drafts.Any(d => d.StructureId == s.Id && d.Year == quarter.Year && d.QuarterNumber == quarter.Number)))
            {
                items.Add(new MySpaceItem($"Résultats du {quarter} à saisir — {structure.Name}",
                    "Ce trimestre n'est pas encore ouvert : ouvrez-le pour saisir les indicateurs.",
                    $"/Indicators/Reports?openStructureId={structure.Id}&openQuarter={quarter.ToSlug()}", "Non commencé", "new",
                    Priority: quarter == previous ? 25 : 10));
            }
        }

        return items.Take(MaxItems).ToList();
    }

    private async Task<List<MySpaceItem>> ReferentItemsAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Submitted || r.State == ReviewState.Approved)
            .OrderBy(r => r.StateChangedAtUtc)
            .Take(MaxItems * 5)
            .Select(r => new { r.Id, StructureName = r.Structure!.Name, r.Year, r.QuarterNumber, r.State, r.StateChangedAtUtc })
            .ToListAsync(cancellationToken);

        var items = waiting.Where(r => r.State == ReviewState.Submitted).Take(MaxItems)
            .Select(r => new MySpaceItem($"Résultats du {new Quarter(r.Year, r.QuarterNumber)} à relire — {r.StructureName}",
                "Soumis par le correspondant : approuvez-les ou renvoyez-les pour correction.",
                $"/Indicators/Reports/Details/{r.Id}", "Soumis", "new", Priority: 30))
            .ToList();

        foreach (var quarter in waiting.Where(r => r.State == ReviewState.Approved).GroupBy(r => new Quarter(r.Year, r.QuarterNumber)).OrderByDescending(g => g.Key))
        {
            var count = quarter.Count();
            items.Add(new MySpaceItem($"Résultats du {quarter.Key} à publier",
                count > 1 ? $"{count} résultats approuvés attendent leur publication." : "Un résultat approuvé attend sa publication.",
                $"/Indicators/Reports/Batch?operation=Publish&quarter={quarter.Key.ToSlug()}", "Approuvé", "success", Priority: 15));
        }

        return items;
    }
}
