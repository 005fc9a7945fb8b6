using SpPlus.Core.Reviews;

namespace SpPlus.Core.Feedback;

/// <summary>
/// The structure's answer to an experience, drafted here, reviewed through the shared workflow, then posted on the
/// national platform by hand (Publié = marked as posted there, with the date).
/// </summary>
public class ExperienceAnswer : IReviewable
{
    public int Id { get; set; }

    public int ExperienceId { get; set; }
    public Experience? Experience { get; set; }

    /// <summary>The experience's structure when the answer was started (kept in step when the experience is reassigned).</summary>
    public int StructureId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The template the draft started from, if any.</summary>
    public int? TemplateId { get; set; }

    public ReviewState State { get; set; } = ReviewState.Draft;

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public DateTime? StateChangedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }

    /// <summary>The date the approved answer was posted on the national platform.</summary>
    public DateOnly? PostedOn { get; set; }

    public ReviewDocumentKind ReviewKind => ReviewDocumentKind.ExperienceAnswer;
}

/// <summary>An answer template managed by the referent: a title and a body with placeholders such as {structure}.</summary>
public class AnswerTemplate
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>Maps a structure label of the national platform to a local structure, so that later imports place rows alone.</summary>
public class StructureLabelMapping
{
    public int Id { get; set; }

    /// <summary>The label normalised (lower case, no accents, single spaces): the lookup key. Unique.</summary>
    public string NormalizedLabel { get; set; } = "";

    /// <summary>The label as it first appeared in an export.</summary>
    public string Label { get; set; } = "";

    public int StructureId { get; set; }
    public Structures.Structure? Structure { get; set; }
}

/// <summary>The record of one confirmed import of the national export.</summary>
public class ExperienceImport
{
    public int Id { get; set; }

    public string FileName { get; set; } = "";

    public DateTime ImportedAtUtc { get; set; }

    public string ImportedByUserId { get; set; } = "";

    public string ImportedByName { get; set; } = "";

    public int NewCount { get; set; }

    public int UpdatedCount { get; set; }

    public int UnchangedCount { get; set; }

    public int RejectedCount { get; set; }

    /// <summary>Rows whose structure label is not mapped yet (waiting in the referent's queue).</summary>
    public int UnmappedCount { get; set; }
}
