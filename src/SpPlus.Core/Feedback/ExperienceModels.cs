using SpPlus.Core.Reviews;

namespace SpPlus.Core.Feedback;

/// <summary>
/// Where an experience stands, derived from its local answer and the national first-answer date (see
/// <see cref="ExperienceService.DeriveStatus"/>). Never stored: lists and filters compute it.
/// </summary>
public enum ExperienceStatus
{
    /// <summary>No answer yet, or a draft that was never returned for correction.</summary>
    ToAnswer = 1,

    /// <summary>The answer draft was returned by the referent: its last review event is a return.</summary>
    Returned = 2,

    Submitted = 3,

    Approved = 4,

    /// <summary>The answer is marked as posted on the national platform, or the export gives a first answer and there is no local answer.</summary>
    Published = 5,
}

public static class ExperienceStatusLabels
{
    public static string Label(this ExperienceStatus status) => status switch
    {
        ExperienceStatus.ToAnswer => "À répondre",
        ExperienceStatus.Returned => "Renvoyée",
        ExperienceStatus.Submitted => "Soumise",
        ExperienceStatus.Approved => "Approuvée",
        ExperienceStatus.Published => "Publiée",
        _ => status.ToString(),
    };

    /// <summary>The DSFR badge type of a status.</summary>
    public static string BadgeType(this ExperienceStatus status) => status switch
    {
        ExperienceStatus.ToAnswer => "info",
        ExperienceStatus.Returned => "warning",
        ExperienceStatus.Submitted => "new",
        _ => "success",
    };
}

/// <summary>
/// The filters of the experiences list; every one is optional and they combine (AND).
/// </summary>
/// <param name="StructureId">One structure.</param>
/// <param name="StructureIds">Several structures (a correspondent's own, by default).</param>
/// <param name="Status">The derived status.</param>
/// <param name="Sentiment">The user's stated feeling.</param>
/// <param name="Tag">One of the five national tags.</param>
/// <param name="OverdueOnly">Only the experiences not answered whose due date is past.</param>
/// <param name="AssigneeUserId">Only the experiences assigned to this account ("qui me sont attribuées").</param>
/// <param name="PublishedFrom">Published on or after this day.</param>
/// <param name="PublishedTo">Published on or before this day.</param>
/// <param name="Search">Text contained in the title.</param>
public sealed record ExperienceFilter(
    int? StructureId = null,
    IReadOnlyCollection<int>? StructureIds = null,
    ExperienceStatus? Status = null,
    Sentiment? Sentiment = null,
    ExperienceTag? Tag = null,
    bool OverdueOnly = false,
    string? AssigneeUserId = null,
    DateOnly? PublishedFrom = null,
    DateOnly? PublishedTo = null,
    string? Search = null);

/// <summary>One line of the experiences list.</summary>
public sealed record ExperienceListRow(
    int Id,
    DateOnly? PublishedOn,
    int? StructureId,
    string? StructureName,
    string? NationalStructureLabel,
    string? Title,
    Sentiment? Sentiment,
    ExperienceStatus Status,
    DateOnly? DueOn,
    bool IsOverdue);

/// <summary>A page of the experiences list.</summary>
public sealed record ExperiencePage(IReadOnlyList<ExperienceListRow> Rows, int TotalCount, int Page, int TotalPages);

/// <summary>An internal comment as shown on the experience's page.</summary>
public sealed record ExperienceCommentView(int Id, string AuthorName, DateTime AtUtc, string Text);

/// <summary>Everything the experience's page shows, internal data included (the page decides what to display).</summary>
public sealed record ExperienceDetails(
    int Id,
    string? NationalId,
    ExperienceSource Source,
    int? StructureId,
    string? StructureName,
    string? NationalStructureLabel,
    string? Typology1,
    string? Typology2,
    string? Typology3,
    string? Title,
    string? Description,
    string? NationalState,
    Sentiment? Sentiment,
    IReadOnlySet<ExperienceTag> Tags,
    string? PostalCode,
    DateOnly? WrittenOn,
    DateOnly? PublishedOn,
    DateOnly? FirstAnswerOn,
    string? NationalAnswer,
    string? RejectionReason,
    DateOnly? DueOn,
    string? AssigneeUserId,
    string? AssigneeName,
    int? ImprovementActionId,
    ReviewState? AnswerState,
    ExperienceStatus Status,
    bool IsOverdue,
    DateTime CreatedAtUtc,
    DateTime? LastImportedAtUtc,
    IReadOnlyList<ExperienceCommentView> Comments);

/// <summary>An account the experience can be assigned to.</summary>
public sealed record AssigneeChoice(string UserId, string DisplayName);

/// <summary>What a user typed to enter an experience by hand.</summary>
public sealed record ExperienceInput(
    int? StructureId,
    string? Title,
    string? Description,
    DateOnly? PublishedOn,
    DateOnly? WrittenOn,
    Sentiment? Sentiment,
    IReadOnlySet<ExperienceTag> Tags,
    string? NationalId);

/// <summary>A refusal tied to one field of <see cref="ExperienceInput"/> (its property name).</summary>
public sealed record ExperienceFieldError(string Field, string Message);

/// <summary>
/// The outcome of <see cref="ExperienceService.CreateAsync"/>: the new experience's id, or the errors by field. When
/// the national id is already taken, <see cref="DuplicateOfId"/> is the experience that carries it.
/// </summary>
public sealed class ExperienceCreateResult
{
    private ExperienceCreateResult(int? id, IReadOnlyList<ExperienceFieldError> errors, int? duplicateOfId)
    {
        Id = id;
        Errors = errors;
        DuplicateOfId = duplicateOfId;
    }

    public int? Id { get; }

    public IReadOnlyList<ExperienceFieldError> Errors { get; }

    public int? DuplicateOfId { get; }

    public bool Succeeded => Errors.Count == 0;

    public static ExperienceCreateResult Created(int id) => new(id, [], null);

    public static ExperienceCreateResult Refused(IReadOnlyList<ExperienceFieldError> errors, int? duplicateOfId = null) =>
        errors.Count == 0 ? throw new ArgumentException("A refusal needs at least one error.", nameof(errors)) : new(null, errors, duplicateOfId);
}
