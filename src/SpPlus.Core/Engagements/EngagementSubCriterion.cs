namespace SpPlus.Core.Engagements;

/// <summary>A concrete criterion that makes an engagement checkable.</summary>
public class EngagementSubCriterion
{
    public int Id { get; set; }

    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public int Order { get; set; }

    public string Wording { get; set; } = "";
}
