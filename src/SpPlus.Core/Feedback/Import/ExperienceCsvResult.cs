namespace SpPlus.Core.Feedback.Import;

/// <summary>Bounds applied while reading an export: size of the stream in bytes and number of data rows.</summary>
public sealed record ExperienceCsvLimits(long MaxBytes = 10 * 1024 * 1024, int MaxRows = 20_000);

/// <summary>
/// One accepted data row. Strings are trimmed and an empty cell gives null; line breaks inside a quoted cell are kept
/// as "\n". <see cref="LineNumber"/> is the physical line (1-based, the header being line 1) where the record starts.
/// </summary>
public sealed record ExperienceCsvRow(
    int LineNumber,
    string NationalId,
    string? Title,
    string? Description,
    string? NationalState,
    Sentiment? Sentiment,
    string? Typology1,
    string? Typology2,
    string? Typology3,
    string? StructureLabel,
    IReadOnlySet<ExperienceTag> Tags,
    string? PostalCode,
    DateOnly? WrittenOn,
    DateOnly? PublishedOn,
    DateOnly? FirstAnswerOn,
    string? PublishedAnswer,
    string? RejectionReason);

/// <summary>A data row that was not accepted, with the reason in French (without the « Ligne N : » prefix).</summary>
public sealed record ExperienceCsvRejection(int LineNumber, string Reason);

/// <summary>
/// The outcome of reading an export. When <see cref="FileErrors"/> is not empty the file as a whole is refused and
/// <see cref="Rows"/> and <see cref="Rejections"/> are empty.
/// </summary>
public sealed record ExperienceCsvResult(
    IReadOnlyList<ExperienceCsvRow> Rows,
    IReadOnlyList<ExperienceCsvRejection> Rejections,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<string> IgnoredColumns)
{
    public bool Succeeded => FileErrors.Count == 0;
}
