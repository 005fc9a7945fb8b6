using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Data.Seeding;

/// <summary>Fictitious accounts (one per role, one correspondent per structure) and sample content, for demonstrations and tests.</summary>
public sealed class DemoDataSeeder(SpPlusDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public const string DefaultPassword = "SpPlus-Demo-2026!";
    public const string EmailDomain = "demo.spplus.fr";

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? StructureSlug);

    /// <summary>The demo accounts. Every person here is fictitious.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new($"admin@{EmailDomain}", "Alice Administratrice", RoleNames.Administrator, null),
        new($"referent@{EmailDomain}", "Romain Référent", RoleNames.Referent, null),
        new($"copil@{EmailDomain}", "Chloé Copil", RoleNames.CopilMember, null),
        new($"clac@{EmailDomain}", "Lucas Lecteur", RoleNames.ClacReader, null),
        .. ReferenceData.Structures.Select(s => new DemoAccount(
            CorrespondentEmail(s.Slug), $"Correspondant démo ({s.Name})", RoleNames.Correspondent, s.Slug)),
    ];

    public static string CorrespondentEmail(string structureSlug) => $"correspondant.{structureSlug}@{EmailDomain}";

    public async Task SeedAsync(string password, CancellationToken cancellationToken = default)
    {
        var structures = await db.Structures.ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            if (account.StructureSlug is not null && structures.TryGetValue(account.StructureSlug, out var structure))
            {
                user.Structures.Add(new UserStructure { StructureId = structure.Id });
            }

            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo account {account.Email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role);
        }

        await SeedLocalCommitmentsAsync(cancellationToken);
        await new DemoQuarterlyReportsSeeder(db, time).SeedAsync(cancellationToken);
        await new DemoFeedbackSeeder(db, time).SeedAsync(cancellationToken);
        await new DemoImprovementSeeder(db, time).SeedAsync(cancellationToken);
        var metrics = new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, time)), time);
        var reports = new QuarterlyReportService(db, new ReviewService(db, time, NullLogger<ReviewService>.Instance), new FeedbackIndicatorSource(metrics), time);
        await reports.FillMissingComputedValuesAsync(cancellationToken);
    }

    private async Task SeedLocalCommitmentsAsync(CancellationToken cancellationToken)
    {
        if (await db.LocalCommitments.AnyAsync(cancellationToken))
        {
            return;
        }

        var engagements = await db.Engagements
            .Where(e => e.Framework!.Status == FrameworkStatus.Active)
            .ToDictionaryAsync(e => e.Number, cancellationToken);
        if (!engagements.ContainsKey(2) || !engagements.ContainsKey(5))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var structure in await db.Structures.OrderBy(s => s.Id).ToListAsync(cancellationToken))
        {
            db.LocalCommitments.AddRange(
                new LocalCommitment
                {
                    StructureId = structure.Id,
                    EngagementId = engagements[2].Id,
                    Kind = LocalCommitmentKind.OpeningHours,
                    Text = "Accueil ouvert du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 16 h",
                    UpdatedAtUtc = now,
                },
                new LocalCommitment
                {
                    StructureId = structure.Id,
                    EngagementId = engagements[2].Id,
                    Kind = LocalCommitmentKind.PhoneReachability,
                    Text = "Standard joignable du lundi au vendredi de 9 h à 12 h et de 14 h à 16 h",
                    Target = "90 % des appels décrochés",
                    UpdatedAtUtc = now,
                },
                new LocalCommitment
                {
                    StructureId = structure.Id,
                    EngagementId = engagements[5].Id,
                    Kind = LocalCommitmentKind.AnnouncedDelay,
                    Text = "Réponse aux courriels dans un délai annoncé",
                    AnnouncedDelayDays = 10,
                    UpdatedAtUtc = now,
                });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
