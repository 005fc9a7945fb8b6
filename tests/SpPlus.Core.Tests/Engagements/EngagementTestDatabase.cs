using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Tests.Engagements;

/// <summary>
/// The shared <see cref="TestDatabase"/> (real model, constraints and audit interceptor; a préfecture and a
/// sous-préfecture) plus the 2021 (active) and 2023 (draft) frameworks as seeded in production.
/// Each <see cref="NewContext"/> is a fresh context on the same database, to read what was really saved.
/// </summary>
public sealed class EngagementTestDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<AsyncServiceScope> _scopes = [];

    private EngagementTestDatabase(TestDatabase database)
    {
        _database = database;
    }

    public static DateTimeOffset Start => TestDatabase.Start;

    public FakeTimeProvider Time => _database.Time;

    public int PrefectureId => _database.PrefectureId;

    public int SubPrefectureId => _database.SubPrefectureId;

    public int Framework2021Id { get; private set; }

    public int Framework2023Id { get; private set; }

    /// <summary>How many times the contexts made by <see cref="NewContext"/> have saved (the audit's own nested saves included).</summary>
    public int SaveCount { get; private set; }

    public static async Task<EngagementTestDatabase> CreateAsync()
    {
        var database = new EngagementTestDatabase(await TestDatabase.CreateAsync());
        await using var db = database.NewContext();
        var framework2021 = Build(2021, FrameworkStatus.Active, ReferenceData.Framework2021);
        var framework2023 = Build(2023, FrameworkStatus.Draft, ReferenceData.Framework2023);
        db.AddRange(framework2021, framework2023);
        await db.SaveChangesAsync();

        database.Framework2021Id = framework2021.Id;
        database.Framework2023Id = framework2023.Id;
        return database;
    }

    public SpPlusDbContext NewContext()
    {
        var scope = _database.CreateScope();
        _scopes.Add(scope);
        var db = scope.ServiceProvider.GetRequiredService<SpPlusDbContext>();
        db.SavingChanges += (_, _) => SaveCount++;
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private static EngagementFramework Build(int year, FrameworkStatus status, IReadOnlyList<ReferenceData.EngagementSeed> seeds) => new()
    {
        Year = year,
        Name = $"Référentiel Services Publics + {year}",
        Description = $"Version {year}.",
        Status = status,
        CreatedAtUtc = Start.UtcDateTime.AddYears(-1),
        ActivatedAtUtc = status == FrameworkStatus.Active ? Start.UtcDateTime.AddYears(-1) : null,
        Engagements = seeds.Select(s => new Engagement
        {
            Number = s.Number,
            Wording = s.Wording,
            Group = s.Group,
            SubCriteria = s.SubCriteria.Select((text, index) => new EngagementSubCriterion { Order = index + 1, Wording = text }).ToList(),
        }).ToList(),
    };
}
