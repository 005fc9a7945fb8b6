using SpPlus.Core.Identity;

namespace SpPlus.Core.Governance;

/// <summary>A COPIL or CLAC meeting (réunion): when, where, who, the agenda, the minutes and the decisions.</summary>
public class Meeting
{
    public int Id { get; set; }

    public MeetingKind Kind { get; set; }

    /// <summary>Local date and time of the meeting (Europe/Paris).</summary>
    public DateTime HeldAt { get; set; }

    public string Place { get; set; } = "";

    /// <summary>Ordre du jour.</summary>
    public string? Agenda { get; set; }

    /// <summary>Compte rendu.</summary>
    public string? Minutes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<MeetingParticipant> Participants { get; set; } = [];

    public List<MeetingDecision> Decisions { get; set; } = [];
}

/// <summary>A participant: an account of the portal, or a name typed freely (a user's representative, a guest).</summary>
public class MeetingParticipant
{
    public int Id { get; set; }

    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Set for an account; null for a free-text name.</summary>
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>The name shown: the account's display name when the participant was added, or the typed name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Quality or organisation ("représentant des usagers", "DDT"...), optional.</summary>
    public string? Quality { get; set; }
}

/// <summary>A decision taken in a meeting (relevé de décisions).</summary>
public class MeetingDecision
{
    public int Id { get; set; }

    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Position in the meeting's decisions, from 1.</summary>
    public int Order { get; set; }

    public string Text { get; set; } = "";
}

public enum MeetingKind
{
    Copil = 1,
    Clac = 2,
}

public static class MeetingKindLabels
{
    public static string Label(this MeetingKind kind) => kind switch
    {
        MeetingKind.Copil => "COPIL",
        MeetingKind.Clac => "CLAC",
        _ => kind.ToString(),
    };
}
