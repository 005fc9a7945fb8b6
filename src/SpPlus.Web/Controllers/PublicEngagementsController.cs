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
    /// <summary>
    /// The national platform where users give their opinion: the « Donner mon avis » links' address when the
    /// administrator set none (<see cref="OpinionPlatform.OpinionFormUrlAsync"/>).
    /// </summary>
    public const string OpinionPlatformUrl = OpinionPlatform.Url;

    [HttpGet("/engagements")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var opinionFormUrl = await db.OpinionFormUrlAsync(cancellationToken);
        var framework = await db.ActiveFrameworkAsync(cancellationToken);
        if (framework is null)
        {
            return View(new PublicEngagementsViewModel { Sections = [], Structures = [], OpinionFormUrl = opinionFormUrl });
        }

        var engagements = await db.PublicEngagementsAsync(framework.Id, cancellationToken);
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.ParentId == null ? s.Name : s.Parent!.Name)
            .ThenBy(s => s.ParentId == null ? 0 : 1)
            .ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug })
            .ToListAsync(cancellationToken);
        var commitments = await db.PublicCommitmentsAsync(structures.Select(s => s.Id).ToList(), framework.Id, cancellationToken);

        return View(new PublicEngagementsViewModel
        {
            FrameworkName = framework.Name,
            FrameworkYear = framework.Year,
            ActivatedAtUtc = framework.ActivatedAtUtc,
            Sections = EngagementSection.Build(engagements.Select(EngagementItemOf)),
            Structures = structures.Select(s => new PublicStructure(s.Name, s.Slug, commitments[s.Id].ToList())).ToList(),
            OpinionFormUrl = opinionFormUrl,
        });
    }

    /// <summary>An engagement as the engagement sections show it (the public pages list no sub-criteria).</summary>
    internal static EngagementItem EngagementItemOf(PublicEngagement engagement) =>
        new(engagement.Id, engagement.Number, engagement.Wording, engagement.Group, []);
}

public sealed class PublicEngagementsViewModel
{
    /// <summary>Null when no framework is active.</summary>
    public string? FrameworkName { get; init; }

    public int FrameworkYear { get; init; }

    public DateTime? ActivatedAtUtc { get; init; }

    public required IReadOnlyList<EngagementSection> Sections { get; init; }

    public required IReadOnlyList<PublicStructure> Structures { get; init; }

    /// <summary>Where the « Donner mon avis » link leads (the setting, or the national platform).</summary>
    public required string OpinionFormUrl { get; init; }
}

public sealed record PublicStructure(string Name, string Slug, IReadOnlyList<PublicCommitment> Commitments);
