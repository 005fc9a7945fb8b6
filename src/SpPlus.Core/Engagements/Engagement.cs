namespace SpPlus.Core.Engagements;

/// <summary>One national promise displayed to users, within a framework version.</summary>
public class Engagement
{
    public int Id { get; set; }

    public int FrameworkId { get; set; }
    public EngagementFramework? Framework { get; set; }

    /// <summary>Position in the framework, from 1.</summary>
    public int Number { get; set; }

    public string Wording { get; set; } = "";

    public EngagementGroup? Group { get; set; }

    public List<EngagementSubCriterion> SubCriteria { get; set; } = [];
}

public enum EngagementGroup
{
    Closer = 1,
    MoreEfficient = 2,
    Simpler = 3,
}

public static class EngagementGroupLabels
{
    public static string Label(this EngagementGroup group) => group switch
    {
        EngagementGroup.Closer => "+ proches",
        EngagementGroup.MoreEfficient => "+ efficaces",
        EngagementGroup.Simpler => "+ simples",
        _ => group.ToString(),
    };
}
