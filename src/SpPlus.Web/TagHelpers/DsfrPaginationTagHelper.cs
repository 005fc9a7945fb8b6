using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// The DSFR pagination of a list: <code>&lt;dsfr-pagination page="Model.Page" total-pages="Model.TotalPages" /&gt;</code>
/// Each link is the current URL with its <c>page</c> query parameter (or <c>page-parameter</c>)
/// replaced, so the list's other filters are kept. Renders nothing for a single page.
/// </summary>
[HtmlTargetElement("dsfr-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrPaginationTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The current page, from 1.</summary>
    [HtmlAttributeName("page")]
    public int Page { get; set; } = 1;

    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; }

    /// <summary>The query parameter that carries the page number (default "page").</summary>
    [HtmlAttributeName("page-parameter")]
    public string PageParameter { get; set; } = "page";

    /// <summary>The accessible name of the navigation (default "Pagination").</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = "Pagination";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var total = TotalPages;
        var current = Math.Clamp(Page, 1, total);
        var request = ViewContext.HttpContext.Request;

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("role", "navigation");
        output.AddClass("fr-pagination", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-label", Label);

        var list = new TagBuilder("ul");
        list.AddCssClass("fr-pagination__list");
        list.InnerHtml.AppendHtml(Item(Edge("fr-pagination__link--first", "Première page", current > 1 ? 1 : null, request)));
        list.InnerHtml.AppendHtml(Item(Edge(
            "fr-pagination__link--prev fr-pagination__link--lg-label", "Page précédente", current > 1 ? current - 1 : null, request)));

        foreach (var number in PageNumbers(current, total))
        {
            list.InnerHtml.AppendHtml(Item(number is { } n ? Number(n, current, total, request) : Ellipsis()));
        }

        list.InnerHtml.AppendHtml(Item(Edge(
            "fr-pagination__link--next fr-pagination__link--lg-label", "Page suivante", current < total ? current + 1 : null, request)));
        list.InnerHtml.AppendHtml(Item(Edge("fr-pagination__link--last", "Dernière page", current < total ? total : null, request)));
        output.Content.SetHtmlContent(list);
    }

    /// <summary>
    /// The page numbers to show: the first, the last, and two either side of the current one;
    /// <c>null</c> stands for an ellipsis (a gap of a single page shows that page instead).
    /// </summary>
    internal static IReadOnlyList<int?> PageNumbers(int current, int total)
    {
        var shown = new SortedSet<int> { 1, total };
        for (var n = current - 2; n <= current + 2; n++)
        {
            if (n >= 1 && n <= total)
            {
                shown.Add(n);
            }
        }

        var result = new List<int?>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n - previous == 2)
            {
                result.Add(n - 1);
            }
            else if (n - previous > 2)
            {
                result.Add(null);
            }

            result.Add(n);
            previous = n;
        }

        return result;
    }

    /// <summary>The current request's URL with the page parameter set to <paramref name="page"/>, other parameters kept.</summary>
    internal static string UrlFor(HttpRequest request, string pageParameter, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (string.Equals(key, pageParameter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                builder.Add(key, value ?? "");
            }
        }

        builder.Add(pageParameter, page.ToString(CultureInfo.InvariantCulture));
        return request.PathBase.Add(request.Path) + builder.ToQueryString().Value;
    }

    private static TagBuilder Item(TagBuilder content)
    {
        var item = new TagBuilder("li");
        item.InnerHtml.AppendHtml(content);
        return item;
    }

    private TagBuilder Edge(string modifier, string text, int? target, HttpRequest request)
    {
        var link = new TagBuilder("a");
        link.AddCssClass("fr-pagination__link " + modifier);
        if (target is { } page)
        {
            link.Attributes["href"] = UrlFor(request, PageParameter, page);
        }
        else
        {
            link.Attributes["aria-disabled"] = "true";
            link.Attributes["role"] = "link";
        }

        link.InnerHtml.Append(text);
        return link;
    }

    private TagBuilder Number(int page, int current, int total, HttpRequest request)
    {
        var link = new TagBuilder("a");
        link.AddCssClass("fr-pagination__link");
        // On small screens DSFR shows only the first, current and last pages.
        if (page != 1 && page != total && page != current)
        {
            link.AddCssClass("fr-hidden fr-unhidden-lg");
        }

        link.Attributes["title"] = $"Page {page}";
        if (page == current)
        {
            link.Attributes["aria-current"] = "page";
        }
        else
        {
            link.Attributes["href"] = UrlFor(request, PageParameter, page);
        }

        link.InnerHtml.Append(page.ToString(CultureInfo.InvariantCulture));
        return link;
    }

    private static TagBuilder Ellipsis()
    {
        var span = new TagBuilder("span");
        span.AddCssClass("fr-pagination__link fr-hidden fr-unhidden-lg");
        span.InnerHtml.Append("…");
        return span;
    }
}
