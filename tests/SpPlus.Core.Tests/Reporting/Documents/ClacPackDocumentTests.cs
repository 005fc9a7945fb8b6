using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Settings;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Reporting.Documents;

public class ClacPackDocumentTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private const string DraftOnlyAction = "Action d'un plan en brouillon";

    private const string ApprovedOnlyAction = "Action d'un plan approuvé, pas encore validé";

    private const string PrivateText = "Mon voisin Hippolyte Vernier attendait depuis deux heures";

    /// <summary>
    /// 2026: the préfecture publishes T1 and T2 (calls 80 / 100 then 90 / 100) and has T3 approved (10 / 100, not public);
    /// the DDT publishes T2 (1 / 100) and has T3 in draft. 2025: the préfecture's T4 is published (70 / 100).
    /// Experiences: three of the préfecture in 2026 (two answered), one of the DDT in 2025 (outside the year).
    /// Assessments: the préfecture's 2026 and 2025 validated, the DDT's 2026 approved only.
    /// Plans: the préfecture's 2026 validated (four actions), the DDT's 2026 in draft, the SGCD's approved.
    /// </summary>
    private static async Task<TestDatabase> ArrangeAsync()
    {
        var services = await DocumentTestData.ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        var prefecture = ids["prefecture-aube"];
        var ddt = ids["ddt-aube"];
        await AddReportAsync(services, prefecture, new Quarter(2025, 4), ReviewState.Published, Ratio("TAUX-DECROCHE", 70, 100));
        await AddReportAsync(services, prefecture, new Quarter(2026, 1), ReviewState.Published, Ratio("TAUX-DECROCHE", 80, 100));
        await AddReportAsync(services, prefecture, new Quarter(2026, 2), ReviewState.Published, Ratio("TAUX-DECROCHE", 90, 100), Average("ATTENTE-GUICHET", 12, 40));
        await AddReportAsync(services, prefecture, new Quarter(2026, 3), ReviewState.Approved, Ratio("TAUX-DECROCHE", 10, 100));
        await AddReportAsync(services, ddt, new Quarter(2026, 2), ReviewState.Published, Ratio("TAUX-DECROCHE", 1, 100));
        await AddReportAsync(services, ddt, new Quarter(2026, 3), ReviewState.Draft, Ratio("TAUX-DECROCHE", 99, 100));

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Experiences.AddRange(
                Experience(prefecture, new DateOnly(2026, 2, 10), Sentiment.Negative, answeredOn: new DateOnly(2026, 2, 14)),
                Experience(prefecture, new DateOnly(2026, 5, 3), Sentiment.Positive, answeredOn: new DateOnly(2026, 5, 13)),
                Experience(prefecture, new DateOnly(2026, 8, 20), Sentiment.Positive, answeredOn: null),
                Experience(ddt, new DateOnly(2025, 12, 30), Sentiment.Neutral, answeredOn: null));

            var grid = await db.AssessmentGrids.Where(g => g.Framework!.Year == 2021 && g.Version == 1).Select(g => g.Id).SingleAsync();
            var criteria = await db.AssessmentCriteria.Where(c => c.GridId == grid).Select(c => new { c.Id, c.Engagement!.Number }).ToListAsync();
            SelfAssessment Assessment(int structureId, int year, ReviewState state, Func<int, MaturityLevel> level) => new()
            {
                StructureId = structureId, Year = year, GridId = grid, State = state, CreatedAtUtc = DateTime.UtcNow,
                Ratings = criteria.Select(c => new CriterionRating { CriterionId = c.Id, Level = level(c.Number) }).ToList(),
            };

            // 2026: engagement 1 exemplary (100 %), every other engagement achieved (75 %); 2025: all in progress (50 %).
            db.SelfAssessments.AddRange(
                Assessment(prefecture, 2026, ReviewState.Validated, n => n == 1 ? MaturityLevel.Exemplary : MaturityLevel.Achieved),
                Assessment(prefecture, 2025, ReviewState.Validated, _ => MaturityLevel.InProgress),
                Assessment(ddt, 2026, ReviewState.Approved, _ => MaturityLevel.NotEngaged));

            var engagements = await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).ToDictionaryAsync(e => e.Number, e => e.Id);
            ActionPlan Plan(int structureId, ReviewState state, params ImprovementAction[] actions) => new()
            {
                StructureId = structureId, Year = 2026, State = state, CreatedAtUtc = DateTime.UtcNow, Actions = actions.ToList(),
            };
            ImprovementAction Action(string title, int? engagement, ActionStatus status, int progress, DateOnly due, bool shown) => new()
            {
                Title = title, EngagementId = engagement is { } n ? engagements[n] : null, Status = status, Progress = progress, DueOn = due,
                ShowToUsers = shown, OwnerName = "Hippolyte Vernier", Origin = ActionOrigin.Experience, Priority = ActionPriority.Normal,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.ActionPlans.AddRange(
                Plan(
                    prefecture,
                    ReviewState.Validated,
                    Action("Afficher les horaires à l'entrée", 1, ActionStatus.Done, 100, new DateOnly(2026, 6, 30), shown: true),
                    Action("Rappeler les usagers sous 48 heures", 2, ActionStatus.InProgress, 50, new DateOnly(2026, 12, 31), shown: true),
                    Action("Refondre les courriers de relance", 3, ActionStatus.Planned, 0, new DateOnly(2026, 10, 1), shown: false),
                    Action("Ancienne borne d'accueil", null, ActionStatus.Abandoned, 20, new DateOnly(2026, 3, 1), shown: true)),
                Plan(ddt, ReviewState.Draft, Action(DraftOnlyAction, 1, ActionStatus.Done, 100, new DateOnly(2026, 6, 30), shown: true)),
                Plan(ids["sgcd-aube"], ReviewState.Approved, Action(ApprovedOnlyAction, 1, ActionStatus.Done, 100, new DateOnly(2026, 6, 30), shown: true)));
            await db.SaveChangesAsync();
        });
        return services;
    }

    private static Experience Experience(int structureId, DateOnly publishedOn, Sentiment sentiment, DateOnly? answeredOn) => new()
    {
        NationalId = $"NAT-{publishedOn:yyyyMMdd}-{structureId}",
        Source = ExperienceSource.NationalImport,
        StructureId = structureId,
        Title = "Attente au guichet",
        Description = PrivateText,
        Sentiment = sentiment,
        TagReactivity = true,
        PostalCode = "10190",
        WrittenOn = publishedOn.AddDays(-1),
        PublishedOn = publishedOn,
        FirstAnswerOn = answeredOn,
        DueOn = publishedOn.AddDays(30),
        CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static Task<ClacPackData> LoadAsync(TestDatabase services, int year = 2026) =>
        services.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var time = sp.GetRequiredService<TimeProvider>();
            var feedback = new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, time)), time);
            return ClacPackDocument.LoadAsync(db, new IndicatorResultsService(db, time), feedback, year, Today);
        });

    [Fact]
    public async Task Results_come_from_published_reports_only()
    {
        await using var services = await ArrangeAsync();
        var data = await LoadAsync(services);

        Assert.Equal(Quarter.Range(new Quarter(2026, 4), 8), data.TrendQuarters);
        Assert.Equal([new Quarter(2026, 1), new Quarter(2026, 2), new Quarter(2026, 3), new Quarter(2026, 4)], data.YearQuarters);
        var calls = data.Indicators.Single(i => i.Code == "TAUX-DECROCHE");
        double? Value(int year, int quarter) => calls.Points.Single(p => p.Quarter == new Quarter(year, quarter)).Value;
        Assert.Equal(70, Value(2025, 4));
        Assert.Equal(80, Value(2026, 1));
        // T2: (90 + 1) / (100 + 100), weighted; T3 only approved or draft: nothing public.
        Assert.Equal(45.5, Value(2026, 2));
        Assert.Null(Value(2026, 3));

        var prefecture = data.Results.Single(r => r.StructureName == "Préfecture de l'Aube");
        Assert.Equal(2, prefecture.PublishedQuarters);
        Assert.Equal(new Quarter(2026, 2), prefecture.LatestPublished);
        var ddt = data.Results.Single(r => r.StructureName == "DDT de l'Aube");
        Assert.Equal(1, ddt.PublishedQuarters);
        Assert.Equal(2, data.Results.Count);
        Assert.Equal(6, data.ActiveStructures);
    }

    [Fact]
    public async Task Experience_figures_count_the_year_and_carry_no_personal_data()
    {
        await using var services = await ArrangeAsync();
        var data = await LoadAsync(services);

        Assert.Equal(3, data.Feedback.Total);
        Assert.Equal(2, data.Feedback.Answered);
        Assert.Equal(2, data.Feedback.BySentiment[Sentiment.Positive]);
        // Delays of 4 and 10 days.
        Assert.Equal(7, data.Feedback.AverageDelayDays);
        Assert.Equal(["Préfecture de l'Aube"], data.FeedbackByStructure.Select(s => s.StructureName));
        Assert.Equal(3, data.FeedbackByQuarter.Count);

        var text = string.Join("\n", PageTexts(ClacPackDocument.Build(data, GeneratedAt)));
        Assert.DoesNotContain("10190", text);
        Assert.DoesNotContain("Hippolyte", text);
        Assert.DoesNotContain("Vernier", text);
        Assert.DoesNotContain(Squash(PrivateText), Squash(text));
        Assert.DoesNotContain("Attente au guichet", text);
    }

    [Fact]
    public async Task Assessments_and_plans_are_the_validated_ones_only()
    {
        await using var services = await ArrangeAsync();
        var data = await LoadAsync(services);

        var assessment = Assert.Single(data.Assessments);
        Assert.Equal("Préfecture de l'Aube", assessment.StructureName);
        Assert.Equal(100, assessment.Scores.ScoreOf(1));
        Assert.Equal(75, assessment.Scores.ScoreOf(2));
        Assert.Equal(50, assessment.PreviousOverall);
        Assert.True(assessment.Scores.Overall is > 75 and < 100);
        Assert.Equal(data.Engagements.Count, assessment.Scores.ByEngagement.Count);

        var plan = Assert.Single(data.Plans);
        Assert.Equal(4, plan.Actions);
        Assert.Equal(1, plan.Done);
        Assert.Equal(1, plan.InProgress);
        Assert.Equal(1, plan.Abandoned);
        // The relaunch letters are past due and only planned.
        Assert.Equal(1, plan.Late);
        // (100 + 50 + 0) / 3, the abandoned action left out.
        Assert.Equal(50, plan.AverageProgress);

        // Flagged and not abandoned, done first.
        Assert.Equal(["Afficher les horaires à l'entrée", "Rappeler les usagers sous 48 heures"], data.RequestedActions.Select(a => a.Title));

        var text = Squash(string.Join("\n", PageTexts(ClacPackDocument.Build(data, GeneratedAt))));
        Assert.DoesNotContain(Squash(DraftOnlyAction), text);
        Assert.DoesNotContain(Squash(ApprovedOnlyAction), text);
        Assert.DoesNotContain("Ancienneborne", text);
    }

    [Fact]
    public async Task The_pack_reads_back_with_every_section_its_figures_and_embedded_fonts()
    {
        await using var services = await ArrangeAsync();
        var data = await LoadAsync(services);
        var pdf = ClacPackDocument.Build(data, GeneratedAt);
        WriteSample("dossier-clac.pdf", pdf);

        Assert.Equal("dossier-clac-aube-2026.pdf", ClacPackDocument.FileName(data));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s)");
        var pages = document.GetPages().ToList();
        AssertEmbeddedDejaVuFonts(pdf);
        Assert.True(System.Text.Encoding.Latin1.GetString(pdf).Split("/FontFile2").Length - 1 >= 2, "the faces carry their font programs");
        Assert.All(pages, page => Assert.Contains($"page {page.Number} / {document.NumberOfPages}", page.Text));
        var text = string.Join("\n", pages.Select(p => p.Text));
        var squashed = Squash(text);
        Assert.Contains("Dossier CLAC 2026", text);
        Assert.Contains("Aube (10)", text);
        Assert.Contains("Résultats de qualité de service publiés", text);
        Assert.Contains("45,5", text);
        Assert.Contains(Squash("Taux de décroché (par un agent), en %"), squashed);
        Assert.Contains("Expériences des usagers", text);
        Assert.Contains("Auto-évaluations validées", text);
        Assert.Contains("Avancement des plans d'action validés", text);
        Assert.Contains(Squash(ClacPackDocument.RequestedHeading), squashed);
        Assert.Contains("Afficherleshorairesàl'entrée", squashed);
        Assert.Contains("Réalisée", text);
        Assert.Contains("En cours, 50\u00A0%", text);
        // The 2025 score beside this year's, and the préfecture's best engagement.
        Assert.Contains("50\u00A0%", text);
        Assert.Contains("n°\u00A01 (100\u00A0%)", text);
    }

    [Fact]
    public async Task A_year_without_anything_published_or_validated_says_so()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var data = await LoadAsync(services, 2024);

        Assert.Empty(data.Results);
        Assert.Equal(0, data.Feedback.Total);
        Assert.Empty(data.Assessments);
        Assert.Empty(data.Plans);
        var text = Squash(string.Join("\n", PageTexts(ClacPackDocument.Build(data, GeneratedAt))));
        Assert.Contains(Squash("Aucune structure n'a publié de résultats cette année."), text);
        Assert.Contains(Squash("Aucune expérience publiée en 2024"), text);
        Assert.Contains(Squash("Aucune auto-évaluation 2024 n'a encore été validée"), text);
        Assert.Contains(Squash("Aucun plan d'action 2024 n'a encore été validé"), text);
    }
}
