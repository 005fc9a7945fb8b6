using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.MySpace;

/// <summary>
/// Experiences on "Mon espace": for correspondents, the experiences of their structures to answer (no answer, a draft,
/// or an answer returned for correction), the overdue ones first, then by due date; for the referent, the answers
/// waiting for review and the number of experiences waiting in the unmapped queue. At most three queries, each bounded.
/// </summary>
public sealed class FeedbackMySpaceProvider(SpPlusDbContext db, UserScope scope, ExperienceService experiences) : IMySpaceProvider
{
    private const int MaxItems = 20;
    private const int TitleLength = 80;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

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
        var structureIds = await scope.GetStructureIdsAsync(cancellationToken);
        if (structureIds.Count == 0)
        {
            return [];
        }

        var rows = await experiences.AwaitingAnswerAsync(structureIds.ToList(), MaxItems, cancellationToken);
        return rows.Select(row =>
        {
            var title = $"Avis à traiter — {row.StructureName}";
            var description = row.Status == ExperienceStatus.Returned
                ? $"« {Shorten(row.Title)} » : le référent vous a renvoyé la réponse pour correction."
                : $"« {Shorten(row.Title)} » : rédigez la réponse et soumettez-la au référent.";
            return row.IsOverdue
                ? new MySpaceItem(title, description, Url(row.Id), "En retard", "error", Priority: 35)
                : new MySpaceItem(title, description, Url(row.Id),
                    row.DueOn is { } due ? $"Échéance le {due.ToString("dd/MM/yyyy", French)}" : null,
                    row.Status == ExperienceStatus.Returned ? "warning" : "info",
                    Priority: row.Status == ExperienceStatus.Returned ? 30 : 18);
        }).ToList();
    }

    private async Task<List<MySpaceItem>> ReferentItemsAsync(CancellationToken cancellationToken)
    {
        var submitted = await db.ExperienceAnswers.AsNoTracking()
            .Where(a => a.State == ReviewState.Submitted)
            .OrderBy(a => a.StateChangedAtUtc)
            .Take(MaxItems)
            .Select(a => new { a.ExperienceId, a.Experience!.Title, StructureName = a.Experience.Structure != null ? a.Experience.Structure.Name : null })
            .ToListAsync(cancellationToken);
        var items = submitted
            .Select(a => new MySpaceItem($"Réponse à relire — {a.StructureName ?? "structure non rattachée"}",
                $"« {Shorten(a.Title)} » : approuvez la réponse ou renvoyez-la pour correction.",
                Url(a.ExperienceId), "Soumise", "new", Priority: 30))
            .ToList();

        var unmapped = await db.Experiences.CountAsync(e => e.StructureId == null, cancellationToken);
        if (unmapped > 0)
        {
            items.Add(new MySpaceItem(
                unmapped > 1 ? $"{unmapped} expériences à rattacher" : "1 expérience à rattacher",
                "Leur structure nationale ne correspond encore à aucune structure locale : rattachez-les pour qu'elles puissent recevoir une réponse.",
                "/Feedback/Mappings", "À rattacher", "warning", Priority: 20));
        }

        return items;
    }

    private static string Url(int experienceId) => $"/Feedback/Experiences/Details/{experienceId.ToString(CultureInfo.InvariantCulture)}";

    private static string Shorten(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "Sans titre";
        }

        return title.Length <= TitleLength ? title : title[..TitleLength].TrimEnd() + "…";
    }
}
