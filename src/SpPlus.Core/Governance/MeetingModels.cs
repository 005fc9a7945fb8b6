using SpPlus.Core.Reviews;

namespace SpPlus.Core.Governance;

/// <summary>
/// A meeting as typed in the form. Participants are accounts (ids) plus free-text names, one per line
/// (« Nom — qualité »); decisions are one per line.
/// </summary>
public sealed record MeetingInput(
    MeetingKind? Kind,
    DateOnly? Date,
    TimeOnly? Time,
    string? Place,
    IReadOnlyList<string>? ParticipantUserIds,
    string? OtherParticipants,
    string? Agenda,
    string? Minutes,
    string? Decisions);

/// <summary>One line of the meetings list.</summary>
public sealed record MeetingRow(int Id, MeetingKind Kind, DateTime HeldAt, string Place, int ParticipantCount, int DecisionCount);

/// <summary>A participant as shown: the account's id for an account, null for a free-text name.</summary>
public sealed record MeetingParticipantView(string? UserId, string Name, string? Quality);

/// <summary>A COPIL validation (or any review step) recorded in a meeting, with what the page needs to link to the document.</summary>
public sealed record RecordedValidation(
    ReviewDocumentKind DocumentKind,
    int DocumentId,
    string StructureName,
    int? Year,
    ReviewAction Action,
    DateTime AtUtc,
    string ActorName)
{
    public string DocumentLabel => DocumentKind.Label();

    /// <summary>The page of the document.</summary>
    public string Path => MeetingService.DocumentPath(DocumentKind, DocumentId);
}

/// <summary>A meeting with everything its page shows.</summary>
public sealed record MeetingDetails(
    int Id,
    MeetingKind Kind,
    DateTime HeldAt,
    string Place,
    string? Agenda,
    string? Minutes,
    Guid ConcurrencyToken,
    IReadOnlyList<MeetingParticipantView> Participants,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<RecordedValidation> Validations)
{
    /// <summary>« COPIL du 12/03/2026 ».</summary>
    public string Title => MeetingService.Title(Kind, HeldAt);
}

/// <summary>A meeting of the year's decisions record: its decisions in order and the validations recorded in it.</summary>
public sealed record YearMeetingDecisions(
    int Id,
    MeetingKind Kind,
    DateTime HeldAt,
    string Place,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<RecordedValidation> Validations)
{
    public string Title => MeetingService.Title(Kind, HeldAt);
}

/// <summary>An account offered as a participant.</summary>
public sealed record MeetingAccountChoice(string UserId, string DisplayName);

/// <summary>A meeting in its form: the values to edit and the token of the version the user saw.</summary>
public sealed record MeetingEditValues(MeetingInput Input, Guid ConcurrencyToken);
