namespace SpPlus.Core.Engagements;

/// <summary>A version of the national list of engagements (référentiel), e.g. 2021 or 2023.</summary>
public class EngagementFramework
{
    public int Id { get; set; }

    /// <summary>The version's year, e.g. 2021. Unique.</summary>
    public int Year { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public FrameworkStatus Status { get; set; } = FrameworkStatus.Draft;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ActivatedAtUtc { get; set; }

    public List<Engagement> Engagements { get; set; } = [];
}

public enum FrameworkStatus
{
    Draft = 0,
    Active = 1,
    Archived = 2,
}

public static class FrameworkStatusLabels
{
    public static string Label(this FrameworkStatus status) => status switch
    {
        FrameworkStatus.Draft => "Brouillon",
        FrameworkStatus.Active => "Actif",
        FrameworkStatus.Archived => "Archivé",
        _ => status.ToString(),
    };
}
