using SpPlus.Core.Identity;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Feedback;

/// <summary>
/// A user's experience (avis usager), imported from the national platform's export or entered by hand. National fields
/// are refreshed by later imports; local work (structure assignment, assignee, answer draft, internal comments) never is.
/// </summary>
public class Experience
{
    public int Id { get; set; }

    /// <summary>The national platform's id; null for an experience entered by hand without one. Unique.</summary>
    public string? NationalId { get; set; }

    public ExperienceSource Source { get; set; }

    /// <summary>The local structure; null while the national structure label is not mapped (the referent's queue).</summary>
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }

    /// <summary>The structure as named by the national platform (used to map it to a local structure).</summary>
    public string? NationalStructureLabel { get; set; }

    public string? Typology1 { get; set; }

    public string? Typology2 { get; set; }

    public string? Typology3 { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The national state as written in the export (for example « Traitée »).</summary>
    public string? NationalState { get; set; }

    public Sentiment? Sentiment { get; set; }

    public bool TagAccessibility { get; set; }

    public bool TagInformation { get; set; }

    public bool TagRelation { get; set; }

    public bool TagReactivity { get; set; }

    public bool TagSimplicity { get; set; }

    /// <summary>The user's postal code: personal data, shown to staff only and never exported.</summary>
    public string? PostalCode { get; set; }

    public DateOnly? WrittenOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The date of the first answer published on the national platform (national export, or marked here).</summary>
    public DateOnly? FirstAnswerOn { get; set; }

    /// <summary>The answer as published on the national platform, from the export.</summary>
    public string? NationalAnswer { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>Publication date + the answer-delay setting; recomputed when either changes.</summary>
    public DateOnly? DueOn { get; set; }

    public string? AssigneeUserId { get; set; }
    public AppUser? Assignee { get; set; }

    /// <summary>The improvement action the experience led to (set when an action is created from it).</summary>
    public int? ImprovementActionId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastImportedAtUtc { get; set; }

    public ExperienceAnswer? Answer { get; set; }

    public List<ExperienceComment> Comments { get; set; } = [];

    public IReadOnlySet<ExperienceTag> Tags
    {
        get
        {
            var tags = new HashSet<ExperienceTag>();
            if (TagAccessibility)
            {
                tags.Add(ExperienceTag.Accessibility);
            }

            if (TagInformation)
            {
                tags.Add(ExperienceTag.Information);
            }

            if (TagRelation)
            {
                tags.Add(ExperienceTag.Relation);
            }

            if (TagReactivity)
            {
                tags.Add(ExperienceTag.Reactivity);
            }

            if (TagSimplicity)
            {
                tags.Add(ExperienceTag.Simplicity);
            }

            return tags;
        }
    }

    public void SetTags(IReadOnlySet<ExperienceTag> tags)
    {
        TagAccessibility = tags.Contains(ExperienceTag.Accessibility);
        TagInformation = tags.Contains(ExperienceTag.Information);
        TagRelation = tags.Contains(ExperienceTag.Relation);
        TagReactivity = tags.Contains(ExperienceTag.Reactivity);
        TagSimplicity = tags.Contains(ExperienceTag.Simplicity);
    }
}

public enum ExperienceSource
{
    NationalImport = 1,
    Manual = 2,
}

/// <summary>An internal comment on an experience: visible to staff who may work on it, never to readers or the public.</summary>
public class ExperienceComment
{
    public int Id { get; set; }

    public int ExperienceId { get; set; }
    public Experience? Experience { get; set; }

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string Text { get; set; } = "";
}
