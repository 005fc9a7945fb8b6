using SpPlus.Core.Common;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Tests.Feedback;

public class FeedbackMetricsTests
{
    private static readonly DateOnly Published = new(2026, 3, 2);
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static ExperienceFact Fact(
        int? delayDays,
        DateOnly? publishedOn = null,
        Sentiment? sentiment = Sentiment.Positive,
        int structureId = 1,
        params ExperienceTag[] tags)
    {
        var published = publishedOn ?? Published;
        return new ExperienceFact(structureId, sentiment, tags.ToHashSet(), published, delayDays is { } d ? published.AddDays(d) : null);
    }

    private static List<ExperienceFact> WithDelays(params int[] delays) => delays.Select(d => Fact(d)).ToList();

    [Fact]
    public void The_90th_percentile_of_delays_1_to_10_is_9_by_nearest_rank()
    {
        var summary = FeedbackMetrics.Summarise(WithDelays(7, 3, 10, 1, 9, 2, 8, 4, 6, 5), 15, AsOf);

        Assert.Equal(9, summary.Percentile90DelayDays);
        Assert.Equal(5.5, summary.AverageDelayDays);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 30 }, 30)]
    [InlineData(new[] { 12 }, 12)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 10)]
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 100 }, 5)]
    [InlineData(new[] { 2, 40 }, 40)]
    public void The_90th_percentile_is_the_smallest_delay_covering_90_percent_of_the_answered(int[] delays, int expected) =>
        Assert.Equal(expected, FeedbackMetrics.Summarise(WithDelays(delays), 15, AsOf).Percentile90DelayDays);

    [Fact]
    public void The_average_delay_and_the_answer_rate_count_only_the_answered_experiences()
    {
        List<ExperienceFact> facts = [Fact(2), Fact(4), Fact(9), Fact(null)];

        var summary = FeedbackMetrics.Summarise(facts, 15, AsOf);

        Assert.Equal(4, summary.Total);
        Assert.Equal(3, summary.Answered);
        Assert.Equal(1, summary.Unanswered);
        Assert.Equal(75.0, summary.AnswerRatePercent);
        Assert.Equal(5.0, summary.AverageDelayDays);
    }

    [Fact]
    public void The_share_answered_within_the_delay_is_over_all_experiences_and_includes_the_delay_day()
    {
        // Answered in 3, 15 (on the last day) and 16 days; one not answered: 2 of 4, not 2 of 3.
        List<ExperienceFact> facts = [Fact(3), Fact(15), Fact(16), Fact(null)];

        var summary = FeedbackMetrics.Summarise(facts, 15, AsOf);

        Assert.Equal(2, summary.AnsweredWithinDelay);
        Assert.Equal(50.0, summary.AnsweredWithinDelayPercent);
        Assert.Equal(15, summary.AnswerDelayDays);
    }

    [Fact]
    public void The_share_within_the_delay_follows_the_configured_delay()
    {
        List<ExperienceFact> facts = [Fact(3), Fact(8), Fact(20), Fact(30)];

        Assert.Equal(25.0, FeedbackMetrics.Summarise(facts, 7, AsOf).AnsweredWithinDelayPercent);
        Assert.Equal(75.0, FeedbackMetrics.Summarise(facts, 20, AsOf).AnsweredWithinDelayPercent);
    }

    [Fact]
    public void Zero_experiences_give_zero_counts_and_no_rate_delay_or_percentile()
    {
        var summary = FeedbackMetrics.Summarise([], 15, AsOf);

        Assert.Equal(0, summary.Total);
        Assert.Equal(0, summary.Answered);
        Assert.Null(summary.AnswerRatePercent);
        Assert.Null(summary.AverageDelayDays);
        Assert.Null(summary.Percentile90DelayDays);
        Assert.Null(summary.AnsweredWithinDelayPercent);
        Assert.Equal(0, summary.Overdue);
        Assert.Equal(3, summary.BySentiment.Count);
        Assert.All(summary.BySentiment.Values, v => Assert.Equal(0, v));
        Assert.Equal(5, summary.ByTag.Count);
        Assert.All(summary.ByTag.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void All_unanswered_gives_a_zero_rate_no_delay_and_counts_the_overdue()
    {
        var asOf = new DateOnly(2026, 4, 16);
        List<ExperienceFact> facts =
        [
            Fact(null, new DateOnly(2026, 3, 31)), // due 15/04: overdue on 16/04
            Fact(null, new DateOnly(2026, 4, 1)), // due 16/04: due today, not overdue yet
            Fact(null, new DateOnly(2026, 4, 10)),
        ];

        var summary = FeedbackMetrics.Summarise(facts, 15, asOf);

        Assert.Equal(0, summary.Answered);
        Assert.Equal(0.0, summary.AnswerRatePercent);
        Assert.Null(summary.AverageDelayDays);
        Assert.Null(summary.Percentile90DelayDays);
        Assert.Equal(0.0, summary.AnsweredWithinDelayPercent);
        Assert.Equal(1, summary.Overdue);
    }

    [Fact]
    public void An_answered_experience_is_never_overdue_even_when_answered_late()
    {
        var summary = FeedbackMetrics.Summarise([Fact(60, new DateOnly(2026, 1, 5))], 15, AsOf);

        Assert.Equal(0, summary.Overdue);
        Assert.Equal(0, summary.AnsweredWithinDelay);
    }

    [Fact]
    public void An_answer_dated_before_its_publication_counts_as_zero_days()
    {
        List<ExperienceFact> facts = [Fact(-2), Fact(4)];

        var summary = FeedbackMetrics.Summarise(facts, 15, AsOf);

        Assert.Equal(0, FeedbackMetrics.Delay(facts[0]));
        Assert.Equal(2.0, summary.AverageDelayDays);
        Assert.Equal(4, summary.Percentile90DelayDays);
        Assert.Equal(2, summary.AnsweredWithinDelay);
        Assert.Equal(2, summary.Answered);
    }

    [Fact]
    public void Delays_are_calendar_days_across_months()
    {
        var fact = new ExperienceFact(1, null, new HashSet<ExperienceTag>(), new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 2));

        Assert.Equal(10, FeedbackMetrics.Delay(fact));
        Assert.Null(FeedbackMetrics.Delay(fact with { FirstAnswerOn = null }));
    }

    [Fact]
    public void Sentiments_are_counted_with_the_unstated_ones_apart_and_tags_per_experience()
    {
        List<ExperienceFact> facts =
        [
            Fact(1, sentiment: Sentiment.Negative, tags: [ExperienceTag.Reactivity, ExperienceTag.Relation]),
            Fact(1, sentiment: Sentiment.Negative, tags: [ExperienceTag.Reactivity]),
            Fact(1, sentiment: Sentiment.Positive, tags: [ExperienceTag.Relation]),
            Fact(1, sentiment: null),
        ];

        var summary = FeedbackMetrics.Summarise(facts, 15, AsOf);

        Assert.Equal(2, summary.BySentiment[Sentiment.Negative]);
        Assert.Equal(1, summary.BySentiment[Sentiment.Positive]);
        Assert.Equal(0, summary.BySentiment[Sentiment.Neutral]);
        Assert.Equal(1, summary.WithoutSentiment);
        Assert.Equal(2, summary.ByTag[ExperienceTag.Reactivity]);
        Assert.Equal(2, summary.ByTag[ExperienceTag.Relation]);
        Assert.Equal(0, summary.ByTag[ExperienceTag.Accessibility]);
    }

    [Fact]
    public void Experiences_are_grouped_by_the_quarter_of_their_publication_oldest_first()
    {
        List<ExperienceFact> facts =
        [
            Fact(1, new DateOnly(2026, 4, 1)),
            Fact(null, new DateOnly(2026, 3, 31)),
            Fact(3, new DateOnly(2026, 1, 1)),
            Fact(5, new DateOnly(2025, 12, 31)),
            Fact(7, new DateOnly(2026, 6, 30)),
        ];

        var byQuarter = FeedbackMetrics.ByQuarter(facts, 15, AsOf);

        Assert.Equal(new[] { new Quarter(2025, 4), new Quarter(2026, 1), new Quarter(2026, 2) }, byQuarter.Select(q => q.Quarter));
        Assert.Equal(new[] { 1, 2, 2 }, byQuarter.Select(q => q.Summary.Total));
        var first = byQuarter[1].Summary;
        Assert.Equal(1, first.Answered);
        Assert.Equal(3.0, first.AverageDelayDays);
        var second = byQuarter[2].Summary;
        Assert.Equal(2, second.Answered);
        Assert.Equal(4.0, second.AverageDelayDays);
    }

    [Fact]
    public void Experiences_are_grouped_by_structure()
    {
        List<ExperienceFact> facts = [Fact(1, structureId: 7), Fact(null, structureId: 3), Fact(5, structureId: 7)];

        var byStructure = FeedbackMetrics.ByStructure(facts, 15, AsOf);

        Assert.Equal(new[] { 3, 7 }, byStructure.Select(s => s.StructureId));
        Assert.Equal(0, byStructure[0].Summary.Answered);
        Assert.Equal(3.0, byStructure[1].Summary.AverageDelayDays);
    }

    [Fact]
    public void The_indicator_figures_of_a_quarter_take_only_the_experiences_published_in_it()
    {
        List<ExperienceFact> facts =
        [
            Fact(2, new DateOnly(2026, 3, 31)), // T1
            Fact(4, new DateOnly(2026, 4, 1)),
            Fact(-3, new DateOnly(2026, 5, 15)),
            Fact(null, new DateOnly(2026, 6, 30)),
            Fact(9, new DateOnly(2026, 7, 1)), // T3
        ];

        var figures = FeedbackMetrics.IndicatorFigures(facts, new Quarter(2026, 2));

        Assert.Equal(new FeedbackIndicatorFigures(2, 3, 2.0, 2), figures);
        Assert.Equal(new IndicatorFigures(2, 3, null, null), figures.AnswerRate);
        Assert.Equal(new IndicatorFigures(null, null, 2.0, 2), figures.AnswerDelay);
        Assert.Equal(200.0 / 3, IndicatorMath.Compute(IndicatorKind.Ratio, figures.AnswerRate)!.Value, 6);
        Assert.Equal(2.0, IndicatorMath.Compute(IndicatorKind.Average, figures.AnswerDelay));
    }

    [Fact]
    public void Indicator_figures_are_not_applicable_without_experiences_or_without_answers()
    {
        var empty = FeedbackMetrics.IndicatorFigures([Fact(2, new DateOnly(2026, 1, 10))], new Quarter(2026, 2));
        var unanswered = FeedbackMetrics.IndicatorFigures([Fact(null, new DateOnly(2026, 4, 10))], new Quarter(2026, 2));

        Assert.Equal(new FeedbackIndicatorFigures(0, 0, null, 0), empty);
        Assert.True(empty.AnswerRate.IsNotApplicable);
        Assert.True(empty.AnswerDelay.IsNotApplicable);
        Assert.Equal(new IndicatorFigures(0, 1, null, null), unanswered.AnswerRate);
        Assert.True(unanswered.AnswerDelay.IsNotApplicable);
    }

    [Fact]
    public void The_departement_delay_weights_each_quarter_figure_by_its_answered_count()
    {
        var big = FeedbackMetrics.IndicatorFigures(WithDelays(10, 10, 10), Quarter.Containing(Published));
        var small = FeedbackMetrics.IndicatorFigures(WithDelays(30), Quarter.Containing(Published));

        var departement = IndicatorMath.Aggregate(IndicatorKind.Average, [big.AnswerDelay, small.AnswerDelay]);

        Assert.Equal(15.0, departement);
        Assert.Equal(15.0, FeedbackMetrics.Summarise(WithDelays(10, 10, 10, 30), 15, AsOf).AverageDelayDays);
    }
}
