using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Feedback;

/// <summary>What a user reported about a hard-to-understand document, as typed in the form.</summary>
public sealed record DocumentReportInput(
    int? StructureId,
    string? DocumentName,
    DocumentKind? Kind,
    DateOnly? ReceivedOn,
    string? Difficulty,
    string? Suggestion);

/// <summary>A follow-up note as typed: its text and the status it leaves the report in.</summary>
public sealed record DocumentReportNoteInput(string? Text, DocumentReportStatus? Status);

/// <summary>Who writes a note.</summary>
public sealed record DocumentReportAuthor(string UserId, string Name);

/// <summary>One report with its notes, oldest note first.</summary>
public sealed record DocumentReportDetails(
    int Id,
    int StructureId,
    string StructureName,
    string DocumentName,
    DocumentKind Kind,
    DateOnly ReceivedOn,
    string Difficulty,
    string? Suggestion,
    DocumentReportStatus Status,
    int? ImprovementActionId,
    DateTime CreatedAtUtc,
    Guid ConcurrencyToken,
    IReadOnlyList<DocumentReportNoteView> Notes);

public sealed record DocumentReportNoteView(DateTime AtUtc, string AuthorName, string Text, DocumentReportStatus Status);

/// <summary>
/// Reports of documents hard to understand (courrier, courriel, formulaire) and their follow-up: creation with its
/// checks, and dated notes that each set the report's status. Who may do what is the caller's job (the structure's
/// correspondents and the referent write; readers follow the experiences' rule).
/// </summary>
public sealed class DocumentReportService(SpPlusDbContext db, TimeProvider time)
{
    public const int DocumentNameMaxLength = 300;
    public const int TextMaxLength = 4000;

    public const string StructureMessage = "Choisissez la structure concernée.";
    public const string DocumentNameRequiredMessage = "Indiquez le nom du document.";
    public const string DocumentNameTooLongMessage = "Le nom du document doit contenir au plus 300 caractères.";
    public const string KindMessage = "Choisissez le type de document : courrier, courriel ou formulaire.";
    public const string ReceivedOnRequiredMessage = "Indiquez la date de réception du document.";
    public const string ReceivedOnFutureMessage = "La date de réception ne peut pas être dans le futur.";
    public const string DifficultyRequiredMessage = "Décrivez ce que l'usager a trouvé difficile à comprendre.";
    public const string DifficultyTooLongMessage = "La description de la difficulté doit contenir au plus 4000 caractères.";
    public const string SuggestionTooLongMessage = "La suggestion doit contenir au plus 4000 caractères.";
    public const string NoteRequiredMessage = "Écrivez le texte de la note.";
    public const string NoteTooLongMessage = "La note doit contenir au plus 4000 caractères.";
    public const string StatusMessage = "Choisissez le statut du signalement après cette note.";
    public const string NotFoundMessage = "Ce signalement n'existe pas.";

    public const string ConflictMessage =
        "Ce signalement a été modifié par quelqu'un d'autre pendant que vous écriviez : votre note n'a pas été enregistrée. "
        + "Relisez le suivi ci-dessous (votre texte est conservé dans le formulaire), puis enregistrez-la de nouveau.";

    /// <summary>Today in Europe/Paris: a document cannot have been received after it.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The form field each message belongs to (a <see cref="DocumentReportInput"/> or <see cref="DocumentReportNoteInput"/> property name).</summary>
    public static string? FieldOf(string message) => message switch
    {
        StructureMessage => nameof(DocumentReportInput.StructureId),
        DocumentNameRequiredMessage or DocumentNameTooLongMessage => nameof(DocumentReportInput.DocumentName),
        KindMessage => nameof(DocumentReportInput.Kind),
        ReceivedOnRequiredMessage or ReceivedOnFutureMessage => nameof(DocumentReportInput.ReceivedOn),
        DifficultyRequiredMessage or DifficultyTooLongMessage => nameof(DocumentReportInput.Difficulty),
        SuggestionTooLongMessage => nameof(DocumentReportInput.Suggestion),
        NoteRequiredMessage or NoteTooLongMessage => nameof(DocumentReportNoteInput.Text),
        StatusMessage => nameof(DocumentReportNoteInput.Status),
        _ => null,
    };

    /// <summary>Registers a report in the status « Nouveau ». Returns its id.</summary>
    public async Task<OperationResult<int>> CreateAsync(DocumentReportInput input, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var errors = new List<string>();
        if (input.StructureId is not { } structureId
            || !await db.Structures.AnyAsync(s => s.Id == structureId && s.IsActive, cancellationToken))
        {
            errors.Add(StructureMessage);
        }

        var name = input.DocumentName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(DocumentNameRequiredMessage);
        }
        else if (name.Length > DocumentNameMaxLength)
        {
            errors.Add(DocumentNameTooLongMessage);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(KindMessage);
        }

        if (input.ReceivedOn is not { } receivedOn)
        {
            errors.Add(ReceivedOnRequiredMessage);
        }
        else if (receivedOn > Today)
        {
            errors.Add(ReceivedOnFutureMessage);
        }

        var difficulty = input.Difficulty?.Trim() ?? "";
        if (difficulty.Length == 0)
        {
            errors.Add(DifficultyRequiredMessage);
        }
        else if (difficulty.Length > TextMaxLength)
        {
            errors.Add(DifficultyTooLongMessage);
        }

        var suggestion = string.IsNullOrWhiteSpace(input.Suggestion) ? null : input.Suggestion.Trim();
        if (suggestion is { Length: > TextMaxLength })
        {
            errors.Add(SuggestionTooLongMessage);
        }

        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var report = new DocumentReport
        {
            StructureId = input.StructureId!.Value,
            DocumentName = name,
            Kind = input.Kind!.Value,
            ReceivedOn = input.ReceivedOn!.Value,
            Difficulty = difficulty,
            Suggestion = suggestion,
            Status = DocumentReportStatus.New,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
        };
        db.DocumentReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok(report.Id);
    }

    /// <summary>The report and its notes (two queries); null when it does not exist.</summary>
    public async Task<DocumentReportDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var report = await db.DocumentReports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id,
                r.StructureId,
                StructureName = r.Structure!.Name,
                r.DocumentName,
                r.Kind,
                r.ReceivedOn,
                r.Difficulty,
                r.Suggestion,
                r.Status,
                r.ImprovementActionId,
                r.CreatedAtUtc,
                r.ConcurrencyToken,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var notes = await db.DocumentReportNotes.AsNoTracking()
            .Where(n => n.DocumentReportId == id)
            .OrderBy(n => n.AtUtc).ThenBy(n => n.Id)
            .Select(n => new DocumentReportNoteView(n.AtUtc, n.AuthorName, n.Text, n.Status))
            .ToListAsync(cancellationToken);
        return new DocumentReportDetails(report.Id, report.StructureId, report.StructureName, report.DocumentName, report.Kind,
            report.ReceivedOn, report.Difficulty, report.Suggestion, report.Status, report.ImprovementActionId, report.CreatedAtUtc,
            report.ConcurrencyToken, notes);
    }

    /// <summary>
    /// Adds a dated note and sets the report's status to the note's, if the report is still as the author saw it
    /// (<paramref name="expectedToken"/>); otherwise nothing is saved and the conflict message is returned.
    /// </summary>
    public async Task<OperationResult> AddNoteAsync(
        int id, DocumentReportNoteInput input, DocumentReportAuthor author, Guid expectedToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(author);
        var errors = new List<string>();
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(NoteRequiredMessage);
        }
        else if (text.Length > TextMaxLength)
        {
            errors.Add(NoteTooLongMessage);
        }

        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(StatusMessage);
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        var report = await db.DocumentReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (report.ConcurrencyToken != expectedToken)
        {
            return OperationResult.Failure(ConflictMessage);
        }

        report.Status = input.Status!.Value;
        report.ConcurrencyToken = Guid.NewGuid();
        db.DocumentReportNotes.Add(new DocumentReportNote
        {
            DocumentReportId = id,
            AtUtc = time.GetUtcNow().UtcDateTime,
            AuthorUserId = author.UserId,
            AuthorName = author.Name,
            Text = text,
            Status = input.Status.Value,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved a note between our read and our write.
            return OperationResult.Failure(ConflictMessage);
        }

        return OperationResult.Success;
    }
}
