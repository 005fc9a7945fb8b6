using SpPlus.Core.Structures;

namespace SpPlus.Core.Engagements;

/// <summary>A structure's own commitment under a national engagement: an announced delay, opening hours, phone reachability...</summary>
public class LocalCommitment
{
    public int Id { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public LocalCommitmentKind Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Announced delay in days, for commitments of kind <see cref="LocalCommitmentKind.AnnouncedDelay"/>.</summary>
    public int? AnnouncedDelayDays { get; set; }

    /// <summary>A free target such as "90 % des appels décrochés".</summary>
    public string? Target { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

public enum LocalCommitmentKind
{
    AnnouncedDelay = 1,
    OpeningHours = 2,
    PhoneReachability = 3,
    Other = 9,
}

public static class LocalCommitmentKindLabels
{
    public static string Label(this LocalCommitmentKind kind) => kind switch
    {
        LocalCommitmentKind.AnnouncedDelay => "Délai annoncé",
        LocalCommitmentKind.OpeningHours => "Horaires d'ouverture",
        LocalCommitmentKind.PhoneReachability => "Joignabilité téléphonique",
        _ => "Autre",
    };
}
