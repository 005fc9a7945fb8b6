using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// A DSFR group of checkboxes for a list of values (<c>IEnumerable&lt;string&gt;</c>, <c>IEnumerable&lt;int&gt;</c>…):
/// <code>&lt;dsfr-checkboxes asp-for="Roles" asp-items="Model.RoleChoices" legend="Rôles" /&gt;</code>
/// Every box posts under the property name; boxes are checked from the posted values or the model.
/// When no box is checked the browser posts nothing and the list binds empty.
/// </summary>
[HtmlTargetElement("dsfr-checkboxes", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrCheckboxesTagHelper : DsfrFieldTagHelperBase
{
    public DsfrCheckboxesTagHelper(IHtmlGenerator generator)
        : base(generator)
    {
    }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The legend of the fieldset (same as <c>label</c>); defaults to the display name.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Puts the boxes on one line.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Label = Legend ?? Label;
        var field = ResolveField();
        var current = Generator.GetCurrentValues(ViewContext, For.ModelExplorer, For.Name, allowMultiple: true);

        DsfrChoiceGroup.WriteTo(output, DsfrChoiceGroup.Build(field, "checkbox", Items, current, Inline));
    }
}
