using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpPlus.Core.Data;

namespace SpPlus.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SpPlusDbContext>
{
    public SpPlusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SpPlusDbContext>()
            .UseSqlite("Data Source=spplus-design.db", o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
