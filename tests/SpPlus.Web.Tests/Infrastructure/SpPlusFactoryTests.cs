using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpPlus.Core.Data;

namespace SpPlus.Web.Tests.Infrastructure;

/// <summary>The test host is what the other tests assume: its own throwaway database, an environment that is not Development.</summary>
public sealed class SpPlusFactoryTests
{
    [Fact]
    public async Task Each_factory_works_on_its_own_database_file_deleted_on_dispose()
    {
        string path;
        await using (var factory = new SpPlusFactory())
        {
            path = factory.DatabasePath;
            await using var scope = factory.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SpPlusDbContext>();

            Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(db.Database.GetDbConnection().DataSource));
            Assert.True(File.Exists(path));
            Assert.True(await db.Users.AnyAsync(), "The demo accounts are seeded.");
            Assert.Equal(SpPlusFactory.EnvironmentName, scope.ServiceProvider.GetRequiredService<IHostEnvironment>().EnvironmentName);
            Assert.False(scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment());
        }

        Assert.False(File.Exists(path), $"{path} was left behind");
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "The factory's temporary folder was left behind");
    }
}
