using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace SpPlus.Web.TagHelpers;

/// <summary>
/// What a DSFR form component needs to know about the property it is bound to: the posted name,
/// the element id, the label, the hint and the model state errors.
/// </summary>
internal sealed class DsfrField
{
    private DsfrField(string name, string id, string label, string? hint, IReadOnlyList<string> errors)
    {
        Name = name;
        Id = id;
        Label = label;
        Hint = hint;
        Errors = errors;
    }

    /// <summary>The full HTML field name (with any prefix), also the model state key.</summary>
    public string Name { get; }

    /// <summary>The id of the control (for a group of radios or checkboxes, of the first one).</summary>
    public string Id { get; }

    public string Label { get; }

    public string? Hint { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>The id of the DSFR messages group that holds the errors.</summary>
    public string MessagesId => Id + "-messages";

    public static DsfrField For(ViewContext viewContext, ModelExpression expression, string? label, string? hint)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        ArgumentNullException.ThrowIfNull(expression);

        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = IdFor(viewContext, name);
        var metadata = expression.Metadata;
        var resolvedLabel = label ?? metadata.DisplayName ?? metadata.PropertyName ?? expression.Name;
        var resolvedHint = hint ?? metadata.Description;
        if (string.IsNullOrWhiteSpace(resolvedHint))
        {
            resolvedHint = null;
        }

        return new DsfrField(name, id, resolvedLabel, resolvedHint, ErrorsFor(viewContext.ViewData.ModelState, name));
    }

    /// <summary>The id MVC gives to the control posted under <paramref name="fullName"/>.</summary>
    public static string IdFor(ViewContext viewContext, string fullName)
    {
        var dotReplacement = viewContext.HttpContext.RequestServices?
            .GetService<IOptions<MvcViewOptions>>()?.Value.HtmlHelperOptions.IdAttributeDotReplacement ?? "_";
        return TagBuilder.CreateSanitizedId(fullName, dotReplacement);
    }

    public static IReadOnlyList<string> ErrorsFor(ModelStateDictionary modelState, string key)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return [];
        }

        return [.. entry.Errors.Select(MessageOf)];
    }

    /// <summary>The text shown for a model error; an error raised by an exception gets a neutral message.</summary>
    public static string MessageOf(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "La valeur saisie n'est pas valide." : error.ErrorMessage;
}
