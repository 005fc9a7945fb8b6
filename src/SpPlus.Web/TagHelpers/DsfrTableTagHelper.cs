using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// The DSFR table wrappers around a table written in the view:
/// <code>
/// &lt;dsfr-table caption="Comptes"&gt;
///     &lt;thead&gt;&lt;tr&gt;&lt;th scope="col"&gt;…&lt;/th&gt;&lt;/tr&gt;&lt;/thead&gt;
///     &lt;tbody&gt;…&lt;/tbody&gt;
/// &lt;/dsfr-table&gt;
/// </code>
/// renders <c>div.fr-table &gt; div.fr-table__wrapper &gt; div.fr-table__container &gt; div.fr-table__content &gt; table</c>
/// with the caption first. <c>no-caption="true"</c> keeps the caption for assistive technologies only;
/// <c>bordered="true"</c> draws the cell borders; <c>table-id</c> sets the table's id.
/// </summary>
[HtmlTargetElement("dsfr-table")]
public sealed class DsfrTableTagHelper : TagHelper
{
    [HtmlAttributeName("caption")]
    public string Caption { get; set; } = "";

    [HtmlAttributeName("no-caption")]
    public bool NoCaption { get; set; }

    [HtmlAttributeName("bordered")]
    public bool Bordered { get; set; }

    [HtmlAttributeName("table-id")]
    public string? TableId { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(Caption))
        {
            throw new InvalidOperationException("<dsfr-table> needs a caption (use no-caption=\"true\" to hide it visually).");
        }

        var body = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("fr-table", HtmlEncoder.Default);
        if (NoCaption)
        {
            output.AddClass("fr-table--no-caption", HtmlEncoder.Default);
        }

        if (Bordered)
        {
            output.AddClass("fr-table--bordered", HtmlEncoder.Default);
        }

        var caption = new TagBuilder("caption");
        caption.InnerHtml.Append(Caption);

        var table = new TagBuilder("table");
        if (!string.IsNullOrEmpty(TableId))
        {
            table.Attributes["id"] = TableId;
        }

        table.InnerHtml.AppendHtml(caption);
        table.InnerHtml.AppendHtml(body);

        var content = Wrap("fr-table__content", table);
        var container = Wrap("fr-table__container", content);
        var wrapper = Wrap("fr-table__wrapper", container);
        output.Content.SetHtmlContent(wrapper);
    }

    private static TagBuilder Wrap(string cssClass, TagBuilder inner)
    {
        var div = new TagBuilder("div");
        div.AddCssClass(cssClass);
        div.InnerHtml.AppendHtml(inner);
        return div;
    }
}
