using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.ActionPlans;

/// <summary>A structure's yearly improvement plan (plan d'action), moved by the review workflow.</summary>
public class ActionPlan : IReviewable
{
    public int Id { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public int Year { get; set; }

    public ReviewState State { get; set; } = ReviewState.Draft;

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public DateTime? StateChangedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the COPIL validated it; cleared when it is reopened. The meeting is on the validation's review event.</summary>
    public DateTime? ValidatedAtUtc { get; set; }

    public ReviewDocumentKind ReviewKind => ReviewDocumentKind.ActionPlan;

    public List<ImprovementAction> Actions { get; set; } = [];
}
