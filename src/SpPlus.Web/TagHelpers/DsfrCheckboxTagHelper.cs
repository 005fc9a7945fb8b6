using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// A single DSFR checkbox for a <c>bool</c> property:
/// <code>&lt;dsfr-checkbox asp-for="IsActive" label="Compte actif" hint="…" /&gt;</code>
/// renders <c>div.fr-checkbox-group</c> with the checkbox (value "true"), its label, the messages
/// group and MVC's hidden "false" input (after the label, or at the end of the form when MVC is
/// set to put it there), so that an unticked box posts false.
/// </summary>
[HtmlTargetElement("dsfr-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrCheckboxTagHelper : DsfrFieldTagHelperBase
{
    public DsfrCheckboxTagHelper(IHtmlGenerator generator)
        : base(generator)
    {
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = ResolveField();

        var checkbox = Generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, isChecked: null, htmlAttributes: null);
        checkbox.TagRenderMode = TagRenderMode.SelfClosing;
        DescribeByMessages(checkbox, field);

        BecomeDiv(output, "fr-checkbox-group", "sp-checkbox");
        if (field.HasErrors)
        {
            output.AddClass("fr-checkbox-group--error", HtmlEncoder.Default);
        }

        output.Content.AppendHtml(checkbox);
        output.Content.AppendHtml(DsfrMarkup.Label(field.Id, field.Label, field.Hint));
        output.Content.AppendHtml(DsfrMarkup.Messages(field));

        if (ViewContext.CheckBoxHiddenInputRenderMode == CheckBoxHiddenInputRenderMode.None)
        {
            return;
        }

        var hidden = Generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name);
        hidden.TagRenderMode = TagRenderMode.SelfClosing;
        if (ViewContext.CheckBoxHiddenInputRenderMode == CheckBoxHiddenInputRenderMode.EndOfForm
            && ViewContext.FormContext.CanRenderAtEndOfForm)
        {
            ViewContext.FormContext.EndOfFormContent.Add(hidden);
        }
        else
        {
            output.Content.AppendHtml(hidden);
        }
    }
}
