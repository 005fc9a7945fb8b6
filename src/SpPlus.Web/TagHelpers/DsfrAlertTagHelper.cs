using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// A DSFR alert:
/// <code>&lt;dsfr-alert type="success" title="Compte créé"&gt;Le compte a été créé.&lt;/dsfr-alert&gt;</code>
/// <c>type</c>: success | error | info (default) | warning. <c>size="sm"</c> for a small alert.
/// The title is a <c>p.fr-alert__title</c> unless <c>title-level</c> (2–6) asks for a heading.
/// Plain-text content is wrapped in a paragraph; content that starts with markup is written as is.
/// </summary>
[HtmlTargetElement("dsfr-alert")]
public sealed class DsfrAlertTagHelper : TagHelper
{
    private static readonly string[] Types = ["success", "error", "info", "warning"];

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "info";

    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    /// <summary>"sm" for the small alert, "md" (default) otherwise.</summary>
    [HtmlAttributeName("size")]
    public string? Size { get; set; }

    /// <summary>Heading level of the title; when absent the title is a paragraph.</summary>
    [HtmlAttributeName("title-level")]
    public int? TitleLevel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = Type.ToLowerInvariant();
        if (!Types.Contains(type))
        {
            throw new InvalidOperationException($"<dsfr-alert> type must be one of {string.Join(", ", Types)}; got '{Type}'.");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("fr-alert", HtmlEncoder.Default);
        output.AddClass("fr-alert--" + type, HtmlEncoder.Default);
        if (string.Equals(Size, "sm", StringComparison.OrdinalIgnoreCase))
        {
            output.AddClass("fr-alert--sm", HtmlEncoder.Default);
        }

        var childContent = await output.GetChildContentAsync();
        output.Content.Clear();
        if (!string.IsNullOrWhiteSpace(Title))
        {
            var title = new TagBuilder(TitleLevel is { } level ? $"h{Math.Clamp(level, 2, 6)}" : "p");
            title.AddCssClass("fr-alert__title");
            title.InnerHtml.Append(Title);
            output.Content.AppendHtml(title);
        }

        if (childContent.IsEmptyOrWhiteSpace)
        {
            return;
        }

        var html = childContent.GetContent().Trim();
        if (html.StartsWith('<'))
        {
            output.Content.AppendHtml(html);
        }
        else
        {
            var paragraph = new TagBuilder("p");
            paragraph.InnerHtml.AppendHtml(html);
            output.Content.AppendHtml(paragraph);
        }
    }
}
