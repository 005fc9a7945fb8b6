using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Web.Areas.Engagements.Models;

namespace SpPlus.Web.Controllers;

/// <summary>The public page of the engagements in force and each structure's local commitments.</summary>
[AllowAnonymous]
public sealed class PublicEngagementsController(SpPlusDbContext db) : Controller
{
    /// <summary>The national platform where users give their opinion.</summary>
    public const string OpinionPlatformUrl = "https://www.plus.transformation.gouv.fr/";

    [HttpGet("/engagements")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Status == FrameworkStatus.Active)
            .OrderByDescending(f => f.ActivatedAtUtc)
            .Select(f => new { f.Id, f.Year, f.Name, f.ActivatedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return View(new PublicEngagementsViewModel { Sections = [], Structures = [] });
        }

        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.FrameworkId == framework.Id)
            .OrderBy(e => e.Number)
            .Select(e => new EngagementItem(e.Id, e.Number, e.Wording, e.Group, new List<string>()))
            .ToListAsync(cancellationToken);

        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.ParentId == null ? s.Name : s.Parent!.Name)
            .ThenBy(s => s.ParentId == null ? 0 : 1)
            .ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug })
            .ToListAsync(cancellationToken);
        var structureIds = structures.Select(s => s.Id).ToList();
        var commitments = (await db.LocalCommitments.AsNoTracking()
                .Where(c => structureIds.Contains(c.StructureId))
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.StructureId,
                    Commitment = new PublicCommitment(c.Kind, c.Text, c.AnnouncedDelayDays, c.Target,
                        c.Engagement!.FrameworkId == framework.Id ? c.Engagement.Number : null),
                })
                .ToListAsync(cancellationToken))
            .OrderBy(c => KindOrder(c.Commitment.Kind))
            .ToLookup(c => c.StructureId, c => c.Commitment);

        return View(new PublicEngagementsViewModel
        {
            FrameworkName = framework.Name,
            FrameworkYear = framework.Year,
            ActivatedAtUtc = framework.ActivatedAtUtc,
            Sections = EngagementSection.Build(engagements),
            Structures = structures.Select(s => new PublicStructure(s.Name, s.Slug, commitments[s.Id].ToList())).ToList(),
        });
    }

    /// <summary>What a visitor looks for first: when to come, how to call, then how long an answer takes.</summary>
    private static int KindOrder(LocalCommitmentKind kind) => kind switch
    {
        LocalCommitmentKind.OpeningHours => 0,
        LocalCommitmentKind.PhoneReachability => 1,
        LocalCommitmentKind.AnnouncedDelay => 2,
        _ => 3,
    };
}

public sealed class PublicEngagementsViewModel
{
    /// <summary>Null when no framework is active.</summary>
    public string? FrameworkName { get; init; }

    public int FrameworkYear { get; init; }

    public DateTime? ActivatedAtUtc { get; init; }

    public required IReadOnlyList<EngagementSection> Sections { get; init; }

    public required IReadOnlyList<PublicStructure> Structures { get; init; }
}

public sealed record PublicStructure(string Name, string Slug, IReadOnlyList<PublicCommitment> Commitments);

/// <summary>A local commitment as the public sees it; the engagement number only when it belongs to the active version.</summary>
public sealed record PublicCommitment(LocalCommitmentKind Kind, string Text, int? AnnouncedDelayDays, string? Target, int? EngagementNumber);
