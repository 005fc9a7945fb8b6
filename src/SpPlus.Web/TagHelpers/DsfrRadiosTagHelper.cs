using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// A DSFR group of radio buttons:
/// <code>&lt;dsfr-radios asp-for="Decision" asp-items="Model.Decisions" legend="Votre décision" inline="true" /&gt;</code>
/// renders <c>fieldset.fr-fieldset</c> (<c>fr-fieldset--error</c> on errors) with a legend, one
/// <c>div.fr-radio-group</c> per item, checked from the posted value or the model.
/// </summary>
[HtmlTargetElement("dsfr-radios", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrRadiosTagHelper : DsfrFieldTagHelperBase
{
    public DsfrRadiosTagHelper(IHtmlGenerator generator)
        : base(generator)
    {
    }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The legend of the fieldset (same as <c>label</c>); defaults to the display name.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Puts the radios on one line.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Label = Legend ?? Label;
        var field = ResolveField();
        var current = Generator.GetCurrentValues(ViewContext, For.ModelExplorer, For.Name, allowMultiple: false);

        DsfrChoiceGroup.WriteTo(output, DsfrChoiceGroup.Build(field, "radio", Items, current, Inline));
    }
}
