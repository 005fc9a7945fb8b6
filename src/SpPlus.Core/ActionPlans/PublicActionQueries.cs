using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.ActionPlans;

/// <summary>
/// An action done at users' request, as the public sees it: its title, the engagement it serves (its number only when
/// the engagement belongs to the framework in force) and when it was done. Never its owner nor its internal description.
/// </summary>
public sealed record PublicDoneAction(string Title, int? EngagementNumber, DateOnly? CompletedOn, int PlanYear);

/// <summary>« Vous nous l'avez demandé, on l'a fait » on the public pages.</summary>
public static class PublicActionQueries
{
    /// <summary>How many actions a structure's public page lists, the most recently done first.</summary>
    public const int PublicPageLimit = 10;

    /// <summary>
    /// The structure's actions flagged for users (<see cref="ImprovementAction.ShowToUsers"/>) that are done, in plans
    /// the COPIL validated; the most recently done first, at most <paramref name="limit"/>. One query.
    /// </summary>
    public static Task<List<PublicDoneAction>> PublicDoneActionsAsync(
        this SpPlusDbContext db, int structureId, int? frameworkId, int limit = PublicPageLimit, CancellationToken cancellationToken = default) =>
        db.ImprovementActions.AsNoTracking()
            .Where(a => a.Plan!.StructureId == structureId && a.Plan.State == ReviewState.Validated
                && a.ShowToUsers && a.Status == ActionStatus.Done)
            .OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.Plan!.Year).ThenByDescending(a => a.Id)
            .Take(Math.Max(0, limit))
            .Select(a => new PublicDoneAction(
                a.Title,
                a.Engagement != null && a.Engagement.FrameworkId == frameworkId ? a.Engagement.Number : null,
                a.CompletedOn,
                a.Plan!.Year))
            .ToListAsync(cancellationToken);
}
