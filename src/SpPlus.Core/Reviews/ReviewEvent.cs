namespace SpPlus.Core.Reviews;

/// <summary>One transition in a document's history. Append-only.</summary>
public class ReviewEvent
{
    public long Id { get; set; }

    public ReviewDocumentKind DocumentKind { get; set; }

    public int DocumentId { get; set; }

    public int StructureId { get; set; }

    public ReviewAction Action { get; set; }

    public ReviewState FromState { get; set; }

    public ReviewState ToState { get; set; }

    public string ActorUserId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Comment { get; set; }

    /// <summary>The COPIL meeting a validation was recorded in (required by the rule table for a validation).</summary>
    public int? MeetingId { get; set; }
    public Governance.Meeting? Meeting { get; set; }
}
