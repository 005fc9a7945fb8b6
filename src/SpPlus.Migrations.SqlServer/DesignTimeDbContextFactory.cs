using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpPlus.Core.Data;

namespace SpPlus.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app (no server is contacted to add a migration or write a script).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SpPlusDbContext>
{
    public SpPlusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SpPlusDbContext>()
            .UseSqlServer("Server=localhost;Database=SpPlus;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
