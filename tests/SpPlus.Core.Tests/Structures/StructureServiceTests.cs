using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Structures;

public sealed class StructureServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private StructureInput Ddt(string slug = "ddt-aube", int? parentId = null) =>
        new(_database.DepartmentId, "  Direction départementale des territoires de l'Aube ", slug, StructureType.Ddt, parentId, true);

    private Task<T> WithServiceAsync<T>(Func<StructureService, Task<T>> action) =>
        _database.RunAsync(sp => action(sp.GetRequiredService<StructureService>()));

    private Task<Structure> ReadAsync(int id) =>
        _database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Structures.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task Create_saves_the_structure_with_a_trimmed_name()
    {
        var result = await WithServiceAsync(s => s.CreateAsync(Ddt(parentId: _database.PrefectureId)));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var saved = await ReadAsync(result.Value);
        Assert.Equal("Direction départementale des territoires de l'Aube", saved.Name);
        Assert.Equal("ddt-aube", saved.Slug);
        Assert.Equal(StructureType.Ddt, saved.Type);
        Assert.Equal(_database.PrefectureId, saved.ParentId);
        Assert.True(saved.IsActive);
    }

    [Theory]
    [InlineData("DDT-Aube")]
    [InlineData("ddt aube")]
    [InlineData("ddt--aube")]
    [InlineData("ddt-aube-")]
    [InlineData("")]
    public async Task A_slug_must_be_lower_case_words_joined_by_hyphens(string slug)
    {
        var result = await WithServiceAsync(s => s.CreateAsync(Ddt(slug)));

        Assert.Equal([StructureService.SlugInvalidMessage], result.Errors);
        Assert.Equal("Slug", StructureService.FieldOf(result.Errors[0]));
    }

    [Fact]
    public async Task A_slug_is_unique_but_a_structure_keeps_its_own()
    {
        var taken = await WithServiceAsync(s => s.CreateAsync(Ddt("prefecture-aube")));
        var ownSlug = await WithServiceAsync(s => s.UpdateAsync(_database.PrefectureId,
            new StructureInput(_database.DepartmentId, "Préfecture de l'Aube (Troyes)", "prefecture-aube", StructureType.Prefecture, null, true)));

        Assert.Equal(["Cet identifiant est déjà utilisé par une autre structure."], taken.Errors);
        Assert.True(ownSlug.Succeeded, string.Join(" ", ownSlug.Errors));
        Assert.Equal("Préfecture de l'Aube (Troyes)", (await ReadAsync(_database.PrefectureId)).Name);
    }

    [Fact]
    public async Task A_structure_cannot_be_its_own_parent_nor_the_child_of_its_descendant()
    {
        var prefecture = await ReadAsync(_database.PrefectureId);
        StructureInput Prefecture(int parentId) =>
            new(prefecture.DepartmentId, prefecture.Name, prefecture.Slug, prefecture.Type, parentId, prefecture.IsActive);

        var itself = await WithServiceAsync(s => s.UpdateAsync(_database.PrefectureId, Prefecture(_database.PrefectureId)));
        var underItsChild = await WithServiceAsync(s => s.UpdateAsync(_database.PrefectureId, Prefecture(_database.SubPrefectureId)));

        Assert.Equal([StructureService.ParentCycleMessage], itself.Errors);
        Assert.Equal([StructureService.ParentCycleMessage], underItsChild.Errors);
        Assert.Equal("ParentId", StructureService.FieldOf(itself.Errors[0]));
        Assert.Null((await ReadAsync(_database.PrefectureId)).ParentId);
    }

    [Fact]
    public async Task Unknown_parent_department_and_type_are_refused()
    {
        var result = await WithServiceAsync(s => s.CreateAsync(
            new StructureInput(999, "Service inconnu", "service-inconnu", (StructureType)42, 999, true)));

        Assert.Equal(
            [StructureService.TypeInvalidMessage, StructureService.DepartmentInvalidMessage, StructureService.ParentNotFoundMessage],
            result.Errors);
    }

    [Fact]
    public async Task Update_can_deactivate_and_move_a_structure()
    {
        var ddt = await WithServiceAsync(s => s.CreateAsync(Ddt()));

        var result = await WithServiceAsync(s => s.UpdateAsync(ddt.Value, Ddt() with { ParentId = _database.PrefectureId, IsActive = false }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var saved = await ReadAsync(ddt.Value);
        Assert.False(saved.IsActive);
        Assert.Equal(_database.PrefectureId, saved.ParentId);
    }
}
