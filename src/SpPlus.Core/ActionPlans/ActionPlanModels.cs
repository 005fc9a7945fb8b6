using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.ActionPlans;

/// <summary>What a user types for an action (creation or edit in a draft plan).</summary>
public sealed record ActionInput
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? EngagementId { get; init; }

    public ActionOrigin Origin { get; init; } = ActionOrigin.Other;

    public int? SourceCriterionId { get; init; }

    public int? SourceAssessmentId { get; init; }

    public int? SourceExperienceId { get; init; }

    public int? SourceIndicatorId { get; init; }

    public int? SourceMeetingId { get; init; }

    /// <summary>On creation with origin "other": the report of a hard-to-understand document the action answers (back-link).</summary>
    public int? SourceDocumentReportId { get; init; }

    public string? OriginDetail { get; init; }

    public string? OwnerName { get; init; }

    public DateOnly? StartOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public ActionStatus Status { get; init; } = ActionStatus.Planned;

    public int Progress { get; init; }

    public ActionPriority Priority { get; init; } = ActionPriority.Normal;

    public bool ShowToUsers { get; init; }
}

/// <summary>The fields of <see cref="ActionInput"/> an error can be attached to.</summary>
public static class ActionFields
{
    public const string Title = nameof(ActionInput.Title);
    public const string Description = nameof(ActionInput.Description);
    public const string EngagementId = nameof(ActionInput.EngagementId);
    public const string Origin = nameof(ActionInput.Origin);
    public const string SourceIndicatorId = nameof(ActionInput.SourceIndicatorId);
    public const string SourceMeetingId = nameof(ActionInput.SourceMeetingId);
    public const string OriginDetail = nameof(ActionInput.OriginDetail);
    public const string OwnerName = nameof(ActionInput.OwnerName);
    public const string StartOn = nameof(ActionInput.StartOn);
    public const string DueOn = nameof(ActionInput.DueOn);
    public const string Status = nameof(ActionInput.Status);
    public const string Progress = nameof(ActionInput.Progress);
    public const string Comment = "Comment";
}

/// <summary>A refusal message, attached to a field when one is to blame (null: the whole form).</summary>
public sealed record ActionError(string? Field, string Message);

/// <summary>The outcome of saving an action: its id, or the errors (and whether the cause is a concurrent change).</summary>
public sealed class ActionSaveResult
{
    private ActionSaveResult(int id, IReadOnlyList<ActionError> errors, bool isConflict)
    {
        Id = id;
        Errors = errors;
        IsConflict = isConflict;
    }

    public int Id { get; }

    public IReadOnlyList<ActionError> Errors { get; }

    public bool IsConflict { get; }

    public bool Succeeded => Errors.Count == 0;

    public IEnumerable<string> Messages => Errors.Select(e => e.Message);

    public static ActionSaveResult Saved(int id) => new(id, [], false);

    public static ActionSaveResult Refused(string message, bool isConflict = false) => new(0, [new ActionError(null, message)], isConflict);

    public static ActionSaveResult Invalid(IReadOnlyList<ActionError> errors) => new(0, errors, false);
}

/// <summary>One action in a plan's table or in the consolidated view.</summary>
public sealed record ActionRow(
    int Id,
    int PlanId,
    string StructureName,
    int Year,
    ReviewState PlanState,
    string Title,
    int? EngagementNumber,
    string? EngagementWording,
    ActionOrigin Origin,
    string? OwnerName,
    DateOnly? StartOn,
    DateOnly? DueOn,
    ActionStatus Status,
    bool IsLate,
    int Progress,
    ActionPriority Priority,
    bool ShowToUsers);

/// <summary>A plan with its actions and their counts per status.</summary>
public sealed record ActionPlanSheet(
    int Id,
    int StructureId,
    string StructureName,
    int Year,
    ReviewState State,
    Guid ConcurrencyToken,
    DateTime CreatedAtUtc,
    DateTime? StateChangedAtUtc,
    DateTime? ValidatedAtUtc,
    IReadOnlyList<ActionRow> Actions)
{
    public int Count(ActionStatus status) => Actions.Count(a => a.Status == status);

    public int LateCount => Actions.Count(a => a.IsLate);
}

/// <summary>A line of the list of plans.</summary>
public sealed record ActionPlanListRow(
    int Id,
    string StructureName,
    int Year,
    ReviewState State,
    bool WasReturned,
    int ActionCount,
    int DoneCount,
    int LateCount,
    DateTime LastChangeUtc);

/// <summary>Where an action comes from, with what a page needs to link to it.</summary>
public sealed record ActionSource(
    ActionOrigin Origin,
    int? CriterionId,
    string? CriterionWording,
    int? AssessmentId,
    int? AssessmentYear,
    int? ExperienceId,
    string? ExperienceTitle,
    int? IndicatorId,
    string? IndicatorLabel,
    MeetingChoice? Meeting,
    string? Detail);

/// <summary>A logged change of status or progress.</summary>
public sealed record ActionUpdateRow(
    DateTime AtUtc,
    string AuthorName,
    ActionStatus FromStatus,
    ActionStatus ToStatus,
    int FromProgress,
    int ToProgress,
    string? Comment);

/// <summary>A record that points back to the action (an experience, a document report).</summary>
public sealed record ActionBackLink(int Id, string Label);

/// <summary>Everything about one action: its plan, its fields, its source, its update log.</summary>
public sealed record ActionDetails(
    int Id,
    int PlanId,
    int StructureId,
    string StructureName,
    int Year,
    ReviewState PlanState,
    string Title,
    string? Description,
    int? EngagementId,
    int? EngagementNumber,
    string? EngagementWording,
    ActionSource Source,
    string? OwnerName,
    DateOnly? StartOn,
    DateOnly? DueOn,
    ActionStatus Status,
    bool IsLate,
    int Progress,
    ActionPriority Priority,
    bool ShowToUsers,
    DateOnly? CompletedOn,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    Guid ConcurrencyToken,
    IReadOnlyList<ActionUpdateRow> Updates,
    IReadOnlyList<ActionBackLink> Experiences,
    IReadOnlyList<ActionBackLink> DocumentReports)
{
    public ActionInput ToInput() => new()
    {
        Title = Title,
        Description = Description,
        EngagementId = EngagementId,
        Origin = Source.Origin,
        SourceCriterionId = Source.CriterionId,
        SourceAssessmentId = Source.AssessmentId,
        SourceExperienceId = Source.ExperienceId,
        SourceIndicatorId = Source.IndicatorId,
        SourceMeetingId = Source.Meeting?.Id,
        OriginDetail = Source.Detail,
        OwnerName = OwnerName,
        StartOn = StartOn,
        DueOn = DueOn,
        Status = Status,
        Progress = Progress,
        Priority = Priority,
        ShowToUsers = ShowToUsers,
    };
}

/// <summary>The filters of the consolidated view ("Suivi des actions").</summary>
public sealed record ActionFilter
{
    public int? Year { get; init; }

    public int? StructureId { get; init; }

    public int? EngagementNumber { get; init; }

    public ActionStatus? Status { get; init; }

    public string? Owner { get; init; }

    public bool LateOnly { get; init; }

    public bool ShowToUsersOnly { get; init; }
}

/// <summary>An engagement of the active framework, offered in lists.</summary>
public sealed record EngagementChoice(int Id, int Number, string Wording)
{
    public string Label => $"{Number}. {Wording}";
}
