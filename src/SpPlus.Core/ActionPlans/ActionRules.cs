using System.Linq.Expressions;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.ActionPlans;

/// <summary>The rules of actions that do not belong to the review workflow: lateness, and updates after validation.</summary>
public static class ActionRules
{
    /// <summary>An action is late when its due date is past and it is neither done nor abandoned.</summary>
    public static bool IsLate(ActionStatus status, DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due && due < today && status is ActionStatus.Planned or ActionStatus.InProgress;

    /// <summary>The same rule as <see cref="IsLate"/>, as a filter translated to SQL (statuses compared by equality).</summary>
    public static Expression<Func<ImprovementAction, bool>> Late(DateOnly today) =>
        a => a.DueOn != null && a.DueOn < today && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress);

    /// <summary>
    /// After the COPIL validated the plan, its actions' status and progress stay open to the structure's
    /// correspondents (and the referent); each change is logged. Adding or removing actions needs the plan reopened.
    /// </summary>
    public static bool CanUpdateProgress(ReviewState planState, ReviewActor actor, int structureId) =>
        planState == ReviewState.Validated
        && ReviewRules.PartiesOf(actor, structureId).Overlaps([ReviewParty.Correspondent, ReviewParty.Referent]);
}

public static class ActionLabels
{
    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.Planned => "Prévue",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Done => "Réalisée",
        ActionStatus.Abandoned => "Abandonnée",
        _ => status.ToString(),
    };

    /// <summary>The DSFR badge type of a status.</summary>
    public static string BadgeType(this ActionStatus status) => status switch
    {
        ActionStatus.Planned => "info",
        ActionStatus.InProgress => "new",
        ActionStatus.Done => "success",
        ActionStatus.Abandoned => "warning",
        _ => "info",
    };

    public static string Label(this ActionOrigin origin) => origin switch
    {
        ActionOrigin.Criterion => "Critère de l'auto-évaluation",
        ActionOrigin.Experience => "Avis d'usager",
        ActionOrigin.Indicator => "Écart d'un indicateur",
        ActionOrigin.ClacSuggestion => "Suggestion du CLAC",
        ActionOrigin.Other => "Autre",
        _ => origin.ToString(),
    };

    public static string Label(this ActionPriority priority) => priority switch
    {
        ActionPriority.Low => "Basse",
        ActionPriority.Normal => "Normale",
        ActionPriority.High => "Haute",
        _ => priority.ToString(),
    };

    /// <summary>The wording of the "vous nous l'avez demandé, on l'a fait" flag.</summary>
    public const string ShowToUsersLabel = "Vous nous l'avez demandé, on l'a fait";

    /// <summary>The badge shown beside a late action.</summary>
    public const string LateLabel = "En retard";
}
