using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// Common ground of the DSFR form components: bound to a model property with <c>asp-for</c>,
/// labelled by <c>label</c> (default: the property's <c>[Display(Name)]</c>) and hinted by
/// <c>hint</c> (default: its <c>[Display(Description)]</c>). The errors come from model state.
/// </summary>
public abstract class DsfrFieldTagHelperBase : TagHelper
{
    protected DsfrFieldTagHelperBase(IHtmlGenerator generator)
    {
        Generator = generator;
    }

    protected IHtmlGenerator Generator { get; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The bound property.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>The label (or legend); defaults to the display name of the property.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>A hint shown under the label; defaults to the description of the property.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    private protected DsfrField ResolveField()
    {
        if (For is null)
        {
            throw new InvalidOperationException($"The 'asp-for' attribute is required on {GetType().Name}.");
        }

        return DsfrField.For(ViewContext, For, Label, Hint);
    }

    /// <summary>Turns the custom element into a <c>div</c> with the given DSFR classes, keeping the author's classes.</summary>
    private protected static void BecomeDiv(TagHelperOutput output, params string[] classes)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        foreach (var cssClass in classes)
        {
            output.AddClass(cssClass, HtmlEncoder.Default);
        }
    }

    /// <summary>Copies author-given attributes (<c>input-maxlength="50"</c> → <c>maxlength="50"</c>) onto the control.</summary>
    private protected static void MergeExtraAttributes(TagBuilder control, IDictionary<string, string> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            control.MergeAttribute(name, value, replaceExisting: true);
        }
    }

    private protected static void DescribeByMessages(TagBuilder control, DsfrField field)
    {
        control.MergeAttribute("aria-describedby", field.MessagesId, replaceExisting: true);
        if (field.HasErrors)
        {
            control.MergeAttribute("aria-invalid", "true", replaceExisting: true);
        }
    }
}
