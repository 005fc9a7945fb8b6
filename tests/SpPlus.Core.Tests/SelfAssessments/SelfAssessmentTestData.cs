using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Tests.SelfAssessments;

/// <summary>A database with the reference data (the 2021 framework, active, and its grid version 1) and the services under test.</summary>
internal static class SelfAssessmentTestData
{
    public static async Task<TestDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        await database.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        return database;
    }

    public static AssessmentGridService Grids(IServiceProvider sp) =>
        new(sp.GetRequiredService<SpPlusDbContext>(), sp.GetRequiredService<TimeProvider>());

    public static SelfAssessmentService Assessments(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<SpPlusDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        return new(db, new ReviewService(db, time, NullLogger<ReviewService>.Instance), Grids(sp), time);
    }

    public static Task<int> GridIdAsync(SpPlusDbContext db, int version = 1) =>
        db.AssessmentGrids.Where(g => g.Framework!.Year == 2021 && g.Version == version).Select(g => g.Id).SingleAsync();

    public static Task<int> StructureIdAsync(SpPlusDbContext db, int index = 0) =>
        db.Structures.OrderBy(s => s.Id).Skip(index).Select(s => s.Id).FirstAsync();

    public static ReviewActor Correspondent(int structureId) => new("corr-1", "Camille Durand", true, false, false, new HashSet<int> { structureId });

    public static readonly ReviewActor Referent = new("ref-1", "Romain Lefèvre", false, true, false, new HashSet<int>());

    public static readonly ReviewActor Copil = new("copil-1", "Chloé Martin", false, false, true, new HashSet<int>());
}
