using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;

namespace SpPlus.Benchmarks;

/// <summary>
/// A SQLite file opened with the real model, without the audit interceptor (auditing is not what is measured).
/// Pooling is off so that the file is released when the last context is disposed.
/// </summary>
public static class BenchmarkDatabase
{
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public static SpPlusDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SpPlusDbContext>().UseSqlite(ConnectionString(path)).Options);

    /// <summary>Creates the schema and the reference data (roles, the Aube and its structures, frameworks, indicators, grid).</summary>
    public static async Task CreateAsync(string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        services.AddDbContext<SpPlusDbContext>(options => options.UseSqlite(ConnectionString(path)));
        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SpPlusDbContext>();
        services.AddScoped<ReferenceDataSeeder>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpPlusDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
