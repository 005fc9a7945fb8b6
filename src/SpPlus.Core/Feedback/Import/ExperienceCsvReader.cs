using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpPlus.Core.Feedback.Import;

/// <summary>
/// Reads an experience export of the national platform (CSV). The file is decoded as strict UTF-8 while it streams,
/// its separator (<c>;</c> or <c>,</c>) is the one under which the header line names more known columns, header names
/// are matched after normalisation (see <see cref="ExperienceCsvColumns"/>), and every data row is either accepted or
/// rejected with a French reason. Problems that make the whole file unusable (not text, empty, too large, too many
/// rows, a quote never closed, a required column missing) are file errors, and then no row is returned.
/// </summary>
public static partial class ExperienceCsvReader
{
    public const string EmptyFileMessage = "Le fichier est vide.";
    public const string NoDataMessage = "Le fichier ne contient aucune ligne de données.";
    public const string MissingIdColumnMessage = "Colonne obligatoire absente : id (identifiant de l'expérience).";
    public const string MissingStructureColumnMessage =
        "Colonne obligatoire absente : intitulé de la structure (ou intitulé typologie 1, 2 ou 3).";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly HashSet<string> FalseTagValues = new(StringComparer.OrdinalIgnoreCase) { "0", "non", "false", "faux", "n" };

    private static readonly (ExperienceCsvColumn Column, ExperienceTag Tag)[] TagColumns =
    [
        (ExperienceCsvColumn.TagAccessibility, ExperienceTag.Accessibility),
        (ExperienceCsvColumn.TagInformation, ExperienceTag.Information),
        (ExperienceCsvColumn.TagRelation, ExperienceTag.Relation),
        (ExperienceCsvColumn.TagReactivity, ExperienceTag.Reactivity),
        (ExperienceCsvColumn.TagSimplicity, ExperienceTag.Simplicity),
    ];

    private static readonly ExperienceCsvColumn[] TextColumns =
    [
        ExperienceCsvColumn.NationalId,
        ExperienceCsvColumn.Title,
        ExperienceCsvColumn.Description,
        ExperienceCsvColumn.NationalState,
        ExperienceCsvColumn.Typology1,
        ExperienceCsvColumn.Typology2,
        ExperienceCsvColumn.Typology3,
        ExperienceCsvColumn.StructureLabel,
        ExperienceCsvColumn.PostalCode,
        ExperienceCsvColumn.PublishedAnswer,
        ExperienceCsvColumn.RejectionReason,
    ];

    private static readonly int ColumnCount = Enum.GetValues<ExperienceCsvColumn>().Length;

    public static ExperienceCsvResult Read(Stream stream, ExperienceCsvLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= new ExperienceCsvLimits();
        var ignored = new List<string>();
        try
        {
            return ReadChecked(new CheckedUtf8Reader(stream, limits.MaxBytes), limits, ignored);
        }
        catch (CsvFileException exception)
        {
            return new ExperienceCsvResult([], [], [exception.Message], ignored);
        }
    }

    public static string TooManyRowsMessage(int maxRows) =>
        $"Le fichier contient plus de {maxRows.ToString("N0", French)} lignes ; découpez l'export en plusieurs fichiers.";

    private static ExperienceCsvResult ReadChecked(CheckedUtf8Reader reader, ExperienceCsvLimits limits, List<string> ignored)
    {
        var headerText = PeekHeaderText(reader);
        var separator = DetectSeparator(headerText);
        reader.Replay(headerText);
        var tokenizer = new CsvTokenizer(reader, separator);

        var header = NextNonBlank(tokenizer);
        if (header is null)
        {
            return Refused(EmptyFileMessage, ignored);
        }

        var fileErrors = new List<string>();
        var columns = MapHeader(header, ignored, fileErrors);
        if (fileErrors.Count > 0)
        {
            return new ExperienceCsvResult([], [], fileErrors, ignored);
        }

        var rows = new List<ExperienceCsvRow>();
        var rejections = new List<ExperienceCsvRejection>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var dataRows = 0;
        while (NextNonBlank(tokenizer) is { } record)
        {
            dataRows++;
            if (dataRows > limits.MaxRows)
            {
                return Refused(TooManyRowsMessage(limits.MaxRows), ignored);
            }

            var outcome = ReadRow(record, columns, firstLineOfId);
            if (outcome.Row is not null)
            {
                rows.Add(outcome.Row);
            }
            else
            {
                rejections.Add(outcome.Rejection!);
            }
        }

        return dataRows == 0
            ? Refused(NoDataMessage, ignored)
            : new ExperienceCsvResult(rows, rejections, [], ignored);
    }

    private static ExperienceCsvResult Refused(string error, List<string> ignored) => new([], [], [error], ignored);

    /// <summary>
    /// The characters up to the end of the first non-blank line, line break included, a line break inside quotes not
    /// counting. Used to choose the separator before the real tokenizer reads them again.
    /// </summary>
    private static string PeekHeaderText(CheckedUtf8Reader reader)
    {
        var text = new StringBuilder();
        var inQuotes = false;
        var hasContent = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            text.Append(c);
            if (c == '"')
            {
                inQuotes = !inQuotes;
                hasContent = true;
            }
            else if (c is '\r' or '\n')
            {
                if (hasContent && !inQuotes)
                {
                    break;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                hasContent = true;
            }
        }

        return text.ToString();
    }

    /// <summary>The comma when it names more known columns than the semicolon; otherwise the semicolon, usual in French exports.</summary>
    private static char DetectSeparator(string headerText) =>
        KnownColumns(headerText, ',') > KnownColumns(headerText, ';') ? ',' : ';';

    private static int KnownColumns(string headerText, char separator)
    {
        try
        {
            var header = NextNonBlank(new CsvTokenizer(new StringReader(headerText), separator));
            return header?.Cells.Count(c => ExperienceCsvColumns.Find(c) is not null) ?? 0;
        }
        catch (CsvFileException)
        {
            // A quote left open: the real reading reports it with its line.
            return 0;
        }
    }

    /// <summary>The next record with at least one non-blank cell: blank lines and lines of bare separators are skipped.</summary>
    private static CsvRecord? NextNonBlank(CsvTokenizer tokenizer)
    {
        while (tokenizer.ReadRecord() is { } record)
        {
            if (record.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                return record;
            }
        }

        return null;
    }

    private static ExperienceCsvColumn?[] MapHeader(CsvRecord header, List<string> ignored, List<string> errors)
    {
        var columns = new ExperienceCsvColumn?[header.Cells.Count];
        var nameOf = new Dictionary<ExperienceCsvColumn, string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (ExperienceCsvColumns.Find(name) is not { } column)
            {
                ignored.Add(name);
            }
            else if (nameOf.TryGetValue(column, out var first))
            {
                errors.Add($"Colonne en double : « {first} » et « {name} » désignent la même donnée ({column.Label()}).");
            }
            else
            {
                nameOf[column] = name;
                columns[i] = column;
            }
        }

        if (!nameOf.ContainsKey(ExperienceCsvColumn.NationalId))
        {
            errors.Insert(0, MissingIdColumnMessage);
        }

        ExperienceCsvColumn[] placing =
            [ExperienceCsvColumn.StructureLabel, ExperienceCsvColumn.Typology1, ExperienceCsvColumn.Typology2, ExperienceCsvColumn.Typology3];
        if (!placing.Any(nameOf.ContainsKey))
        {
            errors.Add(MissingStructureColumnMessage);
        }

        return columns;
    }

    private static (ExperienceCsvRow? Row, ExperienceCsvRejection? Rejection) ReadRow(
        CsvRecord record, ExperienceCsvColumn?[] columns, Dictionary<string, int> firstLineOfId)
    {
        var line = record.LineNumber;
        var used = record.Cells.Count;
        while (used > columns.Length && string.IsNullOrWhiteSpace(record.Cells[used - 1]))
        {
            used--;
        }

        if (used > columns.Length)
        {
            return (null, new ExperienceCsvRejection(
                line, $"la ligne contient plus de colonnes que l'en-tête ({used} au lieu de {columns.Length})"));
        }

        var values = new string?[ColumnCount];
        for (var i = 0; i < Math.Min(record.Cells.Count, columns.Length); i++)
        {
            if (columns[i] is { } column)
            {
                var value = record.Cells[i].Trim();
                values[(int)column] = value.Length == 0 ? null : value;
            }
        }

        string? Value(ExperienceCsvColumn column) => values[(int)column];

        var reasons = new List<string>();
        var id = Value(ExperienceCsvColumn.NationalId);
        if (id is null)
        {
            reasons.Add("identifiant de l'expérience manquant");
        }
        else if (firstLineOfId.TryGetValue(id, out var firstLine))
        {
            reasons.Add($"identifiant {id} en double dans le fichier (déjà présent ligne {firstLine})");
        }
        else
        {
            firstLineOfId[id] = line;
        }

        if (Value(ExperienceCsvColumn.StructureLabel) is null && Value(ExperienceCsvColumn.Typology1) is null
            && Value(ExperienceCsvColumn.Typology2) is null && Value(ExperienceCsvColumn.Typology3) is null)
        {
            reasons.Add("intitulé de la structure et typologies vides : impossible de rattacher l'expérience à une structure");
        }

        foreach (var column in TextColumns)
        {
            if (Value(column) is { } text && text.Length > column.MaxLength())
            {
                reasons.Add($"texte trop long dans la colonne {column.Label()} ({text.Length.ToString("N0", French)} caractères, "
                    + $"{column.MaxLength().ToString("N0", French)} au maximum)");
            }
        }

        var sentiment = ParseSentiment(Value(ExperienceCsvColumn.Sentiment), reasons);
        var writtenOn = ParseDate(ExperienceCsvColumn.WrittenOn, Value(ExperienceCsvColumn.WrittenOn), reasons);
        var publishedOn = ParseDate(ExperienceCsvColumn.PublishedOn, Value(ExperienceCsvColumn.PublishedOn), reasons);
        var firstAnswerOn = ParseDate(ExperienceCsvColumn.FirstAnswerOn, Value(ExperienceCsvColumn.FirstAnswerOn), reasons);

        if (reasons.Count > 0)
        {
            return (null, new ExperienceCsvRejection(line, string.Join(" ; ", reasons)));
        }

        var tags = new HashSet<ExperienceTag>();
        foreach (var (column, tag) in TagColumns)
        {
            if (Value(column) is { } flag && !FalseTagValues.Contains(flag))
            {
                tags.Add(tag);
            }
        }

        return (new ExperienceCsvRow(
            line,
            id!,
            Value(ExperienceCsvColumn.Title),
            Value(ExperienceCsvColumn.Description),
            Value(ExperienceCsvColumn.NationalState),
            sentiment,
            Value(ExperienceCsvColumn.Typology1),
            Value(ExperienceCsvColumn.Typology2),
            Value(ExperienceCsvColumn.Typology3),
            Value(ExperienceCsvColumn.StructureLabel),
            tags,
            Value(ExperienceCsvColumn.PostalCode),
            writtenOn,
            publishedOn,
            firstAnswerOn,
            Value(ExperienceCsvColumn.PublishedAnswer),
            Value(ExperienceCsvColumn.RejectionReason)), null);
    }

    private static Sentiment? ParseSentiment(string? text, List<string> reasons)
    {
        if (text is null)
        {
            return null;
        }

        switch (ExperienceCsvColumns.Normalize(text))
        {
            case "positif":
                return Sentiment.Positive;
            case "neutre":
                return Sentiment.Neutral;
            case "negatif":
                return Sentiment.Negative;
            default:
                reasons.Add($"ressenti « {text} » inconnu (Positif, Neutre ou Négatif attendu)");
                return null;
        }
    }

    /// <summary>
    /// DD/MM/YYYY or D/M/YYYY (a time may follow), YYYY-MM-DD, or an ISO date-time whose date part is kept as written
    /// whatever its offset.
    /// </summary>
    private static DateOnly? ParseDate(ExperienceCsvColumn column, string? text, List<string> reasons)
    {
        if (text is null)
        {
            return null;
        }

        var french = FrenchDate().Match(text);
        var iso = french.Success ? null : IsoDate().Match(text);
        var match = french.Success ? french : iso!.Success ? iso : null;
        if (match is not null)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        reasons.Add($"{column.Label()} « {text} » invalide (JJ/MM/AAAA attendu)");
        return null;
    }

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})/(?<month>[0-9]{1,2})/(?<year>[0-9]{4})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchDate();

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
