using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;
using SpPlus.Core.Indicators;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.ActionPlans;

/// <summary>One action of a plan. Its "en retard" state is derived (<see cref="ActionRules.IsLate"/>), never stored.</summary>
public class ImprovementAction
{
    public int Id { get; set; }

    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public int? EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public ActionOrigin Origin { get; set; } = ActionOrigin.Other;

    /// <summary>Origin <see cref="ActionOrigin.Criterion"/>: the weak criterion and the assessment it was rated in.</summary>
    public int? SourceCriterionId { get; set; }
    public AssessmentCriterion? SourceCriterion { get; set; }

    public int? SourceAssessmentId { get; set; }
    public SelfAssessment? SourceAssessment { get; set; }

    /// <summary>Origin <see cref="ActionOrigin.Experience"/>: the user's experience.</summary>
    public int? SourceExperienceId { get; set; }
    public Experience? SourceExperience { get; set; }

    /// <summary>Origin <see cref="ActionOrigin.Indicator"/>: the indicator whose gap to its target the action closes.</summary>
    public int? SourceIndicatorId { get; set; }
    public Indicator? SourceIndicator { get; set; }

    /// <summary>Origin <see cref="ActionOrigin.ClacSuggestion"/>: the CLAC meeting the suggestion was made in.</summary>
    public int? SourceMeetingId { get; set; }
    public Meeting? SourceMeeting { get; set; }

    /// <summary>Free text on the origin (the CLAC suggestion's words, or where an "other" action comes from).</summary>
    public string? OriginDetail { get; set; }

    /// <summary>The person in charge (pilote), a name: not every owner has an account.</summary>
    public string? OwnerName { get; set; }

    public DateOnly? StartOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }

    public ActionPriority Priority { get; set; } = ActionPriority.Normal;

    /// <summary>"Vous nous l'avez demandé, on l'a fait": shown to users and the CLAC once done.</summary>
    public bool ShowToUsers { get; set; }

    /// <summary>When the status became <see cref="ActionStatus.Done"/>; cleared if it changes back.</summary>
    public DateOnly? CompletedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<ActionUpdate> Updates { get; set; } = [];
}

/// <summary>A logged change of an action's status or progress, with its date and author. Append-only.</summary>
public class ActionUpdate
{
    public long Id { get; set; }

    public int ActionId { get; set; }
    public ImprovementAction? Action { get; set; }

    public DateTime AtUtc { get; set; }

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public ActionStatus FromStatus { get; set; }

    public ActionStatus ToStatus { get; set; }

    public int FromProgress { get; set; }

    public int ToProgress { get; set; }

    public string? Comment { get; set; }
}

public enum ActionOrigin
{
    Criterion = 1,
    Experience = 2,
    Indicator = 3,
    ClacSuggestion = 4,
    Other = 5,
}

public enum ActionStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Abandoned = 4,
}

public enum ActionPriority
{
    Low = 1,
    Normal = 2,
    High = 3,
}
