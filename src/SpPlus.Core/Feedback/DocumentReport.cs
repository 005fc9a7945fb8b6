using SpPlus.Core.Structures;

namespace SpPlus.Core.Feedback;

/// <summary>A user's report of a hard-to-understand document (courrier, e-mail, formulaire), and its follow-up.</summary>
public class DocumentReport
{
    public int Id { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public string DocumentName { get; set; } = "";

    public DocumentKind Kind { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>What the user found hard to understand.</summary>
    public string Difficulty { get; set; } = "";

    /// <summary>The simpler wording the user suggests, if any.</summary>
    public string? Suggestion { get; set; }

    public DocumentReportStatus Status { get; set; } = DocumentReportStatus.New;

    public int? ImprovementActionId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<DocumentReportNote> Notes { get; set; } = [];
}

/// <summary>A dated note in a document report's follow-up, with the status it left the report in.</summary>
public class DocumentReportNote
{
    public int Id { get; set; }

    public int DocumentReportId { get; set; }

    public DateTime AtUtc { get; set; }

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Text { get; set; } = "";

    public DocumentReportStatus Status { get; set; }
}

public enum DocumentKind
{
    Letter = 1,
    Email = 2,
    Form = 3,
}

public enum DocumentReportStatus
{
    New = 1,
    InProgress = 2,
    Simplified = 3,
    Dropped = 4,
}

public static class DocumentReportLabels
{
    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => "Courrier",
        DocumentKind.Email => "Courriel",
        DocumentKind.Form => "Formulaire",
        _ => kind.ToString(),
    };

    public static string Label(this DocumentReportStatus status) => status switch
    {
        DocumentReportStatus.New => "Nouveau",
        DocumentReportStatus.InProgress => "En cours",
        DocumentReportStatus.Simplified => "Simplifié",
        DocumentReportStatus.Dropped => "Sans suite",
        _ => status.ToString(),
    };

    public static string BadgeType(this DocumentReportStatus status) => status switch
    {
        DocumentReportStatus.New => "new",
        DocumentReportStatus.InProgress => "info",
        DocumentReportStatus.Simplified => "success",
        _ => "warning",
    };
}
