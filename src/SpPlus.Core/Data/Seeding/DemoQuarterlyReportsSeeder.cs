using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Data.Seeding;

/// <summary>
/// Demo quarterly results: the four quarters before the current one, for every structure and every entered indicator
/// that applies to it, in mixed states with a consistent review history (the states and transitions of the rule
/// table, by the demo referent and correspondents). Values are pseudo-random but the same on every run.
/// Does nothing once any quarterly report exists.
/// </summary>
public sealed class DemoQuarterlyReportsSeeder(SpPlusDbContext db, TimeProvider time)
{
    public const string ReturnComment =
        "Le nombre d'appels nécessitant un agent semble incomplet par rapport au trimestre précédent : merci de vérifier les chiffres du standard.";

    private enum Plan
    {
        Draft,
        Returned,
        Submitted,
        Approved,
        Published,
    }

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.QuarterlyReports.AnyAsync(cancellationToken))
        {
            return;
        }

        if (await UserAsync($"referent@{DemoDataSeeder.EmailDomain}", cancellationToken) is not { } referent)
        {
            return;
        }

        var structures = await db.Structures.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug, s.Type }).ToListAsync(cancellationToken);
        var indicators = await db.Indicators
            .Where(i => i.IsActive && i.Source == IndicatorSource.Entered)
            .OrderBy(i => i.SortOrder)
            .Select(i => new { Indicator = i, Types = i.StructureTypes.Select(t => t.StructureType).ToList() })
            .ToListAsync(cancellationToken);
        var correspondents = await db.Users
            .Where(u => u.Email!.StartsWith("correspondant.") && u.Email.EndsWith("@" + DemoDataSeeder.EmailDomain))
            .Select(u => new { u.Id, u.DisplayName, Structures = u.Structures.Select(s => s.StructureId).ToList() })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var quarters = Quarter.Range(Quarter.Containing(today).Previous, 4);
        var random = new Random(20_261);

        for (var q = 0; q < quarters.Count; q++)
        {
            var quarter = quarters[q];
            for (var s = 0; s < structures.Count; s++)
            {
                var structure = structures[s];
                var correspondent = correspondents.FirstOrDefault(c => c.Structures.Contains(structure.Id));
                var author = correspondent is null ? referent : (correspondent.Id, correspondent.DisplayName);
                var plan = (q, s % 3) switch
                {
                    (0 or 1, _) => Plan.Published,
                    (2, 0) => Plan.Approved,
                    (2, 1) => Plan.Submitted,
                    (2, _) => Plan.Published,
                    (_, 0) => Plan.Draft,
                    (_, 1) => Plan.Submitted,
                    _ => Plan.Returned,
                };

                var report = new QuarterlyReport
                {
                    StructureId = structure.Id,
                    Year = quarter.Year,
                    QuarterNumber = quarter.Number,
                    CreatedAtUtc = At(quarter, 1, now),
                };
                foreach (var item in indicators.Where(i => i.Types.Contains(structure.Type)))
                {
                    report.Values.Add(Values(item.Indicator, random));
                }

                db.QuarterlyReports.Add(report);
                await db.SaveChangesAsync(cancellationToken);

                var events = new List<(ReviewAction Action, ReviewState From, ReviewState To, (string Id, string Name) Actor, int Day, string? Comment)>();
                if (plan != Plan.Draft)
                {
                    events.Add((ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, author, 6 + s % 4, null));
                }

                if (plan == Plan.Returned)
                {
                    events.Add((ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft, referent, 11, ReturnComment));
                }

                if (plan is Plan.Approved or Plan.Published)
                {
                    events.Add((ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved, referent, 12, null));
                }

                if (plan == Plan.Published)
                {
                    events.Add((ReviewAction.Publish, ReviewState.Approved, ReviewState.Published, referent, 15, null));
                }

                foreach (var e in events)
                {
                    var at = At(quarter, e.Day, now);
                    db.ReviewEvents.Add(new ReviewEvent
                    {
                        DocumentKind = ReviewDocumentKind.QuarterlyReport,
                        DocumentId = report.Id,
                        StructureId = structure.Id,
                        Action = e.Action,
                        FromState = e.From,
                        ToState = e.To,
                        ActorUserId = e.Actor.Id,
                        ActorName = e.Actor.Name,
                        AtUtc = at,
                        Comment = e.Comment,
                    });
                    report.State = e.To;
                    report.StateChangedAtUtc = at;
                    if (e.Action == ReviewAction.Publish)
                    {
                        report.PublishedAtUtc = at;
                    }
                }

                report.ConcurrencyToken = Guid.NewGuid();
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private async Task<(string Id, string Name)?> UserAsync(string email, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : (user.Id, user.DisplayName);
    }

    /// <summary>A time <paramref name="day"/> days after the quarter's end (within its deadline), never in the future.</summary>
    private static DateTime At(Quarter quarter, int day, DateTime now)
    {
        var at = quarter.LastDay.AddDays(Math.Min(day, SettingKeys.DefaultQuarterDeadlineDays)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)
            .AddMinutes(day * 7);
        var latest = now.AddMinutes(-60 + day);
        return at < latest ? at : latest;
    }

    /// <summary>Plausible figures for an indicator: ratios 70–98 %, waiting 8–35 min, delays around their target...</summary>
    private static IndicatorValue Values(Indicator indicator, Random random)
    {
        var value = new IndicatorValue { IndicatorId = indicator.Id };
        switch (indicator.Kind)
        {
            case IndicatorKind.Ratio:
                var denominator = random.Next(120, 1_500);
                value.Denominator = denominator;
                value.Numerator = Math.Clamp(
                    (int)Math.Round(denominator * (0.70 + random.NextDouble() * 0.28)),
                    (int)Math.Ceiling(denominator * 0.70),
                    (int)Math.Floor(denominator * 0.98));
                break;
            case IndicatorKind.Average:
                value.Count = random.Next(40, 900);
                value.Value = Math.Round(indicator.Unit switch
                {
                    IndicatorUnit.Minutes => 8 + random.NextDouble() * 27,
                    _ when indicator.DefaultTarget is { } target => target * (0.6 + random.NextDouble() * 0.8),
                    _ => 1 + random.NextDouble() * 10,
                }, 1);
                break;
            case IndicatorKind.Count:
                value.Value = random.Next(20, 400);
                break;
            default:
                value.Value = Math.Round(indicator.Unit == IndicatorUnit.Points ? 20 + random.NextDouble() * 50 : random.NextDouble() * 100, 0);
                break;
        }

        if (indicator.MinValue is { } min && value.Value < min)
        {
            value.Value = min;
        }

        if (indicator.MaxValue is { } max && value.Value > max)
        {
            value.Value = max;
        }

        return value;
    }
}
