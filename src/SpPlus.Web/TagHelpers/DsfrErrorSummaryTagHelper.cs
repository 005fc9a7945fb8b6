using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// The summary of a form's errors, to put right after the page's <c>h1</c>:
/// <code>&lt;dsfr-error-summary /&gt;</code>
/// Renders nothing while model state has no error. Otherwise a <c>div.fr-alert.fr-alert--error</c>
/// (<c>id="resume-erreurs"</c>, <c>role="alert"</c>, <c>tabindex="-1"</c>) titled by an <c>h2</c>
/// "Le formulaire contient des erreurs", listing each error: a link to its field (<c>#FieldId</c>),
/// or plain text for model-level errors (key "").
/// </summary>
[HtmlTargetElement("dsfr-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErrorSummaryTagHelper : TagHelper
{
    public const string DefaultTitle = "Le formulaire contient des erreurs";
    public const string ElementId = "resume-erreurs";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("title")]
    public string Title { get; set; } = DefaultTitle;

    /// <summary>The heading level of the title (default 2).</summary>
    [HtmlAttributeName("title-level")]
    public int TitleLevel { get; set; } = 2;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("fr-alert", HtmlEncoder.Default);
        output.AddClass("fr-alert--error", HtmlEncoder.Default);
        output.AddClass("fr-mb-4w", HtmlEncoder.Default);
        output.Attributes.SetAttribute("id", ElementId);
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");

        var title = new TagBuilder($"h{Math.Clamp(TitleLevel, 2, 6)}");
        title.AddCssClass("fr-alert__title");
        title.InnerHtml.Append(Title);
        output.Content.AppendHtml(title);

        var list = new TagBuilder("ul");
        foreach (var (key, message) in Errors())
        {
            var item = new TagBuilder("li");
            if (key.Length == 0)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + DsfrField.IdFor(ViewContext, key);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml(list);
    }

    /// <summary>
    /// Model-level errors first, then each field's in the order the model declares its properties
    /// (the order of the form, as a rule), keys the model does not know last.
    /// </summary>
    private IEnumerable<(string Key, string Message)> Errors()
    {
        var modelMetadata = ViewContext.ViewData.ModelMetadata;
        var entries = ViewContext.ViewData.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (entry.Key, entry.Value, Order: ErrorOrder.Of(modelMetadata, entry.Key)))
            .OrderBy(entry => entry.Order, ErrorOrder.Comparer)
            .ToList();
        foreach (var (key, entry, _) in entries)
        {
            foreach (var error in entry?.Errors ?? [])
            {
                yield return (key, DsfrField.MessageOf(error));
            }
        }
    }
}
