using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SpPlus.Web.Tests.Infrastructure;

/// <summary>A page as the browser received it: the response and its parsed HTML.</summary>
public sealed class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    private HtmlPage(HttpResponseMessage response, string html, Uri url)
    {
        Response = response;
        Html = html;
        Url = url;
        Document = Parser.ParseDocument(html);
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode StatusCode => Response.StatusCode;

    public string Html { get; }

    public IHtmlDocument Document { get; }

    /// <summary>The address the page was requested at.</summary>
    public Uri Url { get; }

    /// <summary>The text of the page's (single) h1, whitespace collapsed; null when there is none.</summary>
    public string? H1 => Document.QuerySelector("h1") is { } h1 ? Normalize(h1.TextContent) : null;

    /// <summary>The whole visible text, whitespace collapsed.</summary>
    public string Text => Normalize(Document.Body?.TextContent ?? "");

    /// <summary>Parses HTML text (entities decoded, as a browser shows it).</summary>
    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response, html, response.RequestMessage?.RequestUri ?? SpPlusFactory.BaseAddress);
    }

    public IHtmlFormElement Form(string selector) =>
        Document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches '{selector}' on {Url}.");

    /// <summary>The form that holds a field of this name (a page may also carry the sign-out form).</summary>
    public IHtmlFormElement FormWithField(string fieldName) =>
        Document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == fieldName))
        ?? throw new InvalidOperationException($"No form with a field '{fieldName}' on {Url}.");

    /// <summary>The form that posts to this path (case-insensitive, query ignored).</summary>
    public IHtmlFormElement FormPostingTo(string path) =>
        Document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f =>
            string.Equals(new Uri(Url, f.GetAttribute("action") ?? "").AbsolutePath, path, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No form posts to '{path}' on {Url}.");

    /// <summary>The messages of the error summary (its items) and of the fields in error, as the DSFR shows them.</summary>
    public IReadOnlyList<string> ErrorMessages() => ErrorMessagesOf(Document);

    public static IReadOnlyList<string> ErrorMessagesOf(string html) => ErrorMessagesOf(Parser.ParseDocument(html));

    private static List<string> ErrorMessagesOf(IHtmlDocument document) =>
        document.QuerySelectorAll("#resume-erreurs li, .fr-message--error, .fr-error-text")
            .Select(e => Normalize(e.TextContent))
            .Where(t => t.Length > 0)
            .Distinct()
            .ToList();

    /// <summary>The value of the antiforgery hidden field of a form.</summary>
    public static string? AntiforgeryToken(IHtmlFormElement form) =>
        form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The fields a browser would send for this form: named inputs (checked boxes and radios only), selects and
    /// textareas, including the antiforgery token; then <paramref name="overrides"/> replace values by name.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file")
                    {
                        continue;
                    }

                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            values.Add(new(name, input.GetAttribute("value") ?? "on"));
                        }

                        continue;
                    }

                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
            }
        }

        if (overrides is not null)
        {
            var replaced = overrides.ToList();
            var names = replaced.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            values.RemoveAll(v => names.Contains(v.Key));
            values.AddRange(replaced);
        }

        return values;
    }
}
