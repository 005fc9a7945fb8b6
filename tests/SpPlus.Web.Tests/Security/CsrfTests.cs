using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data.Seeding;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Security;

/// <summary>
/// Every endpoint that takes an unsafe method refuses a request without an antiforgery token (ASVS 3.5): the
/// endpoints are read from the application's own routing table, so a new form is covered the day it is added.
/// </summary>
public sealed class CsrfTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static readonly string[] UnsafeMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    /// <summary>
    /// Endpoints exempt from the check, by route template, each with the reason. Anything else that skips the
    /// antiforgery check (or accepts unsafe methods outside MVC) makes <see cref="Exemptions_are_only_the_listed_read_only_endpoints"/> fail.
    /// </summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/health"] = "health probe: reads the database, writes nothing, answers any method",
        ["/erreur/{code:int?}"] = "error page: renders only; a failed POST is re-executed on it as a POST",
    };

    private static readonly string[] SignedInRoles =
    [
        $"admin@{DemoDataSeeder.EmailDomain}",
        $"referent@{DemoDataSeeder.EmailDomain}",
        DemoDataSeeder.CorrespondentEmail(ReferenceData.PrefectureSlug),
        $"copil@{DemoDataSeeder.EmailDomain}",
        $"clac@{DemoDataSeeder.EmailDomain}",
    ];

    [Fact]
    public void The_routing_table_lists_the_known_form_endpoints()
    {
        var targets = UnsafeTargets().Select(t => $"{t.Method} {t.Path}").ToList();

        Assert.Contains($"POST {AccountPaths.Login}", targets, StringComparer.OrdinalIgnoreCase);
        Assert.Contains($"POST {AccountPaths.Logout}", targets, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Exemptions_are_only_the_listed_read_only_endpoints()
    {
        var unexpected = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var ignoresToken = endpoint.Metadata.GetMetadata<IAntiforgeryPolicy>() is IgnoreAntiforgeryTokenAttribute;
            var outsideMvc = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is null && AcceptsUnsafeMethod(endpoint);
            if ((ignoresToken || outsideMvc) && !Exempt.ContainsKey(template))
            {
                unexpected.Add($"{template} ({(ignoresToken ? "ignores the antiforgery token" : "unsafe methods outside MVC")})");
            }
        }

        Assert.True(unexpected.Count == 0, "Endpoints that escape the antiforgery check without a reason:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_a_request_without_antiforgery_token()
    {
        var targets = UnsafeTargets();
        Assert.Contains(targets, t => t.Method == HttpMethods.Post && string.Equals(t.Path, AccountPaths.Login, StringComparison.OrdinalIgnoreCase));

        var anonymous = factory.CreateBrowserClient();
        var signedIn = new List<(string Email, HttpClient Client)>();
        foreach (var email in SignedInRoles)
        {
            signedIn.Add((email, await factory.SignInAsync(email)));
        }

        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var failures = new List<string>();
        foreach (var target in targets)
        {
            // Anonymous: refused by antiforgery where anonymous access is allowed, sent to the login page otherwise.
            var anonymousStatus = await SendWithoutTokenAsync(anonymous, target);
            if (target.AllowsAnonymous ? anonymousStatus.Status != HttpStatusCode.BadRequest : !anonymousStatus.RedirectsToLogin)
            {
                failures.Add($"{target.Method} {target.Path} anonymous: {anonymousStatus.Describe()}, expected {(target.AllowsAnonymous ? "400" : "302 to the login page")}");
            }

            // Signed in: never accepted; at least one role gets past authorization and meets the antiforgery refusal (400).
            var statuses = new List<string>();
            var refusedByAntiforgery = false;
            foreach (var (email, client) in signedIn)
            {
                var result = await SendWithoutTokenAsync(client, target);
                statuses.Add($"{email}: {result.Describe()}");
                if (result.Status == HttpStatusCode.BadRequest)
                {
                    refusedByAntiforgery = true;
                }
                else if ((int)result.Status is >= 200 and < 400)
                {
                    failures.Add($"{target.Method} {target.Path} as {email}: {result.Describe()} without a token");
                }
                else if (result.Status is not HttpStatusCode.Forbidden)
                {
                    failures.Add($"{target.Method} {target.Path} as {email}: {result.Describe()}, expected 400 (or 403 for a role the endpoint refuses)");
                }
            }

            if (!refusedByAntiforgery)
            {
                failures.Add($"{target.Method} {target.Path}: no role reached the antiforgery check ({string.Join("; ", statuses)})");
            }
        }

        var auditAfter = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) over {targets.Count} endpoints:\n" + string.Join("\n", failures));
        Assert.Equal(auditBefore, auditAfter);
    }

    [Fact]
    public async Task The_same_login_post_succeeds_with_the_token_and_fails_without_it()
    {
        // Control: the 400 above is the antiforgery check, not a malformed request.
        var client = factory.CreateBrowserClient();
        var page = await client.GetPageAsync(AccountPaths.Login);
        var form = page.FormWithField(AccountFields.Password);
        var fields = HtmlPage.FormValues(form, new Dictionary<string, string>
        {
            [AccountFields.Email] = $"clac@{DemoDataSeeder.EmailDomain}",
            [AccountFields.Password] = DemoDataSeeder.DefaultPassword,
        });
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken" && f.Value.Length > 0);

        var withoutToken = await client.PostAsync(AccountPaths.Login, new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken")));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.False((await client.GetAsync("/")).IsSuccessStatusCode, "A POST without token must not sign in.");

        var withToken = await client.PostAsync(AccountPaths.Login, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private sealed record Target(string Method, string Path, bool AllowsAnonymous);

    private sealed record Outcome(HttpStatusCode Status, string? Location, bool RedirectsToLogin)
    {
        public string Describe() => Location is null ? $"{(int)Status}" : $"{(int)Status} to {Location}";
    }

    private static async Task<Outcome> SendWithoutTokenAsync(HttpClient client, Target target)
    {
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path)
        {
            Content = new FormUrlEncodedContent([new("Id", "1"), new("Name", "Essai")]),
        };
        using var response = await client.SendAsync(request);
        return new Outcome(response.StatusCode, response.Headers.Location?.ToString(), response.RedirectsToLogin());
    }

    private List<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>() is not { SuppressMatching: true }) // link generation only
            .Distinct()
            .ToList();

    private static bool AcceptsUnsafeMethod(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
        || methods.HttpMethods.Any(m => UnsafeMethods.Contains(m, StringComparer.OrdinalIgnoreCase));

    /// <summary>One (method, address) per endpoint that accepts an unsafe method; an MVC action without a method attribute is tried with POST.</summary>
    private List<Target> UnsafeTargets()
    {
        var targets = new List<Target>();
        foreach (var endpoint in Endpoints())
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (Exempt.ContainsKey(template) || !AcceptsUnsafeMethod(endpoint))
            {
                continue;
            }

            var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var methods = declared is null ? [HttpMethods.Post] : declared.Where(m => UnsafeMethods.Contains(m, StringComparer.OrdinalIgnoreCase));
            var allowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
            {
                targets.Add(new Target(method.ToUpperInvariant(), PathFor(endpoint.RoutePattern), allowsAnonymous));
            }
        }

        return targets.DistinctBy(t => (t.Method, t.Path.ToUpperInvariant())).OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>An address that matches the route: its fixed values (area, controller, action), required parameters as 1, optional ones left out.</summary>
    private static string PathFor(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueFor(pattern, parameter),
                    _ => "",
                });
            }

            if (text.Length > 0)
            {
                segments.Add(text.ToString());
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        if (pattern.RequiredValues.TryGetValue(parameter.Name, out var required) && required is string { Length: > 0 } fixedValue)
        {
            return fixedValue;
        }

        if (parameter.IsOptional)
        {
            return "";
        }

        return parameter.Default is { } defaultValue ? Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture) ?? "1" : "1";
    }
}
