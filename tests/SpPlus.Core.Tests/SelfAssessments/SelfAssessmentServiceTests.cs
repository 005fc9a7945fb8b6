using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using static SpPlus.Core.Tests.SelfAssessments.SelfAssessmentTestData;

namespace SpPlus.Core.Tests.SelfAssessments;

/// <summary>Opening, saving (all or nothing), scores against last year's validated assessment, and the workflow's own rules.</summary>
public class SelfAssessmentServiceTests
{
    [Fact]
    public async Task Opening_a_year_creates_one_draft_on_the_current_grid_and_refuses_years_out_of_range()
    {
        await using var database = await CreateAsync();
        var (structureId, gridId) = await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return (await StructureIdAsync(db), await GridIdAsync(db));
        });

        // The clock is in 2026: 2025 to 2027 only.
        var opened = await database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2026));
        var again = await database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2026));
        var tooOld = await database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2024));

        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors));
        Assert.Equal(opened.Value, again.Value);
        Assert.Equal(["Une auto-évaluation ne peut être ouverte que pour les années 2025 à 2027."], tooOld.Errors);
        var assessment = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.SingleAsync());
        Assert.Equal((gridId, ReviewState.Draft, 2026), (assessment.GridId, assessment.State, assessment.Year));
    }

    [Fact]
    public async Task Opening_is_refused_when_no_framework_is_active()
    {
        await using var database = await CreateAsync();
        var structureId = await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            await db.EngagementFrameworks.ExecuteUpdateAsync(f => f.SetProperty(x => x.Status, FrameworkStatus.Archived));
            return await StructureIdAsync(db);
        });

        var result = await database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2026));

        Assert.Equal(["Aucun référentiel n'est actif : l'auto-évaluation ne peut pas être ouverte."], result.Errors);
    }

    [Fact]
    public async Task Opening_waits_for_the_new_active_framework_to_have_a_grid_with_a_criterion_per_engagement()
    {
        await using var database = await CreateAsync();
        var frameworkId = await AssessmentGridServiceTests.Framework2023IdAsync(database);
        var structureId = await database.RunAsync(async sp =>
        {
            // The 2023 framework replaces the 2021 one (activation archives the former).
            var db = sp.GetRequiredService<SpPlusDbContext>();
            await db.EngagementFrameworks.Where(f => f.Year == 2021).ExecuteUpdateAsync(f => f.SetProperty(x => x.Status, FrameworkStatus.Archived));
            await db.EngagementFrameworks.Where(f => f.Id == frameworkId).ExecuteUpdateAsync(f => f.SetProperty(x => x.Status, FrameworkStatus.Active));
            return await StructureIdAsync(db);
        });
        Task<OperationResult<int>> OpenAsync() => database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2026));

        // No grid yet: the message says who creates it and where.
        Assert.Equal([SelfAssessmentService.NoGridMessage], (await OpenAsync()).Errors);
        Assert.Contains("le référent ou l'administrateur la crée depuis Grilles d'auto-évaluation", SelfAssessmentService.NoGridMessage);

        // An empty grid: every engagement is listed.
        var gridId = (await database.RunAsync(sp => Grids(sp).CreateAsync(frameworkId, "Romain Lefèvre"))).Value;
        Assert.Equal(
            ["La grille d'auto-évaluation du référentiel actif n'a encore aucun critère pour les engagements 1, 2, 3, 4, 5, 6, 7 et 8 : le référent doit la compléter."],
            (await OpenAsync()).Errors);

        // One engagement left without criterion: still refused, naming it.
        var engagements = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Engagements
            .Where(e => e.FrameworkId == frameworkId).OrderBy(e => e.Number).Select(e => e.Id).ToListAsync());
        foreach (var engagementId in engagements.Take(7))
        {
            var added = await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(engagementId, "Un critère de l'engagement", null), "Romain Lefèvre"));
            Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        }

        Assert.Equal(
            ["La grille d'auto-évaluation du référentiel actif n'a encore aucun critère pour l'engagement 8 : le référent doit la compléter."],
            (await OpenAsync()).Errors);
        Assert.Equal(0, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.CountAsync()));

        // Every engagement has a criterion: the assessment opens on the new grid.
        await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(engagements[7], "Un critère du huitième engagement", null), "Romain Lefèvre"));
        var opened = await OpenAsync();
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors));
        Assert.Equal(gridId, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.Where(a => a.Id == opened.Value).Select(a => a.GridId).SingleAsync()));
    }

    [Fact]
    public async Task Ratings_are_saved_all_or_nothing_and_a_stale_token_saves_nothing()
    {
        await using var database = await CreateAsync();
        var (id, structureId, criteria) = await ArrangeAsync(database);
        var token = await TokenAsync(database, id);

        var invalid = await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
        [
            new RatingEntry(criteria[0].Id, MaturityLevel.Achieved, "Compte rendu", null),
            new RatingEntry(criteria[1].Id, MaturityLevel.InProgress, new string('x', 4001), null),
        ], token, Correspondent(structureId)));
        Assert.False(invalid.Succeeded);
        Assert.Equal([new RatingError(criteria[1].Id, criteria[1].Number, RatingField.Evidence, "Les éléments de preuve doivent contenir au plus 4000 caractères.")], invalid.RatingErrors);
        Assert.Equal(0, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().CriterionRatings.CountAsync()));

        var saved = await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
        [
            new RatingEntry(criteria[0].Id, MaturityLevel.Achieved, " Compte rendu ", null),
            new RatingEntry(criteria[1].Id, MaturityLevel.NotApplicable, null, "Pas d'accueil physique"),
        ], token, Correspondent(structureId)));
        Assert.True(saved.Succeeded);
        Assert.NotEqual(token, saved.Token);

        var stale = await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
            [new RatingEntry(criteria[0].Id, MaturityLevel.NotEngaged, null, null)], token, Correspondent(structureId)));
        Assert.True(stale.IsConflict);
        Assert.Equal([ReviewService.ConflictMessage], stale.Errors);

        var sheet = await database.RunAsync(sp => Assessments(sp).GetSheetAsync(id));
        var lines = sheet!.Lines.ToDictionary(l => l.Criterion.Id);
        Assert.Equal(new SavedRating(MaturityLevel.Achieved, "Compte rendu", null), lines[criteria[0].Id].Rating);
        Assert.Equal(MaturityLevel.NotApplicable, lines[criteria[1].Id].Rating!.Level);
        Assert.Equal((1, 1), (sheet.Scores.Rated, sheet.Scores.NotApplicable));
        Assert.Equal(75, sheet.Scores.Overall);
    }

    [Fact]
    public async Task A_copil_member_or_another_structure_cannot_save_ratings()
    {
        await using var database = await CreateAsync();
        var (id, _, criteria) = await ArrangeAsync(database);
        var other = await database.RunAsync(sp => StructureIdAsync(sp.GetRequiredService<SpPlusDbContext>(), 1));
        var token = await TokenAsync(database, id);
        RatingEntry[] entries = [new(criteria[0].Id, MaturityLevel.Exemplary, null, null)];

        var copil = await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id, entries, token, Copil));
        var stranger = await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id, entries, token, Correspondent(other)));

        Assert.Equal([SelfAssessmentService.NotAllowedMessage], copil.Errors);
        Assert.Equal([SelfAssessmentService.NotAllowedMessage], stranger.Errors);
        Assert.Equal(0, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().CriterionRatings.CountAsync()));
    }

    [Fact]
    public async Task Submission_needs_every_criterion_rated_and_validation_dates_the_assessment()
    {
        await using var database = await CreateAsync();
        var (id, structureId, criteria) = await ArrangeAsync(database);
        var correspondent = Correspondent(structureId);
        var token = await TokenAsync(database, id);
        await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
            [new RatingEntry(criteria[0].Id, MaturityLevel.Achieved, null, null)], token, correspondent));

        var refused = await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, correspondent, new ReviewService.Request(ReviewAction.Submit)));
        var message = Assert.Single(refused.Errors);
        Assert.StartsWith($"Évaluez tous les critères avant de soumettre l'auto-évaluation : {criteria.Count - 1} critère(s)", message);
        Assert.Contains(criteria[1].Number, message);
        Assert.DoesNotContain($" {criteria[0].Number},", message);
        Assert.Contains($"(et {criteria.Count - 1 - SelfAssessmentService.MissingListed} autre(s))", message);
        Assert.Equal(ReviewState.Draft, await StateAsync(database, id));

        token = await TokenAsync(database, id);
        await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
            criteria.Select(c => new RatingEntry(c.Id, MaturityLevel.InProgress, null, null)).ToList(), token, correspondent));
        Assert.True((await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, correspondent, new ReviewService.Request(ReviewAction.Submit)))).Succeeded);
        Assert.True((await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Approve)))).Succeeded);

        var noMeeting = await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, Copil, new ReviewService.Request(ReviewAction.Validate)));
        Assert.Equal(["Indiquez la réunion du COPIL au cours de laquelle la validation a été décidée."], noMeeting.Errors);
        Assert.Null(await ValidatedAtAsync(database, id));

        var meetingId = await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var meeting = new Meeting { Kind = MeetingKind.Copil, HeldAt = new DateTime(2026, 2, 27, 14, 0, 0), Place = "Salle Marianne", CreatedByUserId = "copil-1" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var validated = await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, Copil, new ReviewService.Request(ReviewAction.Validate, MeetingId: meetingId)));
        Assert.True(validated.Succeeded, string.Join(" ", validated.Errors));
        Assert.Equal(TestDatabase.Start.UtcDateTime, await ValidatedAtAsync(database, id));

        var reopened = await database.RunAsync(sp => Assessments(sp).ReviewAsync(id, Referent, new ReviewService.Request(ReviewAction.Reopen, "Erreur de saisie")));
        Assert.True(reopened.Succeeded);
        Assert.Null(await ValidatedAtAsync(database, id));
    }

    [Fact]
    public async Task The_sheet_compares_with_last_years_validated_assessment_only()
    {
        await using var database = await CreateAsync();
        var (id, structureId, criteria) = await ArrangeAsync(database);
        var first = criteria[0];
        var otherEngagement = criteria.First(c => c.EngagementNumber != first.EngagementNumber);
        // Last year: validated, engagement of the first criterion at 1 (25 %), another at 4 (100 %).
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var last = new SelfAssessment
            {
                StructureId = structureId, Year = 2025, GridId = await GridIdAsync(db), State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow,
                Ratings = [new CriterionRating { CriterionId = first.Id, Level = MaturityLevel.NotEngaged }, new CriterionRating { CriterionId = otherEngagement.Id, Level = MaturityLevel.Exemplary }],
            };
            db.SelfAssessments.Add(last);
            await db.SaveChangesAsync();
        });

        var sheet = await database.RunAsync(sp => Assessments(sp).GetSheetAsync(id));
        Assert.NotNull(sheet!.PreviousScores);
        Assert.Equal(25, sheet.Engagements.Single(e => e.Number == first.EngagementNumber).PreviousScore);
        Assert.Equal(100, sheet.Engagements.Single(e => e.Number == otherEngagement.EngagementNumber).PreviousScore);
        Assert.Equal(62.5, sheet.PreviousScores.Overall);

        // Not validated any more: no comparison.
        await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.Where(a => a.Year == 2025)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.State, ReviewState.Approved)));
        var without = await database.RunAsync(sp => Assessments(sp).GetSheetAsync(id));
        Assert.Null(without!.PreviousScores);
        Assert.All(without.Engagements, e => Assert.Null(e.PreviousScore));
    }

    [Fact]
    public async Task Last_years_assessment_on_another_framework_is_not_compared()
    {
        await using var database = await CreateAsync();
        var (id, structureId, _) = await ArrangeAsync(database);
        // Last year: validated, but on a grid of the 2023 framework, whose engagement 1 is not the 2021 one.
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var framework = await db.EngagementFrameworks.Include(f => f.Engagements).SingleAsync(f => f.Year == 2023);
            var criterion = new AssessmentCriterion { EngagementId = framework.Engagements.Single(e => e.Number == 1).Id, Order = 1, Wording = "Accueil" };
            db.AssessmentGrids.Add(new AssessmentGrid { FrameworkId = framework.Id, Version = 1, Name = "Grille 2023", CreatedAtUtc = DateTime.UtcNow, Criteria = [criterion] });
            await db.SaveChangesAsync();
            db.SelfAssessments.Add(new SelfAssessment
            {
                StructureId = structureId, Year = 2025, GridId = criterion.GridId, State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow,
                Ratings = [new CriterionRating { CriterionId = criterion.Id, Level = MaturityLevel.Exemplary }],
            });
            await db.SaveChangesAsync();
        });

        var sheet = await database.RunAsync(sp => Assessments(sp).GetSheetAsync(id));

        Assert.Null(sheet!.PreviousScores);
        Assert.Null(sheet.PreviousAssessmentId);
        Assert.All(sheet.Engagements, e => Assert.Null(e.PreviousScore));
    }

    [Fact]
    public async Task The_list_shows_the_overall_score_of_each_row()
    {
        await using var database = await CreateAsync();
        var (id, structureId, criteria) = await ArrangeAsync(database);
        var token = await TokenAsync(database, id);
        await database.RunAsync(sp => Assessments(sp).SaveRatingsAsync(id,
        [
            new RatingEntry(criteria[0].Id, MaturityLevel.NotEngaged, null, null),
            new RatingEntry(criteria[1].Id, MaturityLevel.InProgress, null, null),
            new RatingEntry(criteria[2].Id, MaturityLevel.NotApplicable, null, null),
        ], token, Correspondent(structureId)));

        var page = await database.RunAsync(sp => Assessments(sp).ListAsync(sp.GetRequiredService<SpPlusDbContext>().SelfAssessments, new AssessmentListFilter(Year: 2026), 1));
        var row = Assert.Single(page.Rows);
        Assert.Equal((id, 37.5, ReviewState.Draft), (row.Id, row.OverallScore, row.State));
        var none = await database.RunAsync(sp => Assessments(sp).ListAsync(sp.GetRequiredService<SpPlusDbContext>().SelfAssessments, new AssessmentListFilter(State: ReviewState.Validated), 1));
        Assert.Empty(none.Rows);
    }

    private static async Task<(int Id, int StructureId, List<GridCriterion> Criteria)> ArrangeAsync(TestDatabase database)
    {
        var structureId = await database.RunAsync(sp => StructureIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        var opened = await database.RunAsync(sp => Assessments(sp).OpenAsync(structureId, 2026));
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        var criteria = await database.RunAsync(sp => Grids(sp).CriteriaAsync(gridId));
        return (opened.Value, structureId, criteria);
    }

    private static Task<Guid> TokenAsync(TestDatabase database, int id) =>
        database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.Where(a => a.Id == id).Select(a => a.ConcurrencyToken).SingleAsync());

    private static Task<ReviewState> StateAsync(TestDatabase database, int id) =>
        database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.Where(a => a.Id == id).Select(a => a.State).SingleAsync());

    private static Task<DateTime?> ValidatedAtAsync(TestDatabase database, int id) =>
        database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().SelfAssessments.Where(a => a.Id == id).Select(a => a.ValidatedAtUtc).SingleAsync());
}
