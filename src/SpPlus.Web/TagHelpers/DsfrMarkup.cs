using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SpPlus.Web.TagHelpers;

/// <summary>Small builders for the pieces of DSFR markup that several components share.</summary>
internal static class DsfrMarkup
{
    /// <summary><c>&lt;label class="fr-label" for="id"&gt;text&lt;span class="fr-hint-text"&gt;hint&lt;/span&gt;&lt;/label&gt;</c></summary>
    public static TagBuilder Label(string forId, string text, string? hint)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("fr-label");
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        AppendHint(label, hint);
        return label;
    }

    /// <summary><c>&lt;legend class="fr-fieldset__legend"&gt;</c> with its optional hint.</summary>
    public static TagBuilder Legend(string id, string text, string? hint, bool regular)
    {
        var legend = new TagBuilder("legend");
        legend.AddCssClass("fr-fieldset__legend");
        if (regular)
        {
            legend.AddCssClass("fr-fieldset__legend--regular");
        }

        legend.Attributes["id"] = id;
        legend.InnerHtml.Append(text);
        AppendHint(legend, hint);
        return legend;
    }

    /// <summary>
    /// The DSFR messages group: <c>&lt;div class="fr-messages-group" id="…-messages" aria-live="polite"&gt;</c>
    /// with one <c>fr-message--error</c> paragraph per error.
    /// </summary>
    public static TagBuilder Messages(DsfrField field)
    {
        var group = new TagBuilder("div");
        group.AddCssClass("fr-messages-group");
        group.Attributes["id"] = field.MessagesId;
        group.Attributes["aria-live"] = "polite";
        for (var i = 0; i < field.Errors.Count; i++)
        {
            var message = new TagBuilder("p");
            message.AddCssClass("fr-message fr-message--error");
            message.Attributes["id"] = i == 0 ? $"{field.Id}-message-error" : $"{field.Id}-message-error-{i + 1}";
            message.InnerHtml.Append(field.Errors[i]);
            group.InnerHtml.AppendHtml(message);
        }

        return group;
    }

    private static readonly HtmlEncoder ReadableEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The HTML of <paramref name="content"/> as a string, accented letters left as they are (for tests and diagnostics).</summary>
    public static string ToHtml(this IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, ReadableEncoder);
        return writer.ToString();
    }

    private static void AppendHint(TagBuilder parent, string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return;
        }

        var span = new TagBuilder("span");
        span.AddCssClass("fr-hint-text");
        span.InnerHtml.Append(hint);
        parent.InnerHtml.AppendHtml(span);
    }
}
