using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// A DSFR badge: <code>&lt;dsfr-badge type="success"&gt;Validé&lt;/dsfr-badge&gt;</code>
/// renders <c>&lt;p class="fr-badge fr-badge--sm fr-badge--success"&gt;</c>.
/// <c>type</c>: success | error | info | warning | new, or absent for a neutral badge;
/// <c>size</c>: sm (default) | md; <c>no-icon="true"</c> hides the icon;
/// <c>element="span"</c> where a paragraph is not allowed (inside a heading, a label…).
/// </summary>
[HtmlTargetElement("dsfr-badge")]
public sealed class DsfrBadgeTagHelper : TagHelper
{
    private static readonly string[] Types = ["success", "error", "info", "warning", "new"];

    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("size")]
    public string Size { get; set; } = "sm";

    [HtmlAttributeName("no-icon")]
    public bool NoIcon { get; set; }

    /// <summary>"p" (default) or "span".</summary>
    [HtmlAttributeName("element")]
    public string Element { get; set; } = "p";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = Element == "span" ? "span" : "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("fr-badge", HtmlEncoder.Default);
        if (string.Equals(Size, "sm", StringComparison.OrdinalIgnoreCase))
        {
            output.AddClass("fr-badge--sm", HtmlEncoder.Default);
        }

        if (!string.IsNullOrEmpty(Type))
        {
            var type = Type.ToLowerInvariant();
            if (!Types.Contains(type))
            {
                throw new InvalidOperationException($"<dsfr-badge> type must be one of {string.Join(", ", Types)}; got '{Type}'.");
            }

            output.AddClass("fr-badge--" + type, HtmlEncoder.Default);
        }

        if (NoIcon)
        {
            output.AddClass("fr-badge--no-icon", HtmlEncoder.Default);
        }
    }
}
