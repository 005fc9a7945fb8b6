using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Engagements;

/// <summary>
/// An in-memory SQLite database with the real model, constraints and audit interceptor, holding the Aube's first
/// two structures and the 2021 (active) and 2023 (draft) frameworks as seeded in production.
/// Each <see cref="NewContext"/> is a fresh context on the same database, to read what was really saved.
/// </summary>
public sealed class EngagementTestDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection;
    private readonly SaveCounter _saves = new();

    private EngagementTestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>How many times any context of this database has saved (the audit's own nested saves included).</summary>
    public int SaveCount => _saves.Count;

    public int Framework2021Id { get; private set; }

    public int Framework2023Id { get; private set; }

    public int PrefectureId { get; private set; }

    public int DdtId { get; private set; }

    public static async Task<EngagementTestDatabase> CreateAsync()
    {
        var database = new EngagementTestDatabase();
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync();

        var department = new Department { Code = "10", Name = "Aube" };
        var prefecture = new Structure { Department = department, Name = "Préfecture de l'Aube", Slug = "prefecture-aube", Type = StructureType.Prefecture };
        var ddt = new Structure { Department = department, Name = "DDT de l'Aube", Slug = "ddt-aube", Type = StructureType.Ddt };
        var framework2021 = Build(2021, FrameworkStatus.Active, ReferenceData.Framework2021);
        var framework2023 = Build(2023, FrameworkStatus.Draft, ReferenceData.Framework2023);
        db.AddRange(prefecture, ddt, framework2021, framework2023);
        await db.SaveChangesAsync();

        database.PrefectureId = prefecture.Id;
        database.DdtId = ddt.Id;
        database.Framework2021Id = framework2021.Id;
        database.Framework2023Id = framework2023.Id;
        return database;
    }

    public SpPlusDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SpPlusDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditInterceptor(SystemAuditActor.Instance, Time), _saves)
            .Options;
        return new SpPlusDbContext(options);
    }

    public void Dispose() => _connection.Dispose();

    private sealed class SaveCounter : SaveChangesInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Count++;
            return result;
        }
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
