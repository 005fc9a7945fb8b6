using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Feedback;

/// <summary>The two quarterly indicators computed from the experiences, as written into a structure's report.</summary>
public sealed class FeedbackIndicatorSourceTests : IAsyncLifetime
{
    // TestDatabase starts on 2 March 2026: T4 2025 is the last complete quarter.
    private static readonly Quarter LastQuarter = new(2025, 4);

    private TestDatabase _database = null!;
    private int _rateId;
    private int _delayId;

    private ReviewActor Correspondent => new("correspondant", "Camille Correspondante", true, false, false, new HashSet<int> { _database.PrefectureId });

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var rate = new Indicator
            {
                Code = ReferenceIndicators.AnswerRateCode, Label = "Taux de réponse aux avis", Kind = IndicatorKind.Ratio,
                Unit = IndicatorUnit.Percent, Source = IndicatorSource.ComputedFromFeedback, IsActive = true,
                StructureTypes = [new IndicatorStructureType { StructureType = StructureType.Prefecture }],
            };
            var delay = new Indicator
            {
                Code = ReferenceIndicators.AnswerDelayCode, Label = "Délai moyen de réponse aux avis", Kind = IndicatorKind.Average,
                Unit = IndicatorUnit.Days, Direction = IndicatorDirection.LowerIsBetter, Source = IndicatorSource.ComputedFromFeedback, IsActive = true,
                StructureTypes = [new IndicatorStructureType { StructureType = StructureType.Prefecture }],
            };
            db.Indicators.AddRange(rate, delay);

            // Four experiences published in T4 2025: answered after 2, 4 and 9 days, one unanswered; one in T1 2026 and
            // one in the other structure, which must not count.
            db.Experiences.AddRange(
                Experience("1", _database.PrefectureId, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 3)),
                Experience("2", _database.PrefectureId, new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 14)),
                Experience("3", _database.PrefectureId, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 9)),
                Experience("4", _database.PrefectureId, new DateOnly(2025, 12, 1), null),
                Experience("5", _database.PrefectureId, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3)),
                Experience("6", _database.SubPrefectureId, new DateOnly(2025, 11, 2), null));
            await db.SaveChangesAsync();
            _rateId = rate.Id;
            _delayId = delay.Id;
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Opening_a_quarter_fills_the_answer_rate_and_the_average_delay_from_the_quarters_experiences()
    {
        var id = (await Run(s => s.OpenAsync(_database.PrefectureId, LastQuarter))).Value;

        var values = await ValuesAsync(id);
        var rate = values[_rateId];
        Assert.Equal((3, 4), (rate.Numerator, rate.Denominator));
        Assert.Equal(75, IndicatorMath.Compute(IndicatorKind.Ratio, IndicatorFigures.From(rate)));
        var delay = values[_delayId];
        Assert.Equal(5, delay.Value);
        Assert.Equal(3, delay.Count);
        Assert.Contains("4 avis", rate.Comment);
    }

    [Fact]
    public async Task A_quarter_without_experiences_is_not_applicable_with_a_french_reason()
    {
        var id = (await Run(s => s.OpenAsync(_database.PrefectureId, new Quarter(2025, 2)))).Value;

        var values = await ValuesAsync(id);
        Assert.True(values[_rateId].IsNotApplicable);
        Assert.Equal(FeedbackIndicatorSource.NoExperienceReason, values[_rateId].NotApplicableReason);
        Assert.True(values[_delayId].IsNotApplicable);
    }

    [Fact]
    public async Task The_figures_follow_new_answers_while_the_report_is_a_draft_and_are_frozen_once_submitted()
    {
        var id = (await Run(s => s.OpenAsync(_database.PrefectureId, LastQuarter))).Value;
        await AnswerExperienceAsync("4", new DateOnly(2025, 12, 6));

        var token = await _database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().QuarterlyReports.Where(r => r.Id == id).Select(r => r.ConcurrencyToken).SingleAsync());
        Assert.True((await Run(s => s.SaveEntriesAsync(id, [], token))).Succeeded);
        var draft = await ValuesAsync(id);
        Assert.Equal((4, 4), (draft[_rateId].Numerator, draft[_rateId].Denominator));

        Assert.True((await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        await _database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Experiences.Add(Experience("7", _database.PrefectureId, new DateOnly(2025, 12, 20), null));
            await db.SaveChangesAsync();
        });

        var submitted = await ValuesAsync(id);
        Assert.Equal((4, 4), (submitted[_rateId].Numerator, submitted[_rateId].Denominator));
        Assert.Equal(4, submitted[_delayId].Count);
    }

    private Experience Experience(string nationalId, int structureId, DateOnly publishedOn, DateOnly? firstAnswerOn) => new()
    {
        NationalId = "T" + nationalId,
        Source = ExperienceSource.NationalImport,
        StructureId = structureId,
        Title = "Expérience " + nationalId,
        PublishedOn = publishedOn,
        FirstAnswerOn = firstAnswerOn,
        CreatedAtUtc = _database.Time.GetUtcNow().UtcDateTime,
    };

    private Task AnswerExperienceAsync(string nationalId, DateOnly on) => _database.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var experience = await db.Experiences.SingleAsync(e => e.NationalId == "T" + nationalId);
        experience.FirstAnswerOn = on;
        await db.SaveChangesAsync();
    });

    private Task<Dictionary<int, IndicatorValue>> ValuesAsync(int reportId) => _database.RunAsync(sp =>
        sp.GetRequiredService<SpPlusDbContext>().IndicatorValues.AsNoTracking().Where(v => v.ReportId == reportId).ToDictionaryAsync(v => v.IndicatorId));

    private Task<T> Run<T>(Func<QuarterlyReportService, Task<T>> action) => _database.RunAsync(sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var reviews = new ReviewService(db, _database.Time, NullLogger<ReviewService>.Instance);
        var metrics = new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, _database.Time)), _database.Time);
        return action(new QuarterlyReportService(db, reviews, new FeedbackIndicatorSource(metrics), _database.Time));
    });
}
