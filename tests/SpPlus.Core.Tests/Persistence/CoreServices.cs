using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;

namespace SpPlus.Core.Tests.Persistence;

/// <summary>The Core services as the web app wires them (Identity stores, audit interceptor), on one in-memory SQLite database.</summary>
public sealed class CoreServices : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _provider;

    public CoreServices(IAuditActor? actor = null)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(actor ?? SystemAuditActor.Instance);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<SpPlusDbContext>((sp, options) =>
            options.UseSqlite(_connection).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        services.AddIdentityCore<AppUser>(o => o.Password.RequiredLength = 12)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SpPlusDbContext>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        _provider = services.BuildServiceProvider();

        using var scope = _provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<SpPlusDbContext>().Database.EnsureCreated();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public IServiceScope CreateScope() => _provider.CreateScope();

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _provider.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task RunAsync(Func<IServiceProvider, Task> action) => RunAsync(async sp =>
    {
        await action(sp);
        return 0;
    });

    public void Dispose()
    {
        _provider.Dispose();
        _connection.Dispose();
    }
}
