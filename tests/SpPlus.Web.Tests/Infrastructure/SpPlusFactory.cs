using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;

namespace SpPlus.Web.Tests.Infrastructure;

/// <summary>
/// The portal in memory, as outside Development (French error pages, HSTS), on a throwaway SQLite file with the
/// demo accounts. Share one per test class (<c>IClassFixture&lt;SpPlusFactory&gt;</c>); a test that changes shared
/// data works on entities of its own, or creates its own factory.
/// </summary>
public class SpPlusFactory : WebApplicationFactory<Program>
{
    /// <summary>Not Development: the exception page is off, HSTS is on, as in production.</summary>
    public const string EnvironmentName = "Testing";

    public static readonly Uri BaseAddress = new("https://localhost");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spplus-tests", Guid.NewGuid().ToString("N"));
    private bool _cleaned;

    public SpPlusFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, $"spplus-{Guid.NewGuid():N}.db");
        // Cookies are Secure: the client talks https; redirects are checked by the tests, not followed silently.
        ClientOptions.BaseAddress = BaseAddress;
        ClientOptions.AllowAutoRedirect = false;
        ClientOptions.HandleCookies = true;
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>
    /// When set before the first request, the application's clock: <see cref="TimeProvider"/>, the authentication
    /// cookie and the security stamp check all read it, so a test can advance time.
    /// </summary>
    public FakeTimeProvider? FakeTime { get; init; }

    /// <summary>The server's warnings and errors (with exceptions), to explain an unexpected 500.</summary>
    public ServerLog ServerLog => Services.GetRequiredService<ServerLog>();

    /// <summary>Counts the SQL commands the application sends (reset it before the request you measure).</summary>
    public CommandCounter Commands => Services.GetRequiredService<CommandCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoDataSeeder.DefaultPassword);
        // Quiet logs, and the rolling file (the second sink of appsettings.json) inside the throwaway folder.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "spplus-.log"));

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ServerLog>();
            services.AddSingleton<Serilog.Core.ILogEventSink>(sp => sp.GetRequiredService<ServerLog>());
            services.AddSingleton<CommandCounter>();
            // Hashing strength is not under test: a cheaper hash keeps the many sign-ins of the suite fast.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.ConfigureDbContext<SpPlusDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CommandCounter>()));

            if (FakeTime is { } fake)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(fake);
                services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = fake);
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = fake);
            }
        });
    }

    /// <summary>A client as a browser: https, cookies kept (authentication and antiforgery), redirects not followed.</summary>
    /// <param name="baseAddress">Another https host than localhost, where a behaviour depends on it (HSTS is never sent to localhost).</param>
    public HttpClient CreateBrowserClient(Uri? baseAddress = null) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = baseAddress ?? BaseAddress,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A new browser client signed in through the login form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoDataSeeder.DefaultPassword, Uri? baseAddress = null)
    {
        var client = CreateBrowserClient(baseAddress);
        await LoginAsync(client, email, password);
        return client;
    }

    /// <summary>
    /// Signs in through the real login form (GET the page, read its antiforgery token, POST e-mail and password),
    /// follows the redirect and checks that "Mon espace" opens. Returns that page.
    /// </summary>
    public static async Task<HtmlPage> LoginAsync(HttpClient client, string email, string password = DemoDataSeeder.DefaultPassword)
    {
        var response = await TryLoginAsync(client, email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var page = await HtmlPage.ReadAsync(response);
            Assert.Fail($"Sign-in of {email} failed: {(int)response.StatusCode}. Messages: {string.Join(" | ", page.ErrorMessages())}");
        }

        var landing = await client.FollowRedirectsAsync(response);
        Assert.Equal(System.Net.HttpStatusCode.OK, landing.Response.StatusCode);
        Assert.Equal("Mon espace", landing.H1);
        return landing;
    }

    /// <summary>Posts the login form and returns the raw answer (a redirect on success, the form again otherwise).</summary>
    public static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync(AccountPaths.Login);
        return await client.SubmitFormAsync(page, page.FormWithField(AccountFields.Password), new Dictionary<string, string>
        {
            [AccountFields.Email] = email,
            [AccountFields.Password] = password,
        });
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="action"/> on a fresh context of the application's database.</summary>
    public async Task<T> WithDbAsync<T>(Func<SpPlusDbContext, Task<T>> action)
    {
        await using var scope = CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<SpPlusDbContext>());
    }

    public async Task WithDbAsync(Func<SpPlusDbContext, Task> action)
    {
        await using var scope = CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<SpPlusDbContext>());
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    /// <summary>Creates an account of the test's own (a unique e-mail), so that a test can lock or disable it freely.</summary>
    public async Task<AppUser> CreateUserAsync(string role, IEnumerable<int>? structureIds = null, string password = DemoDataSeeder.DefaultPassword)
    {
        var email = $"test-{Guid.NewGuid():N}@demo.spplus.fr";
        return await WithUsersAsync(async users =>
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Camille Testeuse",
                LockoutEnabled = true,
                CreatedAtUtc = DateTime.UtcNow,
            };
            foreach (var structureId in structureIds ?? [])
            {
                user.Structures.Add(new UserStructure { StructureId = structureId });
            }

            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            var added = await users.AddToRoleAsync(user, role);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
            return user;
        });
    }

    /// <summary>The id of the reference structure with this slug.</summary>
    public Task<int> StructureIdAsync(string slug) =>
        WithDbAsync(db => db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            CleanUp();
        }
    }

    private void CleanUp()
    {
        if (_cleaned)
        {
            return;
        }

        _cleaned = true;
        // Pooled connections keep the file open: release ours before deleting the folder.
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

/// <summary>Addresses and field names of the account pages.</summary>
public static class AccountPaths
{
    public const string Login = "/Account/Login";
    public const string Logout = "/Account/Logout";
}

public static class AccountFields
{
    public const string Email = "Email";
    public const string Password = "Password";
}

/// <summary>
/// A factory whose clock stands still unless a test advances it (<see cref="SpPlusFactory.FakeTime"/>): no periodic
/// work (the security stamp check) happens between two requests a test compares.
/// </summary>
public sealed class FrozenTimeSpPlusFactory : SpPlusFactory
{
    public FrozenTimeSpPlusFactory()
    {
        FakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}
