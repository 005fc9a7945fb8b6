using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Indicators;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Indicators;

public sealed class IndicatorCatalogServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static IndicatorInput Input(string code = "TAUX-DECROCHE", IndicatorKind kind = IndicatorKind.Ratio) => new(
        code, "Taux de décroché", null, null, "Appels décrochés", "Appels reçus", kind, IndicatorUnit.Percent,
        IndicatorDirection.HigherIsBetter, 0, 100, null, 85, "IND-27", IndicatorSource.Entered, 10,
        [StructureType.Prefecture, StructureType.SubPrefecture]);

    private Task<T> Run<T>(Func<IndicatorCatalogService, Task<T>> action) =>
        _database.RunAsync(sp => action(new IndicatorCatalogService(sp.GetRequiredService<SpPlusDbContext>())));

    [Fact]
    public async Task A_valid_indicator_is_created_with_its_structure_types()
    {
        var result = await Run(s => s.CreateAsync(Input()));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var types = await _database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().IndicatorStructureTypes
            .Where(t => t.IndicatorId == result.Value).Select(t => t.StructureType).ToListAsync());
        Assert.Equal([StructureType.Prefecture, StructureType.SubPrefecture], types.Order());
    }

    [Fact]
    public async Task A_code_used_by_another_indicator_is_refused_with_its_label()
    {
        await Run(s => s.CreateAsync(Input()));

        var result = await Run(s => s.CreateAsync(Input()));

        Assert.Contains("Ce code est déjà utilisé par l'indicateur « Taux de décroché ».", result.Errors);
    }

    [Fact]
    public async Task An_indicator_keeps_its_own_code_when_edited()
    {
        var id = (await Run(s => s.CreateAsync(Input()))).Value;

        var result = await Run(s => s.UpdateAsync(id, Input() with { Label = "Taux de décroché téléphonique" }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Theory]
    [InlineData("taux")]
    [InlineData("TAUX DECROCHE")]
    [InlineData("TAUX--X")]
    [InlineData("DÉLAI")]
    public async Task A_code_outside_upper_case_letters_digits_and_hyphens_is_refused(string code)
    {
        var result = await Run(s => s.CreateAsync(Input(code)));

        Assert.Contains(result.Errors, e => e.StartsWith("Le code ne peut contenir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bounds_targets_ratio_labels_and_structure_types_are_checked_together()
    {
        var input = Input() with
        {
            MinValue = 50, MaxValue = 10, DefaultTarget = 120, NumeratorLabel = " ", StructureTypes = [],
        };

        var result = await Run(s => s.CreateAsync(input));

        Assert.Contains("La valeur minimale doit être inférieure ou égale à la valeur maximale.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("L'objectif par défaut doit être compris entre 50 et 10", StringComparison.Ordinal));
        Assert.Contains("Un taux a besoin du libellé de son numérateur et de celui de son dénominateur.", result.Errors);
        Assert.Contains("Choisissez au moins un type de structure auquel l'indicateur s'applique.", result.Errors);
    }

    [Fact]
    public async Task A_count_needs_no_ratio_labels()
    {
        var result = await Run(s => s.CreateAsync(Input(kind: IndicatorKind.Count) with { NumeratorLabel = null, DenominatorLabel = null }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task Deactivating_keeps_the_indicator()
    {
        var id = (await Run(s => s.CreateAsync(Input()))).Value;

        await Run(s => s.SetActiveAsync(id, false));

        var active = await _database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Indicators
            .Where(i => i.Id == id).Select(i => (bool?)i.IsActive).SingleOrDefaultAsync());
        Assert.False(active);
    }

    [Fact]
    public async Task Targets_are_saved_at_once_and_an_empty_one_falls_back_to_the_default()
    {
        var id = (await Run(s => s.CreateAsync(Input()))).Value;
        await Run(s => s.SaveTargetsAsync(id, new Dictionary<int, double?> { [_database.PrefectureId] = 90, [_database.SubPrefectureId] = 70 }));

        var refused = await Run(s => s.SaveTargetsAsync(id, new Dictionary<int, double?> { [_database.PrefectureId] = 150 }));
        var saved = await Run(s => s.SaveTargetsAsync(id, new Dictionary<int, double?> { [_database.PrefectureId] = 95, [_database.SubPrefectureId] = null }));

        Assert.False(refused.Succeeded);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var targets = await _database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().IndicatorTargets
            .Where(t => t.IndicatorId == id).Select(t => new { t.StructureId, t.Target }).ToListAsync());
        var only = Assert.Single(targets);
        Assert.Equal(_database.PrefectureId, only.StructureId);
        Assert.Equal(95, only.Target);
    }
}
