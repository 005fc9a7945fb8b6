using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Indicators;

/// <summary>The reference data (six structures, the catalogue), on 27/11/2026: the last completed quarter is T3 2026.</summary>
public class IndicatorResultsServiceTests
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly Quarter T3 = new(2026, 3);

    private static async Task<TestDatabase> ArrangeAsync()
    {
        var services = await TestDatabase.CreateEmptyAsync();
        services.Time.SetUtcNow(Now);
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        return services;
    }

    private static Task<T> WithServiceAsync<T>(TestDatabase services, Func<IndicatorResultsService, SpPlusDbContext, Task<T>> action) =>
        services.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(new IndicatorResultsService(db, sp.GetRequiredService<TimeProvider>()), db);
        });

    private static Task<Dictionary<string, int>> StructureIdsAsync(TestDatabase services) =>
        services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Structures.ToDictionaryAsync(s => s.Slug, s => s.Id));

    /// <summary>A report in a given state with one ratio value for the call-answering indicator.</summary>
    private static Task<int> AddReportAsync(TestDatabase services, int structureId, Quarter quarter, ReviewState state, int numerator, int denominator,
        params ReviewAction[] history) =>
        services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var indicatorId = await db.Indicators.Where(i => i.Code == "TAUX-DECROCHE").Select(i => i.Id).SingleAsync();
            var report = new QuarterlyReport
            {
                StructureId = structureId,
                Year = quarter.Year,
                QuarterNumber = quarter.Number,
                State = state,
                CreatedAtUtc = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
                StateChangedAtUtc = new DateTime(2026, 10, 15, 8, 0, 0, DateTimeKind.Utc),
                PublishedAtUtc = state == ReviewState.Published ? new DateTime(2026, 10, 15, 8, 0, 0, DateTimeKind.Utc) : null,
                Values = [new IndicatorValue { IndicatorId = indicatorId, Numerator = numerator, Denominator = denominator }],
            };
            db.QuarterlyReports.Add(report);
            await db.SaveChangesAsync();
            foreach (var action in history)
            {
                db.ReviewEvents.Add(new ReviewEvent
                {
                    DocumentKind = ReviewDocumentKind.QuarterlyReport,
                    DocumentId = report.Id,
                    StructureId = structureId,
                    Action = action,
                    ActorUserId = "u",
                    ActorName = "Romain Référent",
                    AtUtc = new DateTime(2026, 10, 10, 8, 0, 0, DateTimeKind.Utc),
                    Comment = action == ReviewAction.Return ? "À corriger" : null,
                });
            }

            await db.SaveChangesAsync();
            return report.Id;
        });

    [Fact]
    public async Task The_departement_trend_is_weighted_over_published_reports_only()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        await AddReportAsync(services, ids["prefecture-aube"], T3, ReviewState.Published, 90, 100);
        await AddReportAsync(services, ids["sgcd-aube"], T3, ReviewState.Published, 1, 10);
        await AddReportAsync(services, ids["ddt-aube"], T3, ReviewState.Approved, 0, 1000);
        await AddReportAsync(services, ids["ddetspp-aube"], T3, ReviewState.Submitted, 0, 1000);

        var department = await WithServiceAsync(services, (s, _) => s.TrendsAsync(null, T3));
        var prefecture = await WithServiceAsync(services, (s, _) => s.TrendsAsync(ids["prefecture-aube"], T3));

        var calls = department!.Indicators.Single(i => i.Code == "TAUX-DECROCHE");
        Assert.Equal(8, calls.Points.Count);
        Assert.Equal(new Quarter(2024, 4), calls.Points[0].Quarter);
        Assert.Equal(T3, calls.Latest!.Quarter);
        Assert.Equal(91.0 / 110 * 100, calls.Latest.Value!.Value, 6); // 82,7 %, not the 50 % of an average of ratios
        Assert.All(calls.Points.Take(7), p => Assert.Null(p.Value));
        Assert.Equal(85, calls.Target);
        Assert.Null(department.StructureId);

        Assert.Equal("Préfecture de l'Aube", prefecture!.ScopeName);
        Assert.Equal(90, prefecture.Indicators.Single(i => i.Code == "TAUX-DECROCHE").Latest!.Value!.Value, 6);
        // Only the indicators that apply to a préfecture, the préfecture-only ones included.
        Assert.Contains(prefecture.Indicators, i => i.Code == "DELAI-TITRE-SEJOUR");
        var sgcd = await WithServiceAsync(services, (s, _) => s.TrendsAsync(ids["sgcd-aube"], T3));
        Assert.DoesNotContain(sgcd!.Indicators, i => i.Code is "DELAI-TITRE-SEJOUR" or "ATTENTE-GUICHET");
        Assert.Null(await WithServiceAsync(services, (s, _) => s.TrendsAsync(-1, T3)));
    }

    [Fact]
    public async Task A_structure_target_replaces_the_default_target()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var indicatorId = await db.Indicators.Where(i => i.Code == "TAUX-DECROCHE").Select(i => i.Id).SingleAsync();
            db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = indicatorId, StructureId = ids["ddt-aube"], Target = 92 });
            await db.SaveChangesAsync();
        });

        var ddt = await WithServiceAsync(services, (s, _) => s.TrendsAsync(ids["ddt-aube"], T3));
        var sgcd = await WithServiceAsync(services, (s, _) => s.TrendsAsync(ids["sgcd-aube"], T3));

        Assert.Equal(92, ddt!.Indicators.Single(i => i.Code == "TAUX-DECROCHE").Target);
        Assert.Equal(85, sgcd!.Indicators.Single(i => i.Code == "TAUX-DECROCHE").Target);
    }

    [Fact]
    public async Task The_board_tells_each_state_apart_including_returned_drafts_and_late_quarters()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        var returned = await AddReportAsync(services, ids["prefecture-aube"], T3, ReviewState.Draft, 1, 2, ReviewAction.Submit, ReviewAction.Return);
        await AddReportAsync(services, ids["sous-prefecture-nogent-sur-seine"], T3, ReviewState.Draft, 1, 2);
        // Returned once, then reopened after approval: a draft again, but its last transition is not a return.
        await AddReportAsync(services, ids["sous-prefecture-bar-sur-aube"], T3, ReviewState.Draft, 1, 2,
            ReviewAction.Submit, ReviewAction.Return, ReviewAction.Submit, ReviewAction.Approve, ReviewAction.Reopen);
        await AddReportAsync(services, ids["sgcd-aube"], T3, ReviewState.Submitted, 1, 2, ReviewAction.Submit);
        await AddReportAsync(services, ids["ddetspp-aube"], T3, ReviewState.Published, 1, 2);

        var board = await WithServiceAsync(services, (s, _) => s.BoardAsync(new BoardQuery(Quarter.Range(T3, 4))));

        Assert.Equal([new Quarter(2025, 4), new Quarter(2026, 1), new Quarter(2026, 2), T3], board.Quarters.Select(q => q.Quarter));
        Assert.Equal(6, board.Rows.Count);
        Assert.Equal(SettingKeys.DefaultQuarterDeadlineDays, board.DeadlineDays);
        BoardCell Cell(string slug) => board.Rows.Single(r => r.StructureId == ids[slug]).Cells.Single(c => c.Quarter == T3);

        Assert.Equal((BoardCellState.Returned, (int?)returned), (Cell("prefecture-aube").State, Cell("prefecture-aube").ReportId));
        Assert.Equal(BoardCellState.Draft, Cell("sous-prefecture-nogent-sur-seine").State);
        Assert.Equal(BoardCellState.Draft, Cell("sous-prefecture-bar-sur-aube").State);
        Assert.Equal(BoardCellState.Submitted, Cell("sgcd-aube").State);
        Assert.Equal(BoardCellState.NotStarted, Cell("ddt-aube").State);
        Assert.Null(Cell("ddt-aube").ReportId);
        Assert.Equal(BoardCellState.Published, Cell("ddetspp-aube").State);

        // 27/11/2026 is past the deadline of T3 (30/09 + 20 days = 20/10/2026): what is not submitted is late.
        Assert.Equal(new DateOnly(2026, 10, 20), Cell("ddt-aube").Deadline);
        Assert.True(Cell("ddt-aube").IsLate);
        Assert.True(Cell("prefecture-aube").IsLate);
        Assert.False(Cell("sgcd-aube").IsLate);
        Assert.False(Cell("ddetspp-aube").IsLate);
    }

    [Fact]
    public async Task The_board_reads_the_deadline_setting_and_filters_by_type_and_state()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        await AddReportAsync(services, ids["prefecture-aube"], T3, ReviewState.Draft, 1, 2, ReviewAction.Submit, ReviewAction.Return);
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Settings.Add(new Setting { Key = SettingKeys.QuarterDeadlineDays, Value = "60" });
            await db.SaveChangesAsync();
        });

        var board = await WithServiceAsync(services, (s, _) => s.BoardAsync(new BoardQuery([T3])));
        var subPrefectures = await WithServiceAsync(services, (s, _) => s.BoardAsync(new BoardQuery([T3], StructureType.SubPrefecture)));
        var returned = await WithServiceAsync(services, (s, _) => s.BoardAsync(new BoardQuery([T3], State: BoardCellState.Returned)));

        Assert.Equal(60, board.DeadlineDays);
        Assert.Equal(new DateOnly(2026, 11, 29), board.Quarters.Single().Deadline);
        Assert.All(board.Rows, r => Assert.False(r.Cells.Single().IsLate)); // 27/11 is before 29/11
        Assert.Equal(2, subPrefectures.Rows.Count);
        Assert.All(subPrefectures.Rows, r => Assert.Equal(StructureType.SubPrefecture, r.StructureType));
        Assert.Equal([ids["prefecture-aube"]], returned.Rows.Select(r => r.StructureId));
    }

    [Fact]
    public async Task Public_results_and_open_data_hold_published_reports_only()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        var prefecture = ids["prefecture-aube"];
        await AddReportAsync(services, prefecture, new Quarter(2026, 1), ReviewState.Published, 777, 1000);
        await AddReportAsync(services, prefecture, new Quarter(2026, 2), ReviewState.Approved, 111, 1000);
        await AddReportAsync(services, prefecture, T3, ReviewState.Submitted, 222, 1000);
        await AddReportAsync(services, ids["sgcd-aube"], T3, ReviewState.Draft, 333, 1000);

        var list = await WithServiceAsync(services, (s, _) => s.PublicStructuresAsync());
        var results = await WithServiceAsync(services, (s, _) => s.PublicResultsAsync("prefecture-aube"));
        var rows = await WithServiceAsync(services, async (s, _) =>
        {
            var all = new List<OpenDataRow>();
            await foreach (var row in s.OpenDataAsync())
            {
                all.Add(row);
            }

            return all;
        });

        Assert.Equal(new Quarter(2026, 1), list.Single(s => s.Slug == "prefecture-aube").LatestPublished);
        Assert.Null(list.Single(s => s.Slug == "sgcd-aube").LatestPublished);
        Assert.Equal(new Quarter(2026, 1), results!.LatestPublished);
        var calls = results.History!.Indicators.Single(i => i.Code == "TAUX-DECROCHE");
        Assert.Equal(77.7, calls.Latest!.Value!.Value, 6);
        Assert.Single(calls.Points, p => p.Value is not null);
        Assert.Null(await WithServiceAsync(services, (s, _) => s.PublicResultsAsync("inconnue")));

        var row = Assert.Single(rows);
        Assert.Equal(("Préfecture de l'Aube", "TAUX-DECROCHE", new Quarter(2026, 1), 85.0), (row.Structure, row.IndicatorCode, row.Quarter, row.Target!.Value));
        Assert.Equal(77.7, row.Value, 6);
    }
}

public class DemoQuarterlyReportsSeederTests
{
    [Fact]
    public async Task Demo_results_cover_four_past_quarters_in_mixed_states_with_a_consistent_history_once()
    {
        await using var services = await TestDatabase.CreateEmptyAsync();
        services.Time.SetUtcNow(IndicatorResultsServiceTests.Now);
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await services.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultPassword));
        await services.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultPassword));

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var reports = await db.QuarterlyReports.AsNoTracking().Include(r => r.Values).ToListAsync();
            var events = (await db.ReviewEvents.AsNoTracking().Where(e => e.DocumentKind == ReviewDocumentKind.QuarterlyReport).ToListAsync())
                .ToLookup(e => e.DocumentId);
            var indicators = await db.Indicators.AsNoTracking().Include(i => i.StructureTypes).ToDictionaryAsync(i => i.Id);
            var structures = await db.Structures.AsNoTracking().ToDictionaryAsync(s => s.Id);

            // 27/11/2026: T4 2025 to T3 2026, six structures each.
            Assert.Equal(24, reports.Count);
            Assert.Equal(
                [new Quarter(2025, 4), new Quarter(2026, 1), new Quarter(2026, 2), new Quarter(2026, 3)],
                reports.Select(r => r.Quarter).Distinct().Order());
            Assert.All(reports.Where(r => r.Quarter < new Quarter(2026, 2)), r => Assert.Equal(ReviewState.Published, r.State));
            Assert.Equal(
                [ReviewState.Submitted, ReviewState.Approved, ReviewState.Published],
                reports.Where(r => r.Quarter == new Quarter(2026, 2)).Select(r => r.State).Distinct().Order());
            var latest = reports.Where(r => r.Quarter == new Quarter(2026, 3)).ToList();
            Assert.Equal([ReviewState.Draft, ReviewState.Submitted], latest.Select(r => r.State).Distinct().Order());
            Assert.Contains(latest, r => events[r.Id].LastOrDefault()?.Action == ReviewAction.Return);

            foreach (var report in reports)
            {
                // Replaying the history through the rule table gives the report's state.
                var state = ReviewState.Draft;
                foreach (var e in events[report.Id].OrderBy(e => e.Id))
                {
                    var rule = ReviewRules.Find(ReviewDocumentKind.QuarterlyReport, state, e.Action);
                    Assert.NotNull(rule);
                    Assert.Equal((state, rule!.To), (e.FromState, e.ToState));
                    Assert.True(e.AtUtc <= now);
                    Assert.True(DateOnly.FromDateTime(e.AtUtc) <= report.Quarter.LastDay.AddDays(SettingKeys.DefaultQuarterDeadlineDays));
                    if (rule.CommentRequired)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(e.Comment));
                    }

                    state = rule.To;
                }

                Assert.Equal(state, report.State);
                Assert.Equal(report.State == ReviewState.Published, report.PublishedAtUtc is not null);

                // Every indicator that applies to the structure (entered, and computed from the demo experiences), with
                // figures that pass validation.
                var type = structures[report.StructureId].Type;
                Assert.Equal(
                    indicators.Values.Where(i => i.IsActive && i.StructureTypes.Any(t => t.StructureType == type)).Select(i => i.Id).Order(),
                    report.Values.Select(v => v.IndicatorId).Order());
                Assert.All(report.Values, v => Assert.Empty(IndicatorMath.Validate(indicators[v.IndicatorId], IndicatorFigures.From(v), v.NotApplicableReason)));
            }

            var waiting = reports.SelectMany(r => r.Values).Where(v => indicators[v.IndicatorId].Code == "ATTENTE-GUICHET").Select(v => v.Value!.Value).ToList();
            Assert.All(waiting, w => Assert.InRange(w, 8, 35));
            var ratios = reports.SelectMany(r => r.Values).Where(v => v.Denominator is not null && indicators[v.IndicatorId].Source == IndicatorSource.Entered).Select(v => 100.0 * v.Numerator!.Value / v.Denominator!.Value).ToList();
            Assert.All(ratios, r => Assert.InRange(r, 69.9, 98.1));
        });
    }
}
