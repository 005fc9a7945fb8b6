using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;

namespace SpPlus.Web.Infrastructure;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations, then the reference seed, then the demo seed where configured.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SpPlus.Database");
        var db = services.GetRequiredService<SpPlusDbContext>();

        await db.Database.MigrateAsync();
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();

        if (IsDemoEnabled(app))
        {
            var password = app.Configuration["Seed:DemoPassword"] is { Length: > 0 } configured ? configured : DemoDataSeeder.DefaultPassword;
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(password);
            logger.LogInformation("Demo data is in place");
        }
    }

    public static bool IsDemoEnabled(WebApplication app) =>
        app.Configuration.GetValue<bool?>("Seed:Demo") ?? app.Environment.IsDevelopment();

    /// <summary>In Development, prints where the portal listens and the demo accounts once the server has started.</summary>
    public static void PrintDemoAccountsOnStart(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !IsDemoEnabled(app))
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SpPlus");
            var addresses = string.Join(", ", app.Urls);
            var password = app.Configuration["Seed:DemoPassword"] is { Length: > 0 } ? "(Seed:DemoPassword)" : DemoDataSeeder.DefaultPassword;
            var lines = string.Join(Environment.NewLine, DemoDataSeeder.Accounts.Select(a => $"    {a.Role,-20} {a.Email}"));
            logger.LogInformation(
                "Pilotage Services Publics + is running at {Addresses:l}{NewLine:l}Demo accounts (password {Password:l}):{NewLine:l}{Accounts:l}",
                addresses, Environment.NewLine, password, Environment.NewLine, lines);
        });
    }
}
