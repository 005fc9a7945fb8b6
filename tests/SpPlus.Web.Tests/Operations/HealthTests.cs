using System.Net;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Operations;

public sealed class HealthTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    [Fact]
    public async Task Health_answers_Healthy_without_signing_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_reports_Unhealthy_when_the_database_cannot_be_reached()
    {
        // The probe really checks the database: a factory whose database file cannot be opened answers 503.
        await using var broken = new SpPlusFactory();
        var client = broken.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { broken.DatabasePath, broken.DatabasePath + "-wal", broken.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(broken.DatabasePath); // a folder where the file was: SQLite cannot open it

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
