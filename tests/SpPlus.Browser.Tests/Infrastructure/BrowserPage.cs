using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SpPlus.Core.Data.Seeding;
using Xunit.Sdk;

namespace SpPlus.Browser.Tests.Infrastructure;

/// <summary>
/// A browser tab of one test, in its own context, with what a user would notice going wrong: the status of the
/// document shown, errors in the browser console (a script refused by the CSP, a missing style sheet, icon or font),
/// accessibility violations found by axe.
/// </summary>
public sealed partial class BrowserPage : IAsyncDisposable
{
    /// <summary>The titles of the portal's error pages (Views/Error): none of them may greet a user on a normal journey.</summary>
    private static readonly string[] ErrorTitles = ["Page non trouvée", "Accès refusé", "Requête invalide", "Erreur inattendue"];

    private readonly IBrowserContext _context;
    private readonly ServerErrorLog _serverErrors;
    private readonly List<string> _consoleErrors = [];

    public BrowserPage(IBrowserContext context, IPage page, ServerErrorLog serverErrors)
    {
        _context = context;
        _serverErrors = serverErrors;
        // Only what this test causes: errors left by an earlier test are not ours.
        _serverErrors.Drain();
        Page = page;
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                LastDocumentStatus = response.Status;
                LastDocumentUrl = response.Url;
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add($"Uncaught script error: {error}");
    }

    public IPage Page { get; }

    /// <summary>The HTTP status of the last document loaded in the tab (after redirects).</summary>
    public int? LastDocumentStatus { get; private set; }

    public string? LastDocumentUrl { get; private set; }

    /// <summary>The main heading of the page.</summary>
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The main navigation of the layout (header menu).</summary>
    public ILocator MainNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" });

    /// <summary>The links of the main menu, in order, as (visible name, href), including those of collapsed sub-menus.</summary>
    public async Task<IReadOnlyList<(string Name, string Href)>> MenuLinksAsync()
    {
        var found = await MainNavigation.Locator("a[href]").EvaluateAllAsync<string[][]>(
            "links => links.map(a => [a.textContent.trim().replace(/\\s+/g, ' '), a.getAttribute('href')])");
        Assert.True(found.Length > 0, "The main menu has no link.");
        return found.Select(pair => (pair[0], pair[1])).ToList();
    }

    /// <summary>The menu link to <paramref name="href"/>, its sub-menu opened first (as a user would) when it is collapsed.</summary>
    public async Task<ILocator> RevealMenuLinkAsync(string href)
    {
        var link = MainNavigation.Locator($"a[href='{href}']").First;
        if (!await link.IsVisibleAsync())
        {
            var subMenuId = await link.EvaluateAsync<string?>("a => a.closest('.fr-collapse, .fr-menu')?.id ?? null");
            Assert.False(string.IsNullOrEmpty(subMenuId), $"The menu link {href} is hidden and belongs to no sub-menu.");
            var toggle = MainNavigation.Locator($"button[aria-controls='{subMenuId}']");
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(link).ToBeVisibleAsync();
        }

        return link;
    }

    /// <summary>
    /// Follows every link of the main menu in turn (opening sub-menus as needed, and checking one opened sub-menu with
    /// axe): each link leads where it says, to a sound and accessible page. A failing page does not hide the next
    /// ones: every failure is reported at the end. Returns the menu's links.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Href)>> VisitEveryMenuLinkAsync(string who)
    {
        var start = Page.Url;
        var links = await MenuLinksAsync();
        var failures = new List<string>();
        var subMenuChecked = false;
        foreach (var (name, href) in links)
        {
            var description = $"{who}: menu \"{name}\" ({href})";
            try
            {
                var link = await RevealMenuLinkAsync(href);
                if (!subMenuChecked && await link.EvaluateAsync<bool>("a => a.closest('.fr-menu') !== null"))
                {
                    // The opened sub-menu is a state of the page too.
                    subMenuChecked = true;
                    await AssertAccessibleAsync($"{who}: sub-menu of \"{name}\" opened");
                }

                await ClickAndWaitForDocumentAsync(link);
                Assert.True(
                    string.Equals(new Uri(Page.Url).AbsolutePath.TrimEnd('/'), href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase),
                    $"{description} led to {Page.Url}.");
                await AssertSoundAndAccessibleAsync(description);
            }
            catch (Exception failure) when (failure is XunitException or PlaywrightException or TimeoutException)
            {
                failures.Add(failure.Message.StartsWith(description, StringComparison.Ordinal) ? failure.Message : $"{description}: {failure.Message}");
                // Back to a page known to work, with the menu, before the next link.
                await Page.GotoAsync(start);
                _consoleErrors.Clear();
                _serverErrors.Drain();
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of the {links.Count} menu pages failed:" + string.Concat(failures.Select(f => Environment.NewLine + "* " + f)));
        return links;
    }

    /// <summary>Opens a path of the portal and checks that it answered without error.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        if (response.Status >= 400)
        {
            Assert.Fail($"GET {path} answered {response.Status}.{ServerErrorsText()}");
        }

        return response;
    }

    /// <summary>
    /// Signs in as a user would: opens the login page, fills the labelled fields, presses the button, and checks that
    /// "Mon espace" opens.
    /// </summary>
    public async Task LoginAsync(string email, string password = DemoDataSeeder.DefaultPassword)
    {
        await SubmitLoginFormAsync(email, password);
        var headings = await Page.Locator("h1").AllInnerTextsAsync();
        if (new Uri(Page.Url).AbsolutePath != Paths.MySpace || headings is not ["Mon espace"])
        {
            Assert.Fail(
                $"After signing in as {email} the browser is on {Page.Url} ({LastDocumentStatus}), h1 \"{string.Join(" | ", headings)}\", "
                + $"not on \"Mon espace\". The page says: {Truncate(await MainTextAsync(), 600)}{ServerErrorsText()}");
        }
    }

    /// <summary>Opens the login page, fills e-mail and password, and presses "Se connecter"; asserts nothing about the outcome.</summary>
    public async Task SubmitLoginFormAsync(string email, string password)
    {
        await GotoAsync(Paths.Login);
        var form = Page.GetByRole(AriaRole.Main);
        await form.GetByLabel(LoginLabels.Email, new() { Exact = false }).FillAsync(email);
        await form.GetByLabel(LoginLabels.Password, new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = LoginLabels.Submit }).ClickAsync();
        await WaitForLoadedAsync();
    }

    /// <summary>
    /// Waits for the document's load event. On a starved machine the browser has been seen to leave the wait hanging
    /// although the document was complete: after 30 s, the document's own readyState decides.
    /// </summary>
    public async Task WaitForLoadedAsync()
    {
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var state = await Page.EvaluateAsync<string>("document.readyState");
            if (state != "complete")
            {
                throw new TimeoutException($"{Page.Url} has not loaded after 30 s (document.readyState: {state}).");
            }
        }
    }

    /// <summary>Clicks a control that loads another document (following redirects) and waits until it has loaded.</summary>
    public async Task ClickAndWaitForDocumentAsync(ILocator target)
    {
        await Page.RunAndWaitForResponseAsync(
            () => target.ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Frame == Page.MainFrame && response.Status is < 300 or >= 400);
        await WaitForLoadedAsync();
    }

    /// <summary>
    /// What every page must be: a document that loaded without error, exactly one h1 that is not an error page's, and a
    /// console free of errors (scripts refused by the CSP, missing styles, icons or fonts).
    /// </summary>
    public async Task AssertSoundPageAsync(string description)
    {
        await WaitForLoadedAsync();
        var problems = new List<string>();
        if (LastDocumentStatus is >= 400)
        {
            problems.Add($"the document {LastDocumentUrl} answered {LastDocumentStatus}");
        }

        var headings = await Page.Locator("h1").AllInnerTextsAsync();
        if (headings.Count != 1)
        {
            problems.Add($"{headings.Count} h1 elements instead of one ({string.Join(" | ", headings.Select(h => h.Trim()))})");
        }

        var errorTitle = headings.Select(h => h.Trim()).FirstOrDefault(h => ErrorTitles.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (errorTitle is not null)
        {
            problems.Add($"the page is an error page (\"{errorTitle}\")");
        }

        if (_consoleErrors.Count > 0)
        {
            problems.Add("the browser console shows errors:" + string.Concat(_consoleErrors.Select(e => Environment.NewLine + "    " + e)));
            _consoleErrors.Clear();
        }

        var serverErrors = _serverErrors.Drain();
        if (serverErrors.Count > 0)
        {
            problems.Add("the server logged errors:" + string.Concat(serverErrors.Select(e => Environment.NewLine + "    " + e)));
        }

        Assert.True(problems.Count == 0, $"{description} ({Page.Url}): {string.Join("; ", problems)}");
    }

    /// <summary>Runs axe on the page as it is now and fails with every violation, its help and where it is.</summary>
    public async Task AssertAccessibleAsync(string description)
    {
        var result = await Page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        Assert.Fail($"{description}: {result.Violations.Length} axe violation(s) on {result.Url}{Environment.NewLine}{Describe(result.Violations)}");
    }

    /// <summary>Every link of <paramref name="scope"/> to a page of the portal answers (after redirects) without error.</summary>
    public async Task AssertLinksLeadSomewhereAsync(ILocator scope, string description)
    {
        var hrefs = await scope.Locator("a[href]").EvaluateAllAsync<string[]>(
            "links => links.filter(a => a.origin === location.origin).map(a => a.pathname + a.search)");
        var dead = new List<string>();
        foreach (var href in hrefs.Distinct())
        {
            var response = await Page.APIRequest.GetAsync(href);
            if (response.Status >= 400)
            {
                dead.Add($"{href} answers {response.Status}");
            }
        }

        Assert.True(dead.Count == 0, $"{description}: dead links: {string.Join("; ", dead)}{ServerErrorsText()}");
    }

    /// <summary><see cref="AssertSoundPageAsync"/> then <see cref="AssertAccessibleAsync"/>.</summary>
    public async Task AssertSoundAndAccessibleAsync(string description)
    {
        await AssertSoundPageAsync(description);
        await AssertAccessibleAsync(description);
    }

    /// <summary>The visible text of the page's main region, whitespace collapsed.</summary>
    public async Task<string> MainTextAsync() => Whitespace().Replace(await Page.Locator("main").InnerTextAsync(), " ");

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    at {node.Target}");
                text.AppendLine($"       {Truncate(node.Html, 300)}");
                var messages = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct();
                foreach (var message in messages)
                {
                    text.AppendLine($"       > {message}");
                }
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private string ServerErrorsText()
    {
        var errors = _serverErrors.Drain();
        return errors.Count == 0 ? "" : Environment.NewLine + "The server logged:" + string.Concat(errors.Select(e => Environment.NewLine + "    " + e));
    }

    private static string Truncate(string? value, int length) =>
        value is null ? "" : value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
