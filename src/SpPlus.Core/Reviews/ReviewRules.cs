namespace SpPlus.Core.Reviews;

/// <summary>One cell of the rule table: in this state, this action, by this party, leads to that state.</summary>
public sealed record ReviewRule(
    ReviewDocumentKind Kind,
    ReviewState From,
    ReviewAction Action,
    ReviewState To,
    IReadOnlySet<ReviewParty> AllowedParties,
    bool CommentRequired = false,
    bool MeetingRequired = false);

/// <summary>
/// The one rule table of the review workflow. The server enforces it (<see cref="ReviewService"/>) and views compute
/// their buttons from it: nothing else decides who may move a document.
/// </summary>
public static class ReviewRules
{
    private static readonly IReadOnlySet<ReviewParty> Correspondent = new HashSet<ReviewParty> { ReviewParty.Correspondent };
    private static readonly IReadOnlySet<ReviewParty> Referent = new HashSet<ReviewParty> { ReviewParty.Referent };
    private static readonly IReadOnlySet<ReviewParty> Copil = new HashSet<ReviewParty> { ReviewParty.CopilMember };
    private static readonly IReadOnlySet<ReviewParty> CorrespondentOrReferent = new HashSet<ReviewParty> { ReviewParty.Correspondent, ReviewParty.Referent };

    public static IReadOnlyList<ReviewRule> All { get; } = Build();

    private static List<ReviewRule> Build()
    {
        var rules = new List<ReviewRule>();
        foreach (var kind in Enum.GetValues<ReviewDocumentKind>())
        {
            rules.Add(new(kind, ReviewState.Draft, ReviewAction.Submit, ReviewState.Submitted, Correspondent));
            rules.Add(new(kind, ReviewState.Submitted, ReviewAction.Approve, ReviewState.Approved, Referent));
            rules.Add(new(kind, ReviewState.Submitted, ReviewAction.Return, ReviewState.Draft, Referent, CommentRequired: true));
            rules.Add(new(kind, ReviewState.Approved, ReviewAction.Reopen, ReviewState.Draft, Referent, CommentRequired: true));

            switch (kind)
            {
                case ReviewDocumentKind.QuarterlyReport:
                    rules.Add(new(kind, ReviewState.Approved, ReviewAction.Publish, ReviewState.Published, Referent));
                    rules.Add(new(kind, ReviewState.Published, ReviewAction.Reopen, ReviewState.Draft, Referent, CommentRequired: true));
                    break;
                case ReviewDocumentKind.ExperienceAnswer:
                    // Posting the approved answer on the national platform is done by whoever has access to it.
                    rules.Add(new(kind, ReviewState.Approved, ReviewAction.Publish, ReviewState.Published, CorrespondentOrReferent));
                    rules.Add(new(kind, ReviewState.Published, ReviewAction.Reopen, ReviewState.Draft, Referent, CommentRequired: true));
                    break;
                case ReviewDocumentKind.SelfAssessment:
                case ReviewDocumentKind.ActionPlan:
                    rules.Add(new(kind, ReviewState.Approved, ReviewAction.Validate, ReviewState.Validated, Copil, MeetingRequired: true));
                    rules.Add(new(kind, ReviewState.Approved, ReviewAction.Return, ReviewState.Draft, Copil, CommentRequired: true));
                    rules.Add(new(kind, ReviewState.Validated, ReviewAction.Reopen, ReviewState.Draft, Referent, CommentRequired: true));
                    break;
            }
        }

        return rules;
    }

    /// <summary>The rule for this action in this state, or null when the action does not exist there.</summary>
    public static ReviewRule? Find(ReviewDocumentKind kind, ReviewState state, ReviewAction action) =>
        All.FirstOrDefault(r => r.Kind == kind && r.From == state && r.Action == action);

    /// <summary>The parties the actor acts as on a document of this structure.</summary>
    public static IReadOnlySet<ReviewParty> PartiesOf(ReviewActor actor, int structureId)
    {
        var parties = new HashSet<ReviewParty>();
        if (actor.IsCorrespondent && actor.StructureIds.Contains(structureId))
        {
            parties.Add(ReviewParty.Correspondent);
        }

        if (actor.IsReferent)
        {
            parties.Add(ReviewParty.Referent);
        }

        if (actor.IsCopilMember)
        {
            parties.Add(ReviewParty.CopilMember);
        }

        return parties;
    }

    /// <summary>The actions this actor may perform on a document in this state: what the review panel shows.</summary>
    public static IReadOnlyList<ReviewRule> AllowedFor(ReviewDocumentKind kind, ReviewState state, ReviewActor actor, int structureId)
    {
        var parties = PartiesOf(actor, structureId);
        return All.Where(r => r.Kind == kind && r.From == state && r.AllowedParties.Overlaps(parties)).ToList();
    }

    /// <summary>Content can be edited only in draft, and only by the structure's correspondents or the referent.</summary>
    public static bool CanEditContent(ReviewState state, ReviewActor actor, int structureId) =>
        state == ReviewState.Draft && PartiesOf(actor, structureId).Overlaps(CorrespondentOrReferent);
}

/// <summary>The person acting: their id, name, roles that matter to the workflow and structures.</summary>
public sealed record ReviewActor(
    string UserId,
    string DisplayName,
    bool IsCorrespondent,
    bool IsReferent,
    bool IsCopilMember,
    IReadOnlySet<int> StructureIds);
