using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpPlus.Core.Feedback;

/// <summary>What a pre-submit warning is about.</summary>
public enum AnswerWarningKind
{
    Email = 1,
    Phone = 2,
    ProbableName = 3,
    MissingGreeting = 4,
    MissingThanks = 5,
    MissingSignature = 6,
}

/// <summary>
/// One piece of advice about an answer, shown before it is submitted; never a refusal.
/// <paramref name="Excerpt"/> is the text that triggered it (an address, a number, a name), null for a missing part.
/// </summary>
public sealed record AnswerWarning(AnswerWarningKind Kind, string Message, string? Excerpt);

/// <summary>
/// Checks an answer to an experience before it is submitted: personal data that must not be published (the answer
/// is public on the national platform) and the parts of the tone checklist that can be checked mechanically.
/// </summary>
/// <remarks>
/// The rules, kept simple so that an agent can understand why a warning appears:
/// <list type="bullet">
/// <item><b>E-mail</b>: any address <c>x@domaine.fr</c>, and the disguised forms <c>x [at] domaine.fr</c>,
/// <c>x (arobase) domaine.fr</c>, <c>x arobase domaine.fr</c>.</item>
/// <item><b>Phone</b>: a French number of ten digits starting with 0 (<c>06 12 34 56 78</c>, with spaces, dots,
/// dashes or nothing, the same separator throughout), or written with <c>+33</c> / <c>0033</c> (with an optional
/// <c>(0)</c>). Every number is reported, the service's switchboard included: the agent decides. Dates, postal codes,
/// amounts and numbers of fewer than ten digits do not match.</item>
/// <item><b>Probable name</b>: a civility (M., Mr, Monsieur, Mme, Madame, Mlle, Mademoiselle, Docteur, Dr, Maître, Me)
/// directly followed by a word starting with a capital letter or written in capitals ("Madame Durand",
/// "M. LEFEBVRE"), with an optional second such word ("Madame Camille Durand"). Not reported: a civility followed by
/// a comma ("Madame, Monsieur,"), by another civility, by an article or by a function ("Monsieur le Préfet",
/// "Madame la Directrice", "Monsieur Le Maire"). Nothing else is guessed.</item>
/// <item><b>Missing greeting</b>: the first non-empty line does not start with Bonjour, Bonsoir, Madame, Monsieur,
/// Mademoiselle, Mesdames, Messieurs, Cher, Chère, Chers or Chères.</item>
/// <item><b>Missing thanks</b>: neither "merci" nor "remerci…" appears anywhere (case and accents ignored).</item>
/// <item><b>Missing signature</b>: the answer is signed when a line starting with a closing formula (Cordialement,
/// Bien cordialement, Respectueusement, Bien à vous, Salutations, "Nous vous prions d'agréer"…) is followed by at
/// least one more non-empty line, or when its last non-empty line starts with Le, La, L' or Les followed by a
/// service word (service, équipe, préfecture, sous-préfecture, direction, référent, secrétariat, bureau, pôle…, or the
/// acronym of a State service such as DDT).</item>
/// </list>
/// </remarks>
public static partial class AnswerTextCheck
{
    private static readonly string[] GreetingWords =
        ["bonjour", "bonsoir", "madame", "monsieur", "mademoiselle", "mesdames", "messieurs", "cher", "chere", "chers", "cheres"];

    private static readonly string[] ThanksWords = ["merci", "remerci"];

    private static readonly string[] ClosingFormulas =
    [
        "cordialement", "bien cordialement", "tres cordialement", "respectueusement", "bien respectueusement",
        "tres respectueusement", "bien a vous", "salutations", "sinceres salutations", "meilleures salutations",
        "avec nos salutations", "avec nos sinceres salutations", "nous vous prions d'agreer", "je vous prie d'agreer",
        "veuillez agreer", "nous vous prions de croire", "je vous prie de croire", "nous vous prions de recevoir",
        "je vous prie de recevoir",
    ];

    private static readonly HashSet<string> ServiceWords =
    [
        "service", "services", "equipe", "equipes", "prefecture", "sous-prefecture", "direction", "referent",
        "referente", "referents", "secretariat", "bureau", "pole", "cellule", "mission", "accueil", "unite",
        "prefet", "prefete", "sous-prefet", "sous-prefete", "directeur", "directrice", "secretaire", "chef", "cheffe",
        "responsable", "correspondant", "correspondante", "ddt", "ddetspp", "ddets", "ddpp", "sgcd",
    ];

    /// <summary>Capitalised words that follow a civility without being a name: articles, civilities, functions.</summary>
    private static readonly HashSet<string> NotNames =
    [
        "le", "la", "les", "un", "une", "du", "de", "des", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames",
        "docteur", "maitre", "prefet", "prefete", "sous-prefet", "sous-prefete", "directeur", "directrice", "maire",
        "president", "presidente", "secretaire", "ministre", "depute", "deputee", "senateur", "senatrice", "chef",
        "cheffe", "responsable", "usager", "usagere", "bonjour", "bonsoir", "merci",
    ];

    /// <summary>The warnings for an answer's text, personal data first in the order found, then the missing parts.</summary>
    public static IReadOnlyList<AnswerWarning> Check(string text)
    {
        text ??= "";
        var warnings = new List<AnswerWarning>();
        var seen = new HashSet<(AnswerWarningKind, string)>();
        var emailSpans = new List<(int Start, int End)>();

        void Add(AnswerWarningKind kind, string excerpt, string message)
        {
            if (seen.Add((kind, excerpt)))
            {
                warnings.Add(new AnswerWarning(kind, message, excerpt));
            }
        }

        bool InsideEmail(Match match) => emailSpans.Any(s => match.Index < s.End && match.Index + match.Length > s.Start);

        foreach (Match match in EmailPattern().Matches(text))
        {
            emailSpans.Add((match.Index, match.Index + match.Length));
            Add(AnswerWarningKind.Email, match.Value,
                $"Le texte contient une adresse électronique ({match.Value}) : la réponse est publique, retirez-la s'il ne s'agit pas de l'adresse générique du service.");
        }

        foreach (Match match in PhonePattern().Matches(text))
        {
            if (!InsideEmail(match))
            {
                Add(AnswerWarningKind.Phone, match.Value,
                    $"Le texte contient un numéro de téléphone ({match.Value}) : la réponse est publique, retirez-le s'il ne s'agit pas du numéro du standard du service.");
            }
        }

        foreach (Match match in NamePattern().Matches(text))
        {
            if (InsideEmail(match) || ProbableName(match) is not { } excerpt)
            {
                continue;
            }

            Add(AnswerWarningKind.ProbableName, excerpt,
                $"Le texte semble contenir un nom de personne (« {excerpt} ») : la réponse est publique, gardez la seule civilité (« Madame », « Monsieur ») ou retirez le nom.");
        }

        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        if (lines.Count == 0 || !GreetingWords.Contains(FirstWord(Normalise(lines[0]))))
        {
            warnings.Add(new AnswerWarning(AnswerWarningKind.MissingGreeting,
                "La réponse ne commence pas par une formule de salutation (Bonjour, Madame, Monsieur…) : ajoutez-en une en première ligne.", null));
        }

        var normalisedText = Normalise(text);
        if (!ThanksWords.Any(normalisedText.Contains))
        {
            warnings.Add(new AnswerWarning(AnswerWarningKind.MissingThanks,
                "La réponse ne remercie pas l'usager pour son expérience : ajoutez un remerciement (par exemple « Merci pour votre retour »).", null));
        }

        if (!IsSigned(lines))
        {
            warnings.Add(new AnswerWarning(AnswerWarningKind.MissingSignature,
                "La réponse ne se termine pas par une signature (le service qui répond) : terminez par une formule de politesse suivie du nom du service.", null));
        }

        return warnings;
    }

    private static string? ProbableName(Match match)
    {
        var first = match.Groups["first"];
        if (IsNotName(first.Value))
        {
            return null;
        }

        var second = match.Groups["second"];
        var end = second.Success && !IsNotName(second.Value) ? second.Index + second.Length : first.Index + first.Length;
        return match.Value[..(end - match.Index)];
    }

    private static bool IsNotName(string word)
    {
        var normalised = Normalise(word);
        return NotNames.Contains(normalised) || normalised.StartsWith("l'", StringComparison.Ordinal);
    }

    private static bool IsSigned(List<string> lines)
    {
        if (lines.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < lines.Count - 1; i++)
        {
            var line = Normalise(lines[i]);
            if (ClosingFormulas.Any(f => line.StartsWith(f, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        var last = Normalise(lines[^1]).TrimStart('-', '–', '—', '*', ' ');
        string rest;
        if (last.StartsWith("l'", StringComparison.Ordinal))
        {
            rest = last[2..];
        }
        else
        {
            var space = last.IndexOf(' ');
            if (space < 0 || last[..space] is not ("le" or "la" or "les"))
            {
                return false;
            }

            rest = last[(space + 1)..];
        }

        return ServiceWords.Contains(FirstWord(rest.TrimStart()));
    }

    /// <summary>The leading run of letters and hyphens.</summary>
    private static string FirstWord(string normalised)
    {
        var length = 0;
        while (length < normalised.Length && (char.IsLetter(normalised[length]) || normalised[length] == '-'))
        {
            length++;
        }

        return normalised[..length];
    }

    /// <summary>Lower case, without accents, typographic apostrophes made straight.</summary>
    private static string Normalise(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<![\w.+\-])[\w.+\-]+(?:@|\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*|\s+arobase\s+)[\w\-]+(?:\.[\w\-]+)*\.\p{L}{2,}(?![\w\-])", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)33[\x20.\-\u00A0\u202F]?(?:\(0\)[\x20.\-\u00A0\u202F]?)?[1-9](?:[\x20.\-\u00A0\u202F]?\d{2}){4}|0[1-9](?<sep>[\x20.\-\u00A0\u202F]?)\d{2}(?:\k<sep>\d{2}){3})(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<!\p{L})(?:(?i:monsieur|madame|mademoiselle|docteur|ma[iî]tre)|Mme\.?|Mlle\.?|Mr\.?|Dr\.?|Me|M\.)[\x20\u00A0\u202F]+(?<first>\p{Lu}[\p{L}'’\-]*\p{L})(?:[\x20\u00A0\u202F]+(?<second>\p{Lu}[\p{L}'’\-]*\p{L}))?")]
    private static partial Regex NamePattern();
}
