using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpPlus.Core.Feedback;

/// <summary>
/// The values an answer template is filled with: the structure's name, the experience's date (null when unknown),
/// the signature (the service that answers) and the experience's title.
/// </summary>
public sealed record AnswerTemplateValues(string Structure, DateOnly? ExperienceDate, string Signature, string? Title = null);

/// <summary>
/// Fills an answer template's placeholders to start a draft. A placeholder is a name between braces:
/// <c>{structure}</c>, <c>{date_experience}</c> (dd/MM/yyyy, "récemment" when the date is unknown), <c>{signature}</c>
/// and <c>{titre}</c> (empty when the experience has no title). Names are matched ignoring case, accents and spaces
/// inside the braces (<c>{ Date_Expérience }</c> is <c>{date_experience}</c>); anything else between braces is left
/// as typed, and <see cref="UnknownPlaceholders"/> lists it so that a template can be refused on save. The text is
/// filled in one pass: a value that itself contains braces is not filled again.
/// </summary>
public static partial class AnswerTemplateRenderer
{
    public const string StructurePlaceholder = "{structure}";
    public const string DatePlaceholder = "{date_experience}";
    public const string SignaturePlaceholder = "{signature}";
    public const string TitlePlaceholder = "{titre}";

    /// <summary>The wording used for <c>{date_experience}</c> when the experience's date is unknown.</summary>
    public const string UnknownDateWording = "récemment";

    /// <summary>The placeholders a template may use, as they are typed.</summary>
    public static IReadOnlyList<string> KnownPlaceholders { get; } = [StructurePlaceholder, DatePlaceholder, SignaturePlaceholder, TitlePlaceholder];

    /// <summary>A French description of each known placeholder, for the template editor's help text.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [StructurePlaceholder] = "le nom de la structure concernée par l'avis",
        [DatePlaceholder] = "la date de l'expérience (jj/mm/aaaa), ou « récemment » si elle est inconnue",
        [SignaturePlaceholder] = "la signature du service qui répond",
        [TitlePlaceholder] = "le titre de l'avis",
    };

    /// <summary>The body with every known placeholder replaced by its value; unknown ones are left as typed.</summary>
    public static string Render(string body, AnswerTemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(values);
        return PlaceholderPattern().Replace(body, match => Key(match) switch
        {
            StructurePlaceholder => values.Structure,
            DatePlaceholder => values.ExperienceDate?.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture) ?? UnknownDateWording,
            SignaturePlaceholder => values.Signature,
            TitlePlaceholder => values.Title ?? "",
            _ => match.Value,
        });
    }

    /// <summary>The placeholders of <paramref name="body"/> that are not known, as typed, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PlaceholderPattern().Matches(body)
            .Where(m => !KnownPlaceholders.Contains(Key(m)))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The placeholder in its canonical form: "{name}" in lower case, without accents or surrounding spaces.</summary>
    private static string Key(Match match)
    {
        var decomposed = match.Groups["name"].Value.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder("{", decomposed.Length + 2);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Append('}').ToString();
    }

    [GeneratedRegex(@"\{(?<name>[^{}\r\n]{1,50})\}")]
    private static partial Regex PlaceholderPattern();
}
