using System.Net;
using AngleSharp.Html.Dom;

namespace SpPlus.Web.Tests.Infrastructure;

/// <summary>What a browser does: open a page, fill and submit one of its forms, follow redirects.</summary>
public static class HttpClientExtensions
{
    /// <summary>GETs a page and parses it, whatever the status (check <see cref="HtmlPage.StatusCode"/>).</summary>
    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url) =>
        await HtmlPage.ReadAsync(await client.GetAsync(url));

    /// <summary>Submits <paramref name="form"/> of <paramref name="page"/> with the values a browser would send, overridden by <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, HtmlPage page, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var action = new Uri(page.Url, string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!);
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var values = HtmlPage.FormValues(form, fields);
        if (method != "POST")
        {
            var query = string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
            return client.GetAsync(new UriBuilder(action) { Query = query }.Uri);
        }

        HttpContent content = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? Multipart(values)
            : new FormUrlEncodedContent(values);
        return client.PostAsync(action, content);
    }

    /// <summary>Opens <paramref name="pageUrl"/> (it must answer 200), then submits its form chosen by <paramref name="formSelector"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}, expected 200.");
        return await client.SubmitFormAsync(page, page.Form(formSelector), fields);
    }

    /// <summary>Follows redirects (GET, as a browser does after a POST) until a page that is not one.</summary>
    public static async Task<HtmlPage> FollowRedirectsAsync(this HttpClient client, HttpResponseMessage response, int maxRedirects = 5)
    {
        for (var i = 0; i < maxRedirects && IsRedirect(response.StatusCode); i++)
        {
            response = await client.GetAsync(RedirectTarget(response));
        }

        Assert.False(IsRedirect(response.StatusCode), "Too many redirects.");
        return await HtmlPage.ReadAsync(response);
    }

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>The absolute address a redirect points to.</summary>
    public static Uri RedirectTarget(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} without a Location header.");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? SpPlusFactory.BaseAddress, location);
    }

    /// <summary>True when the response redirects to the login page.</summary>
    public static bool RedirectsToLogin(this HttpResponseMessage response) =>
        IsRedirect(response.StatusCode)
        && string.Equals(RedirectTarget(response).AbsolutePath, AccountPaths.Login, StringComparison.OrdinalIgnoreCase);

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> values)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
