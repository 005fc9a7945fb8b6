using System.Net;
using SpPlus.Core.Data.Seeding;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Security;

/// <summary>The headers and cookies a browser receives (ASVS 3.4): what stops framing, sniffing, inline scripts and caching.</summary>
public sealed class SecurityHeadersTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    /// <summary>The portal as deployed: HSTS is (rightly) never sent to localhost, so these requests name another host.</summary>
    private static readonly Uri PublicAddress = new("https://spplus.example");

    [Theory]
    [InlineData(AccountPaths.Login, HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/accessibilite", HttpStatusCode.OK)]
    public async Task Anonymous_pages_carry_the_security_headers(string path, HttpStatusCode expected)
    {
        var response = await factory.CreateBrowserClient(PublicAddress).GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Signed_in_pages_carry_the_security_headers_and_are_never_stored(string path)
    {
        var client = await factory.SignInAsync($"referent@{DemoDataSeeder.EmailDomain}", baseAddress: PublicAddress);

        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control is '{response.Headers.CacheControl}', expected no-store");
    }

    [Fact]
    public async Task The_antiforgery_the_authentication_and_the_temp_data_cookies_are_HttpOnly_Secure_and_SameSite()
    {
        var client = factory.CreateBrowserClient();
        var setCookies = new List<string>();

        var loginPage = await client.GetAsync(AccountPaths.Login);
        setCookies.AddRange(SetCookies(loginPage));
        var login = await SpPlusFactory.TryLoginAsync(client, $"copil@{DemoDataSeeder.EmailDomain}", DemoDataSeeder.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        setCookies.AddRange(SetCookies(login));

        Assert.Contains(setCookies, c => c.StartsWith("SpPlus.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("SpPlus.Auth=", StringComparison.Ordinal));
        var problems = new List<string>();
        foreach (var cookie in setCookies)
        {
            var name = cookie[..cookie.IndexOf('=', StringComparison.Ordinal)];
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            if (!attributes.Contains("secure"))
            {
                problems.Add($"{name} is not Secure");
            }

            if (!attributes.Contains("httponly"))
            {
                problems.Add($"{name} is not HttpOnly");
            }

            if (!attributes.Any(a => a is "samesite=strict" or "samesite=lax"))
            {
                problems.Add($"{name} has no SameSite=Lax/Strict");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + string.Join("\n", setCookies));
        Assert.Contains(setCookies, c => c.StartsWith("SpPlus.Antiforgery=", StringComparison.Ordinal) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        var csp = Header(response, "Content-Security-Policy");
        Assert.False(csp is null, $"{path}: no Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0].ToLowerInvariant(), d => d.Skip(1).ToList());
        Assert.Equal(["'none'"], directives.GetValueOrDefault("object-src"));
        Assert.Equal(["'none'"], directives.GetValueOrDefault("base-uri"));
        Assert.Equal(["'none'"], directives.GetValueOrDefault("frame-ancestors"));
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        Assert.NotNull(scripts);
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.DoesNotContain("*", scripts);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var referrer = Header(response, "Referrer-Policy");
        Assert.False(string.IsNullOrWhiteSpace(referrer), $"{path}: no Referrer-Policy");
        Assert.DoesNotContain(referrer, new[] { "unsafe-url", "no-referrer-when-downgrade" });

        // Outside Development, over https: one year, subdomains included.
        var hsts = Header(response, "Strict-Transport-Security");
        Assert.False(hsts is null, $"{path}: no Strict-Transport-Security");
        var hstsParts = hsts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("max-age=31536000", hstsParts);
        Assert.Contains(hstsParts, p => p.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
