using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SpPlus.Core.Data.Seeding;

namespace SpPlus.Browser.Tests.Infrastructure;

/// <summary>
/// The portal on a real loopback port (Kestrel), as outside Development, on a throwaway SQLite file with the demo
/// accounts, so that a real browser can reach it.
/// </summary>
public sealed class SpPlusServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spplus-browser-tests", Guid.NewGuid().ToString("N"));
    private bool _cleaned;

    public SpPlusServer()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, $"spplus-{Guid.NewGuid():N}.db")}";
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string ConnectionString { get; }

    /// <summary>The errors the portal logs (unhandled exceptions behind a 500...).</summary>
    public ServerErrorLog Errors { get; } = new();

    /// <summary>
    /// Where the browser reaches the portal: <c>http://localhost:port/</c>. The authentication cookies are
    /// <c>Secure</c>; browsers accept such cookies from http://localhost (a secure context), not from 127.0.0.1.
    /// </summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel (migrations and demo seed run first) and reads the port it was given.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no address.");
        var listening = new Uri(addresses.First());
        BaseAddress = new UriBuilder(Uri.UriSchemeHttp, "localhost", listening.Port).Uri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoDataSeeder.DefaultPassword);
        // Quiet logs: warnings only, and the rolling file (the second sink of appsettings.json) inside the
        // throwaway folder, never in the source tree.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "spplus-.log"));
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Errors));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_cleaned)
        {
            _cleaned = true;
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held (a log sink closing late) stays in the temp folder; nothing depends on it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
