using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;

namespace SpPlus.Core.Engagements;

/// <summary>The framework in force, as the public pages name it.</summary>
public sealed record PublicFramework(int Id, int Year, string Name, DateTime? ActivatedAtUtc);

/// <summary>An engagement of the framework in force, without its sub-criteria.</summary>
public sealed record PublicEngagement(int Id, int Number, string Wording, EngagementGroup? Group);

/// <summary>A local commitment as the public sees it; the engagement number only when it belongs to the framework in force.</summary>
public sealed record PublicCommitment(LocalCommitmentKind Kind, string Text, int? AnnouncedDelayDays, string? Target, int? EngagementNumber);

/// <summary>
/// The reads the public pages share (the engagements page and each structure's results page): the framework in
/// force, its engagements, and structures' local commitments in the order a visitor looks for them.
/// </summary>
public static class PublicEngagementQueries
{
    /// <summary>The active framework (the latest activated if ever several are); null when none is active.</summary>
    public static Task<PublicFramework?> ActiveFrameworkAsync(this SpPlusDbContext db, CancellationToken cancellationToken = default) =>
        db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Status == FrameworkStatus.Active)
            .OrderByDescending(f => f.ActivatedAtUtc)
            .Select(f => new PublicFramework(f.Id, f.Year, f.Name, f.ActivatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The engagements of a framework, by number.</summary>
    public static Task<List<PublicEngagement>> PublicEngagementsAsync(this SpPlusDbContext db, int frameworkId, CancellationToken cancellationToken = default) =>
        db.Engagements.AsNoTracking()
            .Where(e => e.FrameworkId == frameworkId)
            .OrderBy(e => e.Number)
            .Select(e => new PublicEngagement(e.Id, e.Number, e.Wording, e.Group))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The local commitments of these structures, by structure, each structure's in <see cref="KindOrder"/> then in the
    /// order they were created. One query.
    /// </summary>
    public static async Task<ILookup<int, PublicCommitment>> PublicCommitmentsAsync(
        this SpPlusDbContext db, IReadOnlyCollection<int> structureIds, int? frameworkId, CancellationToken cancellationToken = default) =>
        (await db.LocalCommitments.AsNoTracking()
                .Where(c => structureIds.Contains(c.StructureId))
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.StructureId,
                    Commitment = new PublicCommitment(c.Kind, c.Text, c.AnnouncedDelayDays, c.Target,
                        c.Engagement!.FrameworkId == frameworkId ? c.Engagement.Number : null),
                })
                .ToListAsync(cancellationToken))
            .OrderBy(c => KindOrder(c.Commitment.Kind))
            .ToLookup(c => c.StructureId, c => c.Commitment);

    /// <summary>What a visitor looks for first: when to come, how to call, then how long an answer takes.</summary>
    public static int KindOrder(LocalCommitmentKind kind) => kind switch
    {
        LocalCommitmentKind.OpeningHours => 0,
        LocalCommitmentKind.PhoneReachability => 1,
        LocalCommitmentKind.AnnouncedDelay => 2,
        _ => 3,
    };
}
