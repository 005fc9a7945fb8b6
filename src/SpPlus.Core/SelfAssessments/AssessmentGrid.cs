using SpPlus.Core.Engagements;

namespace SpPlus.Core.SelfAssessments;

/// <summary>
/// One version of the self-assessment grid of a framework (grille d'auto-évaluation): its criteria, grouped by
/// engagement. A version used by an assessment is never changed: editing it creates the next version (copy on
/// edit), which new assessments use. The current version of a framework is its highest <see cref="Version"/>.
/// </summary>
public class AssessmentGrid
{
    public int Id { get; set; }

    public int FrameworkId { get; set; }
    public EngagementFramework? Framework { get; set; }

    /// <summary>1 for the first version of the framework's grid, then 2, 3...; unique per framework.</summary>
    public int Version { get; set; }

    public string Name { get; set; } = "";

    /// <summary>What changed from the previous version, typed by the editor.</summary>
    public string? ChangeNote { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedByName { get; set; }

    public List<AssessmentCriterion> Criteria { get; set; } = [];
}

/// <summary>One criterion of a grid version, under one engagement of the grid's framework.</summary>
public class AssessmentCriterion
{
    public int Id { get; set; }

    public int GridId { get; set; }
    public AssessmentGrid? Grid { get; set; }

    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    /// <summary>Position among the criteria of the same engagement, from 1.</summary>
    public int Order { get; set; }

    public string Wording { get; set; } = "";

    /// <summary>What a team looks at to rate it (optional help text).</summary>
    public string? Guidance { get; set; }
}
