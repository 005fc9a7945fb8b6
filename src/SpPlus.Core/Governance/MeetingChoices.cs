using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;

namespace SpPlus.Core.Governance;

/// <summary>A meeting offered in a list ("COPIL du 12/03/2026 — Salle Marianne").</summary>
public sealed record MeetingChoice(int Id, MeetingKind Kind, DateTime HeldAt, string Place)
{
    public string Label => $"{Kind.Label()} du {HeldAt.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} — {Place}";
}

public static class MeetingChoices
{
    /// <summary>How many recent meetings the lists offer.</summary>
    public const int Limit = 30;

    /// <summary>The most recent meetings of a kind, newest first: what a COPIL validation or a CLAC suggestion is recorded against.</summary>
    public static Task<List<MeetingChoice>> RecentAsync(this SpPlusDbContext db, MeetingKind kind, CancellationToken cancellationToken = default) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.Kind == kind)
            .OrderByDescending(m => m.HeldAt)
            .Take(Limit)
            .Select(m => new MeetingChoice(m.Id, m.Kind, m.HeldAt, m.Place))
            .ToListAsync(cancellationToken);
}
