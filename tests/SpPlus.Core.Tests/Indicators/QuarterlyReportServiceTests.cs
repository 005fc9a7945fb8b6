using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Indicators;

public sealed class QuarterlyReportServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _ratioId;
    private int _averageId;
    private int _computedId;
    private int _prefectureOnlyId;

    // TestDatabase starts on 2 March 2026: the current quarter is T1 2026.
    private static readonly Quarter LastQuarter = new(2025, 4);

    private ReviewActor Correspondent => new("correspondant", "Camille Correspondante", true, false, false, new HashSet<int> { _database.PrefectureId });

    private static readonly ReviewActor Referent = new("referent", "Romain Référent", false, true, false, new HashSet<int>());

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var ratio = Indicator("TAUX", "Taux de décroché", IndicatorKind.Ratio, 85, 10, StructureType.Prefecture, StructureType.SubPrefecture);
            var average = Indicator("ATTENTE", "Temps d'attente moyen", IndicatorKind.Average, 20, 20, StructureType.Prefecture, StructureType.SubPrefecture);
            average.MinValue = 0;
            average.MaxValue = 600;
            average.Direction = IndicatorDirection.LowerIsBetter;
            var computed = Indicator("REPONSE", "Taux de réponse aux avis", IndicatorKind.Ratio, 90, 30, StructureType.Prefecture, StructureType.SubPrefecture);
            computed.Source = IndicatorSource.ComputedFromFeedback;
            var prefectureOnly = Indicator("SEJOUR", "Délai titre de séjour", IndicatorKind.Average, 60, 40, StructureType.Prefecture);
            var inactive = Indicator("ANCIEN", "Ancien indicateur", IndicatorKind.Count, null, 50, StructureType.Prefecture, StructureType.SubPrefecture);
            inactive.IsActive = false;
            db.Indicators.AddRange(ratio, average, computed, prefectureOnly, inactive);
            await db.SaveChangesAsync();
            db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = ratio.Id, StructureId = _database.SubPrefectureId, Target = 70 });
            await db.SaveChangesAsync();
            _ratioId = ratio.Id;
            _averageId = average.Id;
            _computedId = computed.Id;
            _prefectureOnlyId = prefectureOnly.Id;
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Opening_a_quarter_twice_returns_the_same_draft()
    {
        var first = await Run(s => s.OpenAsync(_database.PrefectureId, LastQuarter));
        var second = await Run(s => s.OpenAsync(_database.PrefectureId, LastQuarter));

        Assert.True(first.Succeeded);
        Assert.Equal(first.Value, second.Value);
        var reports = await Db(db => db.QuarterlyReports.ToListAsync());
        var report = Assert.Single(reports);
        Assert.Equal(ReviewState.Draft, report.State);
        Assert.Equal((2025, 4), (report.Year, report.QuarterNumber));
    }

    [Fact]
    public async Task A_future_quarter_or_one_older_than_three_years_cannot_be_opened()
    {
        var future = await Run(s => s.OpenAsync(_database.PrefectureId, new Quarter(2026, 2)));
        var tooOld = await Run(s => s.OpenAsync(_database.PrefectureId, new Quarter(2022, 4)));
        var current = await Run(s => s.OpenAsync(_database.PrefectureId, new Quarter(2026, 1)));
        var oldest = await Run(s => s.OpenAsync(_database.PrefectureId, new Quarter(2023, 1)));

        Assert.Equal(["Le trimestre T2 2026 n'est pas encore commencé."], future.Errors);
        Assert.False(tooOld.Succeeded);
        Assert.Contains("trop ancien", tooOld.Errors[0]);
        Assert.True(current.Succeeded);
        Assert.True(oldest.Succeeded);
        Assert.Equal(2, await Db(db => db.QuarterlyReports.CountAsync()));
    }

    [Fact]
    public async Task Applicable_indicators_follow_the_structure_type_and_use_the_structure_target()
    {
        var prefecture = await Run(s => s.GetApplicableIndicatorsAsync(StructureType.Prefecture, _database.PrefectureId));
        var subPrefecture = await Run(s => s.GetApplicableIndicatorsAsync(StructureType.SubPrefecture, _database.SubPrefectureId));

        Assert.Equal(["TAUX", "ATTENTE", "REPONSE", "SEJOUR"], prefecture.Select(i => i.Code));
        Assert.Equal(["TAUX", "ATTENTE", "REPONSE"], subPrefecture.Select(i => i.Code));
        Assert.Equal(85, prefecture[0].Target);
        Assert.Equal(70, subPrefecture[0].Target);
    }

    [Fact]
    public async Task One_wrong_row_saves_nothing_and_its_errors_are_given_by_indicator()
    {
        var (id, token) = await OpenAsync();

        var result = await Run(s => s.SaveEntriesAsync(id,
        [
            Ratio(_ratioId, 170, 200),
            new IndicatorEntry(_averageId, null, null, 12.5, 0, false, null, null),
            new IndicatorEntry(_prefectureOnlyId, null, null, null, null, true, "  ", null),
        ], token));

        Assert.False(result.Succeeded);
        Assert.Empty(result.ErrorsFor(_ratioId));
        Assert.Equal(["Le nombre de mesures doit être supérieur à 0."], result.ErrorsFor(_averageId));
        Assert.Equal(["Indiquez pourquoi l'indicateur est non applicable."], result.ErrorsFor(_prefectureOnlyId));
        Assert.Contains("Temps d'attente moyen : Le nombre de mesures doit être supérieur à 0.", result.AllMessages);
        Assert.Equal(0, await Db(db => db.IndicatorValues.CountAsync()));
        Assert.Equal(token, await Db(db => db.QuarterlyReports.Select(r => r.ConcurrencyToken).SingleAsync()));
    }

    [Fact]
    public async Task Valid_rows_are_saved_blank_ones_stay_empty_and_computed_ones_are_ignored()
    {
        var (id, token) = await OpenAsync();

        var result = await Run(s => s.SaveEntriesAsync(id,
        [
            Ratio(_ratioId, 175, 200),
            new IndicatorEntry(_averageId, null, null, null, null, false, null, null),
            Ratio(_computedId, 1, 2),
            new IndicatorEntry(_prefectureOnlyId, null, null, null, null, true, " Pas de titre renouvelé ", "Service fermé"),
        ], token));

        Assert.True(result.Succeeded, string.Join(" ", result.AllMessages));
        Assert.NotEqual(token, result.NewToken);
        var values = await Db(db => db.IndicatorValues.OrderBy(v => v.IndicatorId).ToListAsync());
        Assert.Equal([_ratioId, _prefectureOnlyId], values.Select(v => v.IndicatorId));
        Assert.Equal(87.5, IndicatorMath.Compute(IndicatorKind.Ratio, IndicatorFigures.From(values[0])));
        Assert.True(values[1].IsNotApplicable);
        Assert.Equal("Pas de titre renouvelé", values[1].NotApplicableReason);
        Assert.Equal("Service fermé", values[1].Comment);
    }

    [Fact]
    public async Task A_stale_token_is_a_conflict_and_saves_nothing()
    {
        var (id, token) = await OpenAsync();
        var first = await Run(s => s.SaveEntriesAsync(id, [Ratio(_ratioId, 10, 20)], token));

        var second = await Run(s => s.SaveEntriesAsync(id, [Ratio(_ratioId, 15, 20)], token));

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        Assert.Equal([ReviewService.ConflictMessage], second.ReportErrors);
        Assert.Equal(10, await Db(db => db.IndicatorValues.Select(v => v.Numerator).SingleAsync()));
    }

    [Fact]
    public async Task Submission_needs_every_entered_indicator_and_then_locks_the_figures()
    {
        var (id, token) = await OpenAsync();
        var saved = await Run(s => s.SaveEntriesAsync(id, [Ratio(_ratioId, 10, 20)], token));

        var refused = await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)));

        Assert.Equal(["Il manque des valeurs pour : Temps d'attente moyen, Délai titre de séjour."], refused.Errors);
        Assert.Equal(ReviewState.Draft, await StateAsync(id));

        await CompleteAsync(id, saved.NewToken!.Value);
        var submitted = await Run(s => s.ReviewAsync(id, Correspondent, new ReviewService.Request(ReviewAction.Submit)));

        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors));
        Assert.Equal(ReviewState.Submitted, await StateAsync(id));
        var current = await Db(db => db.QuarterlyReports.Select(r => r.ConcurrencyToken).SingleAsync());
        var locked = await Run(s => s.SaveEntriesAsync(id, [Ratio(_ratioId, 20, 20)], current));
        Assert.Equal([QuarterlyReportService.LockedMessage], locked.ReportErrors);
        Assert.Equal(10, await Db(db => db.IndicatorValues.Where(v => v.IndicatorId == _ratioId).Select(v => v.Numerator).SingleAsync()));
    }

    [Fact]
    public async Task Publishing_sets_the_publication_date_and_reopening_clears_it()
    {
        var id = await ApprovedReportAsync(_database.PrefectureId);
        _database.Time.Advance(TimeSpan.FromDays(3));

        var published = await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Publish)));

        Assert.True(published.Succeeded, string.Join(" ", published.Errors));
        var report = await Db(db => db.QuarterlyReports.SingleAsync(r => r.Id == id));
        Assert.Equal(ReviewState.Published, report.State);
        Assert.Equal(_database.Time.GetUtcNow().UtcDateTime, report.PublishedAtUtc);

        var withoutReason = await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Reopen)));
        Assert.Equal(["Indiquez le motif de la réouverture."], withoutReason.Errors);
        Assert.NotNull(await Db(db => db.QuarterlyReports.Where(r => r.Id == id).Select(r => r.PublishedAtUtc).SingleAsync()));

        var reopened = await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Reopen, "Erreur de saisie signalée")));

        Assert.True(reopened.Succeeded);
        report = await Db(db => db.QuarterlyReports.SingleAsync(r => r.Id == id));
        Assert.Equal(ReviewState.Draft, report.State);
        Assert.Null(report.PublishedAtUtc);
    }

    [Fact]
    public async Task Publishing_many_is_all_or_nothing()
    {
        var approved = await ApprovedReportAsync(_database.PrefectureId);
        var draft = (await OpenAsync(_database.SubPrefectureId)).Id;

        var refused = await Run(s => s.PublishManyAsync([approved, draft], Referent));

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.StartsWith("Sous-préfecture de Bar-sur-Aube (T4 2025) :", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Approved, await StateAsync(approved));
        Assert.Null(await Db(db => db.QuarterlyReports.Where(r => r.Id == approved).Select(r => r.PublishedAtUtc).SingleAsync()));

        var other = await ApprovedReportAsync(_database.SubPrefectureId, draft);
        var published = await Run(s => s.PublishManyAsync([approved, other], Referent));

        Assert.True(published.Succeeded, string.Join(" ", published.Errors));
        var reports = await Db(db => db.QuarterlyReports.ToListAsync());
        Assert.All(reports, r => Assert.Equal(ReviewState.Published, r.State));
        Assert.All(reports, r => Assert.NotNull(r.PublishedAtUtc));
        Assert.Equal(2, await Db(db => db.ReviewEvents.CountAsync(e => e.Action == ReviewAction.Publish)));
    }

    [Fact]
    public async Task A_correspondent_cannot_publish()
    {
        var id = await ApprovedReportAsync(_database.PrefectureId);

        var refused = await Run(s => s.PublishManyAsync([id], Correspondent));

        Assert.False(refused.Succeeded);
        Assert.Equal(ReviewState.Approved, await StateAsync(id));
    }

    private async Task<(int Id, Guid Token)> OpenAsync(int? structureId = null)
    {
        var opened = await Run(s => s.OpenAsync(structureId ?? _database.PrefectureId, LastQuarter));
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors));
        var token = await Db(db => db.QuarterlyReports.Where(r => r.Id == opened.Value).Select(r => r.ConcurrencyToken).SingleAsync());
        return (opened.Value, token);
    }

    private async Task CompleteAsync(int id, Guid token, bool prefecture = true)
    {
        List<IndicatorEntry> entries =
        [
            Ratio(_ratioId, 10, 20),
            new IndicatorEntry(_averageId, null, null, 12.5, 40, false, null, null),
        ];
        if (prefecture)
        {
            entries.Add(new IndicatorEntry(_prefectureOnlyId, null, null, 45, 12, false, null, null));
        }

        var result = await Run(s => s.SaveEntriesAsync(id, entries, token));
        Assert.True(result.Succeeded, string.Join(" ", result.AllMessages));
    }

    private async Task<int> ApprovedReportAsync(int structureId, int? existing = null)
    {
        var id = existing ?? (await OpenAsync(structureId)).Id;
        var token = await Db(db => db.QuarterlyReports.Where(r => r.Id == id).Select(r => r.ConcurrencyToken).SingleAsync());
        await CompleteAsync(id, token, structureId == _database.PrefectureId);
        var actor = Correspondent with { StructureIds = new HashSet<int> { structureId } };
        Assert.True((await Run(s => s.ReviewAsync(id, actor, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        Assert.True((await Run(s => s.ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Approve)))).Succeeded);
        return id;
    }

    private Task<ReviewState> StateAsync(int id) => Db(db => db.QuarterlyReports.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    private static IndicatorEntry Ratio(int indicatorId, int numerator, int denominator) =>
        new(indicatorId, numerator, denominator, null, null, false, null, null);

    private Task<T> Run<T>(Func<QuarterlyReportService, Task<T>> action) => _database.RunAsync(sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var reviews = new ReviewService(db, _database.Time, NullLogger<ReviewService>.Instance);
        var metrics = new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, _database.Time)), _database.Time);
        return action(new QuarterlyReportService(db, reviews, new FeedbackIndicatorSource(metrics), _database.Time));
    });

    private Task<T> Db<T>(Func<SpPlusDbContext, Task<T>> action) => _database.RunAsync(sp => action(sp.GetRequiredService<SpPlusDbContext>()));

    private static Indicator Indicator(string code, string label, IndicatorKind kind, double? target, int order, params StructureType[] types) => new()
    {
        Code = code,
        Label = label,
        Kind = kind,
        Unit = kind == IndicatorKind.Ratio ? IndicatorUnit.Percent : IndicatorUnit.Minutes,
        DefaultTarget = target,
        SortOrder = order,
        StructureTypes = types.Select(t => new IndicatorStructureType { StructureType = t }).ToList(),
    };
}
