using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.SelfAssessments;
using static SpPlus.Core.Tests.SelfAssessments.SelfAssessmentTestData;

namespace SpPlus.Core.Tests.SelfAssessments;

/// <summary>
/// Grid versioning: an unused version is edited in place; a used one is copied to the next version first; older
/// versions are read-only. Creation: a draft or active framework without grid gets an empty version 1, once.
/// </summary>
public class AssessmentGridServiceTests
{
    private static Task<List<(int Id, int EngagementId, int Order, string Wording)>> CriteriaAsync(TestDatabase database, int gridId) =>
        database.RunAsync(async sp => (await sp.GetRequiredService<SpPlusDbContext>().AssessmentCriteria
                .Where(c => c.GridId == gridId).OrderBy(c => c.EngagementId).ThenBy(c => c.Order)
                .Select(c => new { c.Id, c.EngagementId, c.Order, c.Wording }).ToListAsync())
            .Select(c => (c.Id, c.EngagementId, c.Order, c.Wording)).ToList());

    private static Task UseGridAsync(TestDatabase database, int gridId, int year = 2026) => database.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        db.SelfAssessments.Add(new SelfAssessment { StructureId = await StructureIdAsync(db), Year = year, GridId = gridId, CreatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task An_unused_grid_is_edited_in_place()
    {
        await using var database = await CreateAsync();
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        var before = await CriteriaAsync(database, gridId);
        var first = before[0];

        var result = await database.RunAsync(sp => Grids(sp).UpdateCriterionAsync(gridId, first.Id, new CriterionInput(first.EngagementId, "  Accueil sur rendez-vous  ", "Regarder l'agenda"), "Romain Lefèvre"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(new GridEditOutcome(gridId, null), result.Value);
        var after = await CriteriaAsync(database, gridId);
        Assert.Equal("Accueil sur rendez-vous", after.Single(c => c.Id == first.Id).Wording);
        Assert.Equal(1, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.CountAsync()));
    }

    [Fact]
    public async Task Editing_a_used_grid_creates_version_2_and_leaves_version_1_untouched()
    {
        await using var database = await CreateAsync();
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        await UseGridAsync(database, gridId);
        var before = await CriteriaAsync(database, gridId);
        var engagementId = before[0].EngagementId;
        var second = before.Where(c => c.EngagementId == engagementId).ElementAt(1);

        // Move the second criterion of the first engagement up.
        var result = await database.RunAsync(sp => Grids(sp).MoveCriterionAsync(gridId, second.Id, up: true, "Romain Lefèvre"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.NotEqual(gridId, result.Value.GridId);
        Assert.Equal("Cette grille est utilisée par 1 auto-évaluation(s) : vos modifications ont créé la version 2.", result.Value.VersionMessage);
        Assert.Equal(before, await CriteriaAsync(database, gridId));
        var copy = await CriteriaAsync(database, result.Value.GridId);
        Assert.Equal(before.Count, copy.Count);
        var firstEngagement = copy.Where(c => c.EngagementId == engagementId).OrderBy(c => c.Order).Select(c => c.Wording).ToList();
        Assert.Equal(second.Wording, firstEngagement[0]);
        Assert.Equal(before[0].Wording, firstEngagement[1]);
        Assert.DoesNotContain(copy, c => before.Any(b => b.Id == c.Id));
        var version2 = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.SingleAsync(g => g.Id == result.Value.GridId));
        Assert.Equal((2, "Romain Lefèvre"), (version2.Version, version2.CreatedByName));

        // The current grid of the active framework is now version 2, the one new assessments use.
        Assert.Equal(result.Value.GridId, await database.RunAsync(sp => Grids(sp).CurrentGridIdOfActiveFrameworkAsync()));

        // Version 2 is not used: the next edit stays in it.
        var removed = copy.First(c => c.EngagementId == engagementId);
        var again = await database.RunAsync(sp => Grids(sp).RemoveCriterionAsync(result.Value.GridId, removed.Id, "Romain Lefèvre"));
        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        Assert.Equal(new GridEditOutcome(result.Value.GridId, null), again.Value);
        var afterRemoval = await CriteriaAsync(database, result.Value.GridId);
        Assert.Equal(copy.Count - 1, afterRemoval.Count);
        Assert.Equal(
            Enumerable.Range(1, afterRemoval.Count(c => c.EngagementId == engagementId)),
            afterRemoval.Where(c => c.EngagementId == engagementId).Select(c => c.Order));
        Assert.Equal(2, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.CountAsync()));
    }

    [Fact]
    public async Task Adding_a_criterion_to_a_used_grid_adds_it_to_the_new_version_only()
    {
        await using var database = await CreateAsync();
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        await UseGridAsync(database, gridId);
        var before = await CriteriaAsync(database, gridId);
        var engagementId = before[^1].EngagementId;

        var result = await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(engagementId, "Un référent handicap est identifié", null), "Romain Lefèvre"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(before, await CriteriaAsync(database, gridId));
        var copy = await CriteriaAsync(database, result.Value.GridId);
        var added = Assert.Single(copy, c => c.Wording == "Un référent handicap est identifié");
        Assert.Equal(before.Count(c => c.EngagementId == engagementId) + 1, added.Order);
    }

    [Fact]
    public async Task An_older_version_refuses_edits()
    {
        await using var database = await CreateAsync();
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        await UseGridAsync(database, gridId);
        var v2 = await database.RunAsync(sp => Grids(sp).RenameAsync(gridId, "Grille 2026", "Romain Lefèvre"));
        Assert.True(v2.Succeeded);

        var refused = await database.RunAsync(sp => Grids(sp).RenameAsync(gridId, "Autre nom", "Romain Lefèvre"));

        Assert.False(refused.Succeeded);
        Assert.Equal([AssessmentGridService.NotCurrentMessage(2)], refused.Errors);
        var names = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.OrderBy(g => g.Version).Select(g => g.Name).ToListAsync());
        Assert.Equal(2, names.Count);
        Assert.NotEqual("Autre nom", names[0]);
        Assert.Equal("Grille 2026", names[1]);
        var sheet = await database.RunAsync(sp => Grids(sp).GetAsync(gridId));
        Assert.False(sheet!.IsCurrent);
        Assert.Equal((2, 1), (sheet.CurrentVersion, sheet.AssessmentCount));
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_french_without_creating_a_version()
    {
        await using var database = await CreateAsync();
        var gridId = await database.RunAsync(sp => GridIdAsync(sp.GetRequiredService<SpPlusDbContext>()));
        await UseGridAsync(database, gridId);
        var engagementId = (await CriteriaAsync(database, gridId))[0].EngagementId;
        var otherFrameworkEngagement = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Engagements
            .Where(e => e.Framework!.Year == 2023).Select(e => e.Id).FirstAsync());

        var blank = await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(engagementId, " ", new string('x', 2001)), null));
        var tooLong = await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(engagementId, new string('x', 1001), null), null));
        var foreign = await database.RunAsync(sp => Grids(sp).AddCriterionAsync(gridId, new CriterionInput(otherFrameworkEngagement, "Critère", null), null));

        Assert.Equal(["Indiquez l'intitulé du critère.", "L'aide à l'évaluation doit contenir au plus 2000 caractères."], blank.Errors);
        Assert.Equal(["L'intitulé du critère doit contenir au plus 1000 caractères."], tooLong.Errors);
        Assert.Equal(["Choisissez un engagement du référentiel de cette grille."], foreign.Errors);
        Assert.Equal(1, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.CountAsync()));
    }

    internal static Task<int> Framework2023IdAsync(TestDatabase database) =>
        database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().EngagementFrameworks.Where(f => f.Year == 2023).Select(f => f.Id).SingleAsync());

    [Fact]
    public async Task Creating_the_grid_of_the_draft_2023_framework_gives_an_empty_version_1_once()
    {
        await using var database = await CreateAsync();
        var frameworkId = await Framework2023IdAsync(database);

        var before = await database.RunAsync(sp => Grids(sp).ListAsync());
        var waiting = Assert.Single(before.WithoutGrid);
        Assert.Equal((frameworkId, 2023, FrameworkStatus.Draft, 8), (waiting.FrameworkId, waiting.Year, waiting.Status, waiting.EngagementCount));
        Assert.DoesNotContain(before.Frameworks, f => f.FrameworkId == frameworkId);

        var created = await database.RunAsync(sp => Grids(sp).CreateAsync(frameworkId, "Romain Lefèvre"));

        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var grid = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.AsNoTracking().SingleAsync(g => g.Id == created.Value));
        Assert.Equal(
            (frameworkId, 1, "Grille d'auto-évaluation — Référentiel Services Publics + 2023", "Romain Lefèvre"),
            (grid.FrameworkId, grid.Version, grid.Name, grid.CreatedByName));
        Assert.Empty(await CriteriaAsync(database, created.Value));

        // The grid page lists the 8 engagements, each still without criterion.
        var sheet = await database.RunAsync(sp => Grids(sp).GetAsync(created.Value));
        Assert.Equal(Enumerable.Range(1, 8), sheet!.Engagements.Select(e => e.Number));
        Assert.All(sheet.Engagements, e => Assert.Empty(e.Criteria));
        Assert.True(sheet.IsCurrent);
        Assert.Equal(Enumerable.Range(1, 8), await database.RunAsync(sp => Grids(sp).EngagementsWithoutCriterionAsync(created.Value)));

        var after = await database.RunAsync(sp => Grids(sp).ListAsync());
        Assert.Empty(after.WithoutGrid);
        var listed = Assert.Single(after.Frameworks, f => f.FrameworkId == frameworkId);
        Assert.Equal((created.Value, 1, 0, true), (listed.Versions.Single().Id, listed.Versions.Single().Version, listed.Versions.Single().CriteriaCount, listed.Versions.Single().IsCurrent));

        // A second creation for the same framework is refused and creates nothing.
        var again = await database.RunAsync(sp => Grids(sp).CreateAsync(frameworkId, "Camille Durand"));
        Assert.Equal([AssessmentGridService.AlreadyCreatedMessage], again.Errors);
        Assert.Equal(1, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.CountAsync(g => g.FrameworkId == frameworkId)));

        // The 2021 framework already has its grid: refused as well.
        var framework2021 = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().EngagementFrameworks.Where(f => f.Year == 2021).Select(f => f.Id).SingleAsync());
        Assert.Equal([AssessmentGridService.AlreadyCreatedMessage], (await database.RunAsync(sp => Grids(sp).CreateAsync(framework2021, null))).Errors);
    }

    [Fact]
    public async Task An_archived_or_unknown_framework_gets_no_grid()
    {
        await using var database = await CreateAsync();
        var frameworkId = await Framework2023IdAsync(database);
        await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().EngagementFrameworks
            .Where(f => f.Id == frameworkId).ExecuteUpdateAsync(f => f.SetProperty(x => x.Status, FrameworkStatus.Archived)));

        var archived = await database.RunAsync(sp => Grids(sp).CreateAsync(frameworkId, "Romain Lefèvre"));
        var unknown = await database.RunAsync(sp => Grids(sp).CreateAsync(999_999, "Romain Lefèvre"));

        Assert.Equal([AssessmentGridService.ArchivedFrameworkMessage], archived.Errors);
        Assert.Equal([AssessmentGridService.FrameworkNotFoundMessage], unknown.Errors);
        Assert.Equal(1, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AssessmentGrids.CountAsync()));
        Assert.Empty((await database.RunAsync(sp => Grids(sp).ListAsync())).WithoutGrid);
    }

    [Theory]
    [InlineData(new[] { 8 }, "l'engagement 8")]
    [InlineData(new[] { 3, 8 }, "les engagements 3 et 8")]
    [InlineData(new[] { 1, 4, 6 }, "les engagements 1, 4 et 6")]
    public void Engagement_numbers_are_listed_in_french(int[] numbers, string expected) =>
        Assert.Equal(expected, AssessmentGridService.EngagementList(numbers));
}
