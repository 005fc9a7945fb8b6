using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// The DSFR breadcrumb:
/// <code>
/// &lt;dsfr-breadcrumb&gt;
///     &lt;dsfr-breadcrumb-item href="/"&gt;Accueil&lt;/dsfr-breadcrumb-item&gt;
///     &lt;dsfr-breadcrumb-item&gt;Accessibilité&lt;/dsfr-breadcrumb-item&gt;
/// &lt;/dsfr-breadcrumb&gt;
/// </code>
/// An item without <c>href</c> is the current page (<c>aria-current="page"</c>). The collapse
/// ("Voir le fil d’Ariane") gets the id given by <c>id</c>, default "fil-ariane".
/// </summary>
[HtmlTargetElement("dsfr-breadcrumb")]
[RestrictChildren("dsfr-breadcrumb-item")]
public sealed class DsfrBreadcrumbTagHelper : TagHelper
{
    internal static readonly object ItemsKey = new();

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Id of the collapsible list.</summary>
    [HtmlAttributeName("id")]
    public string Id { get; set; } = "fil-ariane";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var items = new List<(string? Href, IHtmlContent Text)>();
        context.Items[ItemsKey] = items;
        await output.GetChildContentAsync();

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("role", "navigation");
        output.AddClass("fr-breadcrumb", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-label", "vous êtes ici :");

        var button = new TagBuilder("button");
        button.AddCssClass("fr-breadcrumb__button");
        button.Attributes["type"] = "button";
        button.Attributes["aria-expanded"] = "false";
        button.Attributes["aria-controls"] = Id;
        button.InnerHtml.Append("Voir le fil d’Ariane");

        var list = new TagBuilder("ol");
        list.AddCssClass("fr-breadcrumb__list");
        foreach (var (href, text) in items)
        {
            var link = new TagBuilder("a");
            link.AddCssClass("fr-breadcrumb__link");
            if (string.IsNullOrEmpty(href))
            {
                link.Attributes["aria-current"] = "page";
            }
            else
            {
                link.Attributes["href"] = ResolveUrl(href);
            }

            link.InnerHtml.AppendHtml(text);
            var item = new TagBuilder("li");
            item.InnerHtml.AppendHtml(link);
            list.InnerHtml.AppendHtml(item);
        }

        var collapse = new TagBuilder("div");
        collapse.AddCssClass("fr-collapse");
        collapse.Attributes["id"] = Id;
        collapse.InnerHtml.AppendHtml(list);

        output.Content.SetHtmlContent(button);
        output.Content.AppendHtml(collapse);
    }

    private string ResolveUrl(string href) =>
        href.StartsWith("~/", StringComparison.Ordinal)
            ? ViewContext.HttpContext.Request.PathBase.Add(new PathString(href[1..])).Value ?? href[1..]
            : href;
}

/// <summary>One segment of <see cref="DsfrBreadcrumbTagHelper"/>: a link, or the current page when <c>href</c> is absent.</summary>
[HtmlTargetElement("dsfr-breadcrumb-item", ParentTag = "dsfr-breadcrumb")]
public sealed class DsfrBreadcrumbItemTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(DsfrBreadcrumbTagHelper.ItemsKey, out var value)
            && value is List<(string? Href, IHtmlContent Text)> items)
        {
            items.Add((Href, new HtmlString(content.GetContent())));
        }

        output.SuppressOutput();
    }
}
