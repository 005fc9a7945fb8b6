using System.ComponentModel.DataAnnotations;
using SpPlus.Core.Feedback;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The upload form of the national export.</summary>
public sealed class ImportUploadForm
{
    [Display(Name = "Fichier d'export de la plateforme nationale")]
    public IFormFile? File { get; set; }
}

/// <summary>One past import, as listed.</summary>
public sealed record ImportHistoryRow(
    DateTime ImportedAtUtc, string ImportedByName, string FileName, int NewCount, int UpdatedCount, int UnchangedCount, int RejectedCount, int UnmappedCount);

public sealed class ImportsIndexViewModel
{
    public IReadOnlyList<ImportHistoryRow> Rows { get; init; } = [];

    public int Page { get; init; } = 1;

    public int TotalPages { get; init; } = 1;

    /// <summary>Errors of the last upload (file missing, too large, not a .csv).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Experiences waiting in the unmapped queue (a link to it when more than zero).</summary>
    public int WaitingCount { get; init; }
}

public sealed class ImportPreviewViewModel
{
    public string Id { get; init; } = "";

    public string FileName { get; init; } = "";

    public DateTime UploadedAtUtc { get; init; }

    public ImportPlan Plan { get; init; } = default!;

    /// <summary>Rejected rows shown (the first ones); the plan holds them all.</summary>
    public int MaxRejectionsShown { get; init; }
}
