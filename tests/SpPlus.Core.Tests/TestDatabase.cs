using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests;

/// <summary>
/// An in-memory SQLite database with the real model and audit interceptor, the five roles and two structures of the
/// Aube (a préfecture and a sous-préfecture under it), and Identity configured as the web app configures it (password
/// rules, French messages, common passwords, unique e-mails). Each scope is a fresh context on the same database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _provider;

    private TestDatabase(IAuditActor actor)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(actor);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<SpPlusDbContext>((sp, options) =>
            options.UseSqlite(_connection).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        // The same rules as the web app's Program.cs.
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SpPlusDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();
        services.AddScoped<AccountAdministrationService>();
        services.AddScoped<StructureService>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public int DepartmentId { get; private set; }

    public int PrefectureId { get; private set; }

    public int SubPrefectureId { get; private set; }

    /// <summary>The schema only, without roles or structures: for tests of the seeders themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(IAuditActor? actor = null)
    {
        var database = new TestDatabase(actor ?? SystemAuditActor.Instance);
        await using var scope = database.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SpPlusDbContext>().Database.EnsureCreatedAsync();
        return database;
    }

    public static async Task<TestDatabase> CreateAsync(IAuditActor? actor = null)
    {
        var database = new TestDatabase(actor ?? SystemAuditActor.Instance);
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpPlusDbContext>();
        await db.Database.EnsureCreatedAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in RoleNames.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var department = new Department { Code = "10", Name = "Aube" };
        var prefecture = new Structure { Department = department, Name = "Préfecture de l'Aube", Slug = "prefecture-aube", Type = StructureType.Prefecture };
        var subPrefecture = new Structure
        {
            Department = department, Name = "Sous-préfecture de Bar-sur-Aube", Slug = "sous-prefecture-bar-sur-aube",
            Type = StructureType.SubPrefecture, Parent = prefecture,
        };
        db.AddRange(prefecture, subPrefecture);
        await db.SaveChangesAsync();

        database.DepartmentId = department.Id;
        database.PrefectureId = prefecture.Id;
        database.SubPrefectureId = subPrefecture.Id;
        return database;
    }

    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    /// <summary>Runs <paramref name="action"/> in a scope of its own (a fresh context, a fresh user manager).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task RunAsync(Func<IServiceProvider, Task> action) => RunAsync(async sp =>
    {
        await action(sp);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
