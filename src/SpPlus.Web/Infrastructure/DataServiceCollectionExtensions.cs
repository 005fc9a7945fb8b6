using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;

namespace SpPlus.Web.Infrastructure;

public static class DataServiceCollectionExtensions
{
    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";

    /// <summary>
    /// The database: SQLite by default (a file in the app's data folder), SQL Server when <c>Database:Provider</c> is
    /// <c>SqlServer</c>; migrations come from the provider's own assembly.
    /// </summary>
    public static IServiceCollection AddSpPlusData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? SqliteProvider;
        var connectionString = configuration.GetConnectionString("Default");

        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<SpPlusDbContext>((sp, options) =>
        {
            if (string.Equals(provider, SqlServerProvider, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is SqlServer.");
                }

                options.UseSqlServer(connectionString, o => o.MigrationsAssembly("SpPlus.Migrations.SqlServer"));
            }
            else if (string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
            {
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString(configuration, environment) : connectionString,
                    o => o.MigrationsAssembly("SpPlus.Migrations.Sqlite"));
            }
            else
            {
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}': use Sqlite or SqlServer.");
            }

            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    private static string DefaultSqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration["Database:DataDirectory"] ?? "App_Data";
        var path = Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
        Directory.CreateDirectory(path);
        return $"Data Source={Path.Combine(path, "spplus.db")}";
    }
}
