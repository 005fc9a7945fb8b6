using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// Builds the DSFR fieldset of radios or checkboxes shared by <see cref="DsfrRadiosTagHelper"/>
/// and <see cref="DsfrCheckboxesTagHelper"/>. The first control gets the field id (so that the
/// error summary's link lands on it), the next ones <c>id-2</c>, <c>id-3</c>…
/// </summary>
internal static class DsfrChoiceGroup
{
    public static TagBuilder Build(
        DsfrField field,
        string inputType,
        IEnumerable<SelectListItem> items,
        ICollection<string>? currentValues,
        bool inline)
    {
        var kind = inputType == "radio" ? "radio" : "checkbox";

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("fr-fieldset");
        if (field.HasErrors)
        {
            fieldset.AddCssClass("fr-fieldset--error");
        }

        fieldset.Attributes["id"] = field.Id + "-fieldset";
        fieldset.Attributes["aria-labelledby"] = $"{field.Id}-legend {field.MessagesId}";
        fieldset.InnerHtml.AppendHtml(DsfrMarkup.Legend(field.Id + "-legend", field.Label, field.Hint, regular: true));

        var index = 0;
        foreach (var item in items)
        {
            index++;
            var id = index == 1 ? field.Id : $"{field.Id}-{index}";
            var value = item.Value ?? item.Text;
            var isChecked = currentValues is { Count: > 0 }
                ? currentValues.Contains(value)
                : item.Selected;

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.Attributes["type"] = inputType;
            input.Attributes["id"] = id;
            input.Attributes["name"] = field.Name;
            input.Attributes["value"] = value;
            if (isChecked)
            {
                input.Attributes["checked"] = "checked";
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            var group = new TagBuilder("div");
            group.AddCssClass($"fr-{kind}-group");
            group.InnerHtml.AppendHtml(input);
            group.InnerHtml.AppendHtml(DsfrMarkup.Label(id, item.Text, hint: null));

            var element = new TagBuilder("div");
            element.AddCssClass("fr-fieldset__element");
            if (inline)
            {
                element.AddCssClass("fr-fieldset__element--inline");
            }

            element.InnerHtml.AppendHtml(group);
            fieldset.InnerHtml.AppendHtml(element);
        }

        fieldset.InnerHtml.AppendHtml(DsfrMarkup.Messages(field));
        return fieldset;
    }

    /// <summary>Makes <paramref name="output"/> the fieldset (keeping the author's attributes and classes).</summary>
    public static void WriteTo(TagHelperOutput output, TagBuilder fieldset)
    {
        output.TagName = fieldset.TagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.MergeAttributes(fieldset);
        output.Content.SetHtmlContent(fieldset.InnerHtml);
    }
}
