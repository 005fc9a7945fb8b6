using System.Globalization;
using System.Text;

namespace SpPlus.Core.Feedback.Import;

/// <summary>The data an export column can carry.</summary>
internal enum ExperienceCsvColumn
{
    NationalId,
    Title,
    Description,
    NationalState,
    Sentiment,
    Typology1,
    Typology2,
    Typology3,
    StructureLabel,
    TagAccessibility,
    TagInformation,
    TagRelation,
    TagReactivity,
    TagSimplicity,
    PostalCode,
    WrittenOn,
    PublishedOn,
    FirstAnswerOn,
    PublishedAnswer,
    RejectionReason,
}

/// <summary>
/// Header names of the national exports (CSV names and JSON names), matched after <see cref="Normalize"/>: lower case,
/// accents removed, spaces, underscores, hyphens and apostrophes removed.
/// </summary>
internal static class ExperienceCsvColumns
{
    private static readonly Dictionary<string, ExperienceCsvColumn> Names = new(StringComparer.Ordinal)
    {
        ["id"] = ExperienceCsvColumn.NationalId,
        ["idexperience"] = ExperienceCsvColumn.NationalId,
        ["titre"] = ExperienceCsvColumn.Title,
        ["description"] = ExperienceCsvColumn.Description,
        ["etatdelexperience"] = ExperienceCsvColumn.NationalState,
        ["etat"] = ExperienceCsvColumn.NationalState,
        ["ressentiusager"] = ExperienceCsvColumn.Sentiment,
        ["ressenti"] = ExperienceCsvColumn.Sentiment,
        ["intituletypologie1"] = ExperienceCsvColumn.Typology1,
        ["typologie1"] = ExperienceCsvColumn.Typology1,
        ["intituletypologie2"] = ExperienceCsvColumn.Typology2,
        ["typologie2"] = ExperienceCsvColumn.Typology2,
        ["intituletypologie3"] = ExperienceCsvColumn.Typology3,
        ["typologie3"] = ExperienceCsvColumn.Typology3,
        ["intituledelastructure"] = ExperienceCsvColumn.StructureLabel,
        ["intitulestructure"] = ExperienceCsvColumn.StructureLabel,
        ["structure"] = ExperienceCsvColumn.StructureLabel,
        ["nomstructure"] = ExperienceCsvColumn.StructureLabel,
        ["tagsgenerauxaccessibilite"] = ExperienceCsvColumn.TagAccessibility,
        ["tagsgenerauxinformationexplication"] = ExperienceCsvColumn.TagInformation,
        ["tagsgenerauxrelation"] = ExperienceCsvColumn.TagRelation,
        ["tagsgenerauxreactivite"] = ExperienceCsvColumn.TagReactivity,
        ["tagsgenerauxsimplicitecomplexite"] = ExperienceCsvColumn.TagSimplicity,
        ["codepostalusager"] = ExperienceCsvColumn.PostalCode,
        ["codepostal"] = ExperienceCsvColumn.PostalCode,
        ["ecritle"] = ExperienceCsvColumn.WrittenOn,
        ["datedecriture"] = ExperienceCsvColumn.WrittenOn,
        ["datedepublication"] = ExperienceCsvColumn.PublishedOn,
        ["datedepremierereponse"] = ExperienceCsvColumn.FirstAnswerOn,
        ["reponsestructure1"] = ExperienceCsvColumn.PublishedAnswer,
        ["reponsestructure"] = ExperienceCsvColumn.PublishedAnswer,
        ["motifderejet"] = ExperienceCsvColumn.RejectionReason,
        ["motifrejet"] = ExperienceCsvColumn.RejectionReason,
        ["raisonderejet"] = ExperienceCsvColumn.RejectionReason,
    };

    public static ExperienceCsvColumn? Find(string headerName) =>
        Names.TryGetValue(Normalize(headerName), out var column) ? column : null;

    /// <summary>Lower case, without accents, spaces, underscores, hyphens or apostrophes.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '\'' or '\u2019'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>What the column holds, in French, for messages.</summary>
    public static string Label(this ExperienceCsvColumn column) => column switch
    {
        ExperienceCsvColumn.NationalId => "identifiant de l'expérience",
        ExperienceCsvColumn.Title => "titre",
        ExperienceCsvColumn.Description => "description",
        ExperienceCsvColumn.NationalState => "état de l'expérience",
        ExperienceCsvColumn.Sentiment => "ressenti de l'usager",
        ExperienceCsvColumn.Typology1 => "intitulé typologie 1",
        ExperienceCsvColumn.Typology2 => "intitulé typologie 2",
        ExperienceCsvColumn.Typology3 => "intitulé typologie 3",
        ExperienceCsvColumn.StructureLabel => "intitulé de la structure",
        ExperienceCsvColumn.TagAccessibility => "tag accessibilité",
        ExperienceCsvColumn.TagInformation => "tag information et explication",
        ExperienceCsvColumn.TagRelation => "tag relation",
        ExperienceCsvColumn.TagReactivity => "tag réactivité",
        ExperienceCsvColumn.TagSimplicity => "tag simplicité et complexité",
        ExperienceCsvColumn.PostalCode => "code postal de l'usager",
        ExperienceCsvColumn.WrittenOn => "date d'écriture",
        ExperienceCsvColumn.PublishedOn => "date de publication",
        ExperienceCsvColumn.FirstAnswerOn => "date de première réponse",
        ExperienceCsvColumn.PublishedAnswer => "réponse de la structure",
        ExperienceCsvColumn.RejectionReason => "motif de rejet",
        _ => column.ToString(),
    };

    /// <summary>The longest text accepted in the column, in characters.</summary>
    public static int MaxLength(this ExperienceCsvColumn column) => column switch
    {
        ExperienceCsvColumn.Description or ExperienceCsvColumn.PublishedAnswer => 10_000,
        _ => 300,
    };
}
