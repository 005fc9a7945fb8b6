using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.SelfAssessments;

/// <summary>A structure's yearly self-assessment (auto-évaluation) against one grid version, moved by the review workflow.</summary>
public class SelfAssessment : IReviewable
{
    public int Id { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public int Year { get; set; }

    /// <summary>The grid version the assessment was opened with; it never changes underneath it.</summary>
    public int GridId { get; set; }
    public AssessmentGrid? Grid { get; set; }

    public ReviewState State { get; set; } = ReviewState.Draft;

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public DateTime? StateChangedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the COPIL validated it; cleared when it is reopened. The meeting is on the validation's review event.</summary>
    public DateTime? ValidatedAtUtc { get; set; }

    public ReviewDocumentKind ReviewKind => ReviewDocumentKind.SelfAssessment;

    public List<CriterionRating> Ratings { get; set; } = [];
}

/// <summary>The rating of one criterion in an assessment: a maturity level or "non applicable", evidence and comment.</summary>
public class CriterionRating
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }
    public SelfAssessment? Assessment { get; set; }

    public int CriterionId { get; set; }
    public AssessmentCriterion? Criterion { get; set; }

    /// <summary>Null while the criterion is not rated yet.</summary>
    public MaturityLevel? Level { get; set; }

    /// <summary>What shows the level: documents, observations, figures.</summary>
    public string? Evidence { get; set; }

    public string? Comment { get; set; }
}

/// <summary>The 4-level maturity scale of the self-assessment, plus "non applicable" (left out of the scores).</summary>
public enum MaturityLevel
{
    NotApplicable = 0,
    NotEngaged = 1,
    InProgress = 2,
    Achieved = 3,
    Exemplary = 4,
}

public static class MaturityLevelLabels
{
    public static string Label(this MaturityLevel level) => level switch
    {
        MaturityLevel.NotApplicable => "Non applicable",
        MaturityLevel.NotEngaged => "1 — Non engagé",
        MaturityLevel.InProgress => "2 — En cours",
        MaturityLevel.Achieved => "3 — Atteint",
        MaturityLevel.Exemplary => "4 — Exemplaire",
        _ => level.ToString(),
    };

    /// <summary>The points of a level (1 to 4), null for "non applicable".</summary>
    public static int? Points(this MaturityLevel level) => level == MaturityLevel.NotApplicable ? null : (int)level;

    /// <summary>A weak rating, from which the page offers to create an action.</summary>
    public static bool IsWeak(this MaturityLevel level) => level is MaturityLevel.NotEngaged or MaturityLevel.InProgress;
}
