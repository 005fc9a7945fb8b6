using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Tests.Feedback;

/// <summary>
/// The metrics service against a database: which experiences it loads (period, structures, placed ones only) and the
/// figures it returns for the whole, per structure, per quarter and for one quarter's indicators. Today is 02/03/2026
/// (<see cref="TestDatabase.Start"/>); the experiences are of 2019.
/// </summary>
public class FeedbackMetricsServiceTests
{
    private static readonly DateOnly From = new(2019, 1, 1);
    private static readonly DateOnly To = new(2019, 6, 30);

    private static Task<T> WithServiceAsync<T>(TestDatabase database, Func<FeedbackMetricsService, Task<T>> action) =>
        database.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var time = sp.GetRequiredService<TimeProvider>();
            return action(new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, time)), time));
        });

    private static Experience Experience(int? structureId, DateOnly publishedOn, DateOnly? firstAnswerOn = null, Sentiment? sentiment = null,
        params ExperienceTag[] tags)
    {
        var experience = new Experience
        {
            StructureId = structureId,
            Source = ExperienceSource.Manual,
            Title = $"Avis du {publishedOn:dd/MM/yyyy}",
            Description = "Accueil au guichet.",
            Sentiment = sentiment,
            PublishedOn = publishedOn,
            FirstAnswerOn = firstAnswerOn,
            DueOn = publishedOn.AddDays(SettingKeys.DefaultAnswerDelayDays),
            CreatedAtUtc = new DateTime(2019, 7, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        experience.SetTags(tags.ToHashSet());
        return experience;
    }

    private static Task AddAsync(TestDatabase database, params Experience[] experiences) => database.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        db.Experiences.AddRange(experiences);
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// Préfecture: 4 experiences in T1 2019 (answered in 2, 4 and 30 days, one unanswered) and 1 in T2 (answered in 0
    /// day). Sous-préfecture: 2 in T2 (one answered in 10 days, one unanswered). Plus one unmapped experience.
    /// </summary>
    private static async Task<TestDatabase> ArrangeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var p = database.PrefectureId;
        var s = database.SubPrefectureId;
        await AddAsync(database,
            Experience(p, new(2019, 1, 10), new(2019, 1, 12), Sentiment.Positive, ExperienceTag.Accessibility, ExperienceTag.Relation),
            Experience(p, new(2019, 2, 1), new(2019, 2, 5), Sentiment.Negative, ExperienceTag.Reactivity),
            Experience(p, new(2019, 3, 1), new(2019, 3, 31), Sentiment.Negative, ExperienceTag.Reactivity, ExperienceTag.Simplicity),
            Experience(p, new(2019, 3, 31), null, Sentiment.Neutral),
            Experience(p, new(2019, 4, 1), new(2019, 4, 1), null, ExperienceTag.Information),
            Experience(s, new(2019, 5, 2), new(2019, 5, 12), Sentiment.Positive, ExperienceTag.Relation),
            Experience(s, new(2019, 6, 30), null, Sentiment.Positive),
            Experience(null, new(2019, 2, 2), null, Sentiment.Negative));
        return database;
    }

    [Fact]
    public async Task The_departement_figures_are_those_of_every_placed_experience_and_the_structures_add_up_to_them()
    {
        await using var database = await ArrangeAsync();

        var result = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(From, To)));

        var all = result.Overall;
        Assert.Equal(7, all.Total);
        Assert.Equal(5, all.Answered);
        Assert.Equal(100.0 * 5 / 7, all.AnswerRatePercent!.Value, 6);
        // Delays 2, 4, 30, 0, 10: average 9.2, 90th percentile (rank 5 of 5) 30.
        Assert.Equal(9.2, all.AverageDelayDays!.Value, 6);
        Assert.Equal(30, all.Percentile90DelayDays);
        Assert.Equal(4, all.AnsweredWithinDelay);
        Assert.Equal(3, all.BySentiment[Sentiment.Positive]);
        Assert.Equal(2, all.BySentiment[Sentiment.Negative]);
        Assert.Equal(1, all.WithoutSentiment);
        Assert.Equal(2, all.ByTag[ExperienceTag.Relation]);
        Assert.Equal(2, all.ByTag[ExperienceTag.Reactivity]);
        Assert.Equal(2, all.Overdue);
        Assert.Equal(new DateOnly(2026, 3, 2), result.AsOf);
        Assert.Equal(SettingKeys.DefaultAnswerDelayDays, result.AnswerDelayDays);

        Assert.Equal([database.PrefectureId, database.SubPrefectureId], result.ByStructure.Select(r => r.StructureId));
        var prefecture = result.ByStructure[0].Summary;
        var subPrefecture = result.ByStructure[1].Summary;
        Assert.Equal((5, 4, 2), (prefecture.Total, prefecture.Answered, subPrefecture.Total));
        Assert.Equal(all.Total, prefecture.Total + subPrefecture.Total);
        Assert.Equal(all.Answered, prefecture.Answered + subPrefecture.Answered);
        Assert.Equal(all.Overdue, prefecture.Overdue + subPrefecture.Overdue);
        Assert.Equal(9.0, prefecture.AverageDelayDays!.Value, 6);

        Assert.Equal([new Quarter(2019, 1), new Quarter(2019, 2)], result.ByQuarter.Select(q => q.Quarter));
        Assert.Equal((4, 3), (result.ByQuarter[0].Summary.Total, result.ByQuarter[0].Summary.Answered));
        Assert.Equal((3, 2), (result.ByQuarter[1].Summary.Total, result.ByQuarter[1].Summary.Answered));
    }

    [Fact]
    public async Task The_period_includes_both_of_its_days_and_nothing_outside_them()
    {
        await using var database = await ArrangeAsync();

        // 31/03 and 01/04 are the edges of the first and the second quarter.
        var march31 = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(new(2019, 3, 31), new(2019, 3, 31))));
        var edges = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(new(2019, 3, 31), new(2019, 4, 1))));
        var untilJune29 = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(From, new(2019, 6, 29))));
        var fromJanuary11 = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(new(2019, 1, 11), To)));
        var nothing = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(new(2020, 1, 1), new(2020, 12, 31))));

        Assert.Equal(1, march31.Overall.Total);
        Assert.Equal(2, edges.Overall.Total);
        Assert.Equal(6, untilJune29.Overall.Total);
        Assert.Equal(6, fromJanuary11.Overall.Total);
        Assert.Equal(0, nothing.Overall.Total);
        Assert.Null(nothing.Overall.AnswerRatePercent);
        Assert.Empty(nothing.ByStructure);
    }

    [Fact]
    public async Task Chosen_structures_limit_the_figures_to_their_experiences()
    {
        await using var database = await ArrangeAsync();

        var result = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(From, To, [database.SubPrefectureId])));

        Assert.Equal(2, result.Overall.Total);
        Assert.Equal(1, result.Overall.Answered);
        Assert.Equal(50.0, result.Overall.AnswerRatePercent);
        Assert.Equal([database.SubPrefectureId], result.ByStructure.Select(r => r.StructureId));
        Assert.Equal([new Quarter(2019, 2)], result.ByQuarter.Select(q => q.Quarter));
    }

    [Fact]
    public async Task The_answer_delay_setting_decides_which_answers_are_within_the_delay()
    {
        await using var database = await ArrangeAsync();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Settings.Add(new Setting { Key = SettingKeys.AnswerDelayDays, Value = "3" });
            await db.SaveChangesAsync();
        });

        var result = await WithServiceAsync(database, s => s.SummariseAsync(new FeedbackMetricsQuery(From, To)));

        Assert.Equal(3, result.AnswerDelayDays);
        // Delays 2 and 0 are within 3 days; 4, 30 and 10 are not.
        Assert.Equal(2, result.Overall.AnsweredWithinDelay);
    }

    [Fact]
    public async Task The_quarter_figures_of_a_structure_count_its_experiences_published_in_the_quarter()
    {
        await using var database = await ArrangeAsync();

        var t1 = await WithServiceAsync(database, s => s.FiguresForAsync(database.PrefectureId, new Quarter(2019, 1)));
        var t2 = await WithServiceAsync(database, s => s.FiguresForAsync(database.SubPrefectureId, new Quarter(2019, 2)));
        var empty = await WithServiceAsync(database, s => s.FiguresForAsync(database.SubPrefectureId, new Quarter(2019, 1)));
        var unknown = await WithServiceAsync(database, s => s.FiguresForAsync(999_999, new Quarter(2019, 1)));
        var many = await WithServiceAsync(database, s => s.FiguresForManyAsync([database.PrefectureId, database.SubPrefectureId], new Quarter(2019, 2)));

        // T1 2019 at the préfecture: 4 published (31/03 included, 01/04 not), 3 answered in 2, 4 and 30 days.
        Assert.NotNull(t1);
        Assert.Equal((3, 4, 3), (t1.RateNumerator, t1.RateDenominator, t1.DelayCount));
        Assert.Equal(12.0, t1.DelayAverage!.Value, 6);
        Assert.Equal(3, t1.AnswerRate.Numerator);
        Assert.Equal(4, t1.AnswerRate.Denominator);

        Assert.NotNull(t2);
        Assert.Equal((1, 2, 1), (t2.RateNumerator, t2.RateDenominator, t2.DelayCount));
        Assert.Equal(10.0, t2.DelayAverage);

        Assert.NotNull(empty);
        Assert.True(empty.AnswerRate.IsNotApplicable);
        Assert.True(empty.AnswerDelay.IsNotApplicable);
        Assert.Null(unknown);

        Assert.Equal((1, 1), (many[database.PrefectureId].RateNumerator, many[database.PrefectureId].RateDenominator));
        Assert.Equal((1, 2), (many[database.SubPrefectureId].RateNumerator, many[database.SubPrefectureId].RateDenominator));
    }
}
