using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Feedback;

/// <summary>
/// Which experiences the metrics cover: those published from <paramref name="From"/> to <paramref name="To"/>
/// (both included), in the structures of <paramref name="StructureIds"/>, or in every structure when it is null.
/// Deciding which structures a user may see is the caller's job.
/// </summary>
public sealed record FeedbackMetricsQuery(DateOnly From, DateOnly To, IReadOnlyCollection<int>? StructureIds = null);

/// <summary>One structure's figures.</summary>
public sealed record StructureFeedbackSummary(int StructureId, FeedbackSummary Summary);

/// <summary>One quarter's figures (the experiences published in it).</summary>
public sealed record QuarterFeedbackSummary(Quarter Quarter, FeedbackSummary Summary);

/// <summary>The metrics of a period: the whole (département or chosen structures), per structure and per quarter.</summary>
/// <param name="AsOf">Today (Europe/Paris), the reference date of the overdue count.</param>
/// <param name="ByStructure">Only the structures that have experiences in the period, by increasing id.</param>
/// <param name="ByQuarter">Only the quarters that have experiences in the period, oldest first.</param>
public sealed record FeedbackMetricsResult(
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    int AnswerDelayDays,
    FeedbackSummary Overall,
    IReadOnlyList<StructureFeedbackSummary> ByStructure,
    IReadOnlyList<QuarterFeedbackSummary> ByQuarter);

/// <summary>
/// Loads the facts the Feedback metrics need (<see cref="ExperienceFact"/>: structure, sentiment, tags, publication and
/// first-answer dates) with one projection query, and hands them to <see cref="FeedbackMetrics"/>. Only experiences
/// placed in a structure count: those waiting in the unmapped queue belong to no structure yet. The facts are small
/// records (the five tags share one set per combination), so tens of thousands of experiences fit in memory.
/// <para>
/// "Answered" means: the experience has a first answer date (<see cref="Experience.FirstAnswerOn"/>, from the national
/// export or marked when the answer is posted on the national platform), whenever that date falls. A draft or an
/// approved answer not yet posted does not make an experience answered.
/// </para>
/// </summary>
public sealed class FeedbackMetricsService(SpPlusDbContext db, SettingsService settings, TimeProvider time)
{
    /// <summary>One shared, read-only set per combination of the five tags (bit n for tag n + 1).</summary>
    private static readonly IReadOnlySet<ExperienceTag>[] TagSets = BuildTagSets();

    /// <summary>Today in Europe/Paris.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The metrics of a period: two queries (the answer-delay setting, the facts), whatever the number of experiences.</summary>
    public async Task<FeedbackMetricsResult> SummariseAsync(FeedbackMetricsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var delay = await settings.AnswerDelayDaysAsync(cancellationToken);
        var facts = await FactsAsync(query.From, query.To, query.StructureIds, cancellationToken);
        var today = Today;
        return new FeedbackMetricsResult(
            query.From,
            query.To,
            today,
            delay,
            FeedbackMetrics.Summarise(facts, delay, today),
            FeedbackMetrics.ByStructure(facts, delay, today).Select(s => new StructureFeedbackSummary(s.StructureId, s.Summary)).ToList(),
            FeedbackMetrics.ByQuarter(facts, delay, today).Select(q => new QuarterFeedbackSummary(q.Quarter, q.Summary)).ToList());
    }

    /// <summary>
    /// The figures of the two computed quarterly indicators of one structure (answer rate: answered / experiences
    /// published in the quarter; average delay: mean days and number answered), from the experiences published in
    /// <paramref name="quarter"/>; null when the structure does not exist. Two queries.
    /// </summary>
    public async Task<FeedbackIndicatorFigures?> FiguresForAsync(int structureId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        if (!await db.Structures.AnyAsync(s => s.Id == structureId, cancellationToken))
        {
            return null;
        }

        var facts = await FactsAsync(quarter.FirstDay, quarter.LastDay, [structureId], cancellationToken);
        return FeedbackMetrics.IndicatorFigures(facts, quarter);
    }

    /// <summary>
    /// The same figures as <see cref="FiguresForAsync"/> for every structure at once (one query): every structure of
    /// <paramref name="structureIds"/> has an entry, not applicable when it has no experience in the quarter.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, FeedbackIndicatorFigures>> FiguresForManyAsync(
        IReadOnlyCollection<int> structureIds, Quarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(structureIds);
        var facts = await FactsAsync(quarter.FirstDay, quarter.LastDay, structureIds, cancellationToken);
        var byStructure = facts.ToLookup(f => f.StructureId);
        return structureIds.Distinct().ToDictionary(id => id, id => FeedbackMetrics.IndicatorFigures(byStructure[id], quarter));
    }

    /// <summary>The facts of the placed experiences published in [from, to], in the given structures (all when null): one query.</summary>
    public async Task<List<ExperienceFact>> FactsAsync(
        DateOnly from, DateOnly to, IReadOnlyCollection<int>? structureIds, CancellationToken cancellationToken = default)
    {
        var experiences = db.Experiences.AsNoTracking()
            .Where(e => e.StructureId != null && e.PublishedOn != null && e.PublishedOn >= from && e.PublishedOn <= to);
        if (structureIds is not null)
        {
            var ids = structureIds.Distinct().ToList();
            experiences = experiences.Where(e => ids.Contains(e.StructureId!.Value));
        }

        var rows = await experiences
            .Select(e => new
            {
                StructureId = e.StructureId!.Value,
                e.Sentiment,
                e.TagAccessibility,
                e.TagInformation,
                e.TagRelation,
                e.TagReactivity,
                e.TagSimplicity,
                PublishedOn = e.PublishedOn!.Value,
                e.FirstAnswerOn,
            })
            .ToListAsync(cancellationToken);

        var facts = new List<ExperienceFact>(rows.Count);
        foreach (var row in rows)
        {
            var mask = (row.TagAccessibility ? 1 : 0)
                | (row.TagInformation ? 2 : 0)
                | (row.TagRelation ? 4 : 0)
                | (row.TagReactivity ? 8 : 0)
                | (row.TagSimplicity ? 16 : 0);
            facts.Add(new ExperienceFact(row.StructureId, row.Sentiment, TagSets[mask], row.PublishedOn, row.FirstAnswerOn));
        }

        return facts;
    }

    private static IReadOnlySet<ExperienceTag>[] BuildTagSets()
    {
        ExperienceTag[] order = [ExperienceTag.Accessibility, ExperienceTag.Information, ExperienceTag.Relation, ExperienceTag.Reactivity, ExperienceTag.Simplicity];
        var sets = new IReadOnlySet<ExperienceTag>[1 << order.Length];
        for (var mask = 0; mask < sets.Length; mask++)
        {
            var set = new HashSet<ExperienceTag>();
            for (var bit = 0; bit < order.Length; bit++)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    set.Add(order[bit]);
                }
            }

            sets[mask] = set.ToFrozenSet();
        }

        return sets;
    }
}
