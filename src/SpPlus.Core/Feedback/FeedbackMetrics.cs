using SpPlus.Core.Common;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Feedback;

/// <summary>What the metrics need to know of one experience.</summary>
public sealed record ExperienceFact(
    int StructureId,
    Sentiment? Sentiment,
    IReadOnlySet<ExperienceTag> Tags,
    DateOnly PublishedOn,
    DateOnly? FirstAnswerOn);

/// <summary>
/// The figures of a set of experiences. Delays are calendar days from the publication to the first answer, as the
/// national back office measures them; an answer dated before its publication (seen in exports) counts as 0 days.
/// Percentages run from 0 to 100 and are null when there is nothing to divide by.
/// </summary>
/// <param name="Total">Number of experiences.</param>
/// <param name="BySentiment">Experiences per stated sentiment; every sentiment is present, with 0 when none.</param>
/// <param name="WithoutSentiment">Experiences whose sentiment is not given (« non renseigné »).</param>
/// <param name="ByTag">Experiences carrying each tag (one experience may carry several); every tag is present.</param>
/// <param name="Answered">Experiences with a first answer date.</param>
/// <param name="AnswerRatePercent">Answered / total × 100; null without experiences.</param>
/// <param name="AverageDelayDays">Average delay over the answered experiences; null when none is answered.</param>
/// <param name="Percentile90DelayDays">The 90th percentile of the delays of the answered experiences by the
/// nearest-rank method: the delays sorted in increasing order, the one at rank ⌈0.9 × n⌉ (1-based), that is the
/// smallest delay such that at least 90 % of the delays are less than or equal to it. Null when none is answered.</param>
/// <param name="AnsweredWithinDelay">Experiences answered in at most <paramref name="AnswerDelayDays"/> days.</param>
/// <param name="AnsweredWithinDelayPercent">Answered within the delay / <b>total</b> × 100; null without experiences.
/// The denominator is every experience, not only the answered ones: an experience left without an answer has not
/// been answered within the delay, and dividing by the answered ones only would let a structure that answers a few
/// experiences quickly and ignores the others show 100 %. Experiences published less than the delay ago and not yet
/// answered lower the share until they are answered.</param>
/// <param name="Overdue">Experiences not answered whose due date (publication + delay) is before the reference date.</param>
/// <param name="AnswerDelayDays">The answer delay (days) the figures were computed with.</param>
public sealed record FeedbackSummary(
    int Total,
    IReadOnlyDictionary<Sentiment, int> BySentiment,
    int WithoutSentiment,
    IReadOnlyDictionary<ExperienceTag, int> ByTag,
    int Answered,
    double? AnswerRatePercent,
    double? AverageDelayDays,
    int? Percentile90DelayDays,
    int AnsweredWithinDelay,
    double? AnsweredWithinDelayPercent,
    int Overdue,
    int AnswerDelayDays)
{
    public int Unanswered => Total - Answered;
}

/// <summary>
/// The figures behind the two quarterly indicators computed from the Feedback area, for the experiences published
/// in one quarter: <c>TAUX-REPONSE-AVIS</c> (ratio: answered / published) and <c>DELAI-REPONSE-AVIS</c> (average:
/// the average delay in days and the number of answered experiences it is made of, which weights the département
/// figure).
/// </summary>
public sealed record FeedbackIndicatorFigures(int RateNumerator, int RateDenominator, double? DelayAverage, int DelayCount)
{
    /// <summary>The figures of <c>TAUX-REPONSE-AVIS</c>; not applicable when no experience was published.</summary>
    public IndicatorFigures AnswerRate =>
        RateDenominator > 0 ? new(RateNumerator, RateDenominator, null, null) : new(null, null, null, null, IsNotApplicable: true);

    /// <summary>The figures of <c>DELAI-REPONSE-AVIS</c>; not applicable when no experience was answered.</summary>
    public IndicatorFigures AnswerDelay =>
        DelayCount > 0 ? new(null, null, DelayAverage, DelayCount) : new(null, null, null, null, IsNotApplicable: true);
}

/// <summary>Pure computations of the Feedback area's metrics: by sentiment, tag, structure and quarter, answer delays.</summary>
public static class FeedbackMetrics
{
    /// <summary>
    /// Summarises <paramref name="facts"/> with <paramref name="answerDelayDays"/> as the answer delay and
    /// <paramref name="asOf"/> as today's date (for the overdue count).
    /// </summary>
    public static FeedbackSummary Summarise(IEnumerable<ExperienceFact> facts, int answerDelayDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(answerDelayDays);

        var list = facts.ToList();
        var bySentiment = Enum.GetValues<Sentiment>().ToDictionary(s => s, s => list.Count(f => f.Sentiment == s));
        var byTag = Enum.GetValues<ExperienceTag>().ToDictionary(t => t, t => list.Count(f => f.Tags.Contains(t)));
        var delays = list.Select(Delay).OfType<int>().Order().ToList();
        var withinDelay = delays.Count(d => d <= answerDelayDays);
        var overdue = list.Count(f => f.FirstAnswerOn is null && f.PublishedOn.AddDays(answerDelayDays) < asOf);

        return new FeedbackSummary(
            Total: list.Count,
            BySentiment: bySentiment,
            WithoutSentiment: list.Count(f => f.Sentiment is null),
            ByTag: byTag,
            Answered: delays.Count,
            AnswerRatePercent: Percent(delays.Count, list.Count),
            AverageDelayDays: delays.Count > 0 ? delays.Average() : null,
            Percentile90DelayDays: delays.Count > 0 ? delays[NearestRank90(delays.Count) - 1] : null,
            AnsweredWithinDelay: withinDelay,
            AnsweredWithinDelayPercent: Percent(withinDelay, list.Count),
            Overdue: overdue,
            AnswerDelayDays: answerDelayDays);
    }

    /// <summary>One summary per quarter of publication that has experiences, oldest first (31/03 is in T1, 01/04 in T2).</summary>
    public static IReadOnlyList<(Quarter Quarter, FeedbackSummary Summary)> ByQuarter(
        IEnumerable<ExperienceFact> facts, int answerDelayDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts
            .GroupBy(f => Quarter.Containing(f.PublishedOn))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Summarise(g, answerDelayDays, asOf)))
            .ToList();
    }

    /// <summary>One summary per structure that has experiences, by increasing structure id.</summary>
    public static IReadOnlyList<(int StructureId, FeedbackSummary Summary)> ByStructure(
        IEnumerable<ExperienceFact> facts, int answerDelayDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts
            .GroupBy(f => f.StructureId)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Summarise(g, answerDelayDays, asOf)))
            .ToList();
    }

    /// <summary>
    /// The figures of the two quarterly indicators for the experiences of <paramref name="facts"/> published in
    /// <paramref name="quarter"/> (filter the facts on one structure first for a structure's values). An experience
    /// counts as answered when it has a first answer date, whenever that answer came.
    /// </summary>
    public static FeedbackIndicatorFigures IndicatorFigures(IEnumerable<ExperienceFact> facts, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var inQuarter = facts.Where(f => f.PublishedOn >= quarter.FirstDay && f.PublishedOn <= quarter.LastDay).ToList();
        var delays = inQuarter.Select(Delay).OfType<int>().ToList();
        return new FeedbackIndicatorFigures(delays.Count, inQuarter.Count, delays.Count > 0 ? delays.Average() : null, delays.Count);
    }

    /// <summary>
    /// The answer delay of one experience in calendar days (first answer − publication), 0 when the answer is dated
    /// before the publication; null when it is not answered.
    /// </summary>
    public static int? Delay(ExperienceFact fact) =>
        fact.FirstAnswerOn is { } answeredOn ? Math.Max(0, answeredOn.DayNumber - fact.PublishedOn.DayNumber) : null;

    /// <summary>The 1-based nearest rank of the 90th percentile among <paramref name="count"/> values: ⌈9 × count / 10⌉.</summary>
    private static int NearestRank90(int count) => (9 * count + 9) / 10;

    private static double? Percent(int part, int whole) => whole > 0 ? 100.0 * part / whole : null;
}
