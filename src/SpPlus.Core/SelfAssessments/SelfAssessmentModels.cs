using SpPlus.Core.Engagements;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.SelfAssessments;

/// <summary>One version of a framework's grid in the list of grids.</summary>
public sealed record GridVersionSummary(
    int Id, int Version, string Name, string? ChangeNote, DateTime CreatedAtUtc, int CriteriaCount, int AssessmentCount, bool IsCurrent);

/// <summary>A framework with the versions of its grid, newest first.</summary>
public sealed record FrameworkGrids(int FrameworkId, int Year, string FrameworkName, FrameworkStatus Status, IReadOnlyList<GridVersionSummary> Versions);

/// <summary>One criterion of a grid, numbered "engagement.order" (e.g. 3.2).</summary>
public sealed record GridCriterion(int Id, int EngagementId, int EngagementNumber, int Order, string Wording, string? Guidance)
{
    public string Number => $"{EngagementNumber}.{Order}";
}

/// <summary>An engagement of the grid's framework with its criteria, in order.</summary>
public sealed record GridEngagement(int Id, int Number, string Wording, IReadOnlyList<GridCriterion> Criteria);

/// <summary>A grid version to read or edit: its criteria grouped by engagement, whether it is current and how often it is used.</summary>
public sealed record GridSheet(
    int Id, int FrameworkId, int FrameworkYear, string FrameworkName, int Version, string Name, string? ChangeNote,
    bool IsCurrent, int CurrentVersion, int CurrentGridId, int AssessmentCount, IReadOnlyList<GridEngagement> Engagements);

/// <summary>What the editor types for a criterion.</summary>
public sealed record CriterionInput(int EngagementId, string? Wording, string? Guidance);

/// <summary>
/// The result of a grid edit: the grid that now holds the change (the same one, or the new version when the edited
/// one was in use) and, for a new version, the message telling the editor so.
/// </summary>
public sealed record GridEditOutcome(int GridId, string? VersionMessage);

/// <summary>One criterion's rating as the form posts it.</summary>
public sealed record RatingEntry(int CriterionId, MaturityLevel? Level, string? Evidence, string? Comment);

/// <summary>The field of a criterion's rating a refusal is about.</summary>
public enum RatingField
{
    Level = 1,
    Evidence = 2,
    Comment = 3,
}

/// <summary>A refusal about one criterion of the form.</summary>
public sealed record RatingError(int CriterionId, string CriterionNumber, RatingField Field, string Message);

/// <summary>The outcome of saving ratings: saved (with the new token), refused as a whole, or invalid per criterion.</summary>
public sealed class SaveRatingsResult
{
    private SaveRatingsResult(Guid? token, IReadOnlyList<string> errors, IReadOnlyList<RatingError> ratingErrors, bool isConflict)
    {
        Token = token;
        Errors = errors;
        RatingErrors = ratingErrors;
        IsConflict = isConflict;
    }

    /// <summary>The assessment's new concurrency token after a save.</summary>
    public Guid? Token { get; }

    /// <summary>Refusals about the whole assessment (state, rights, conflict, unknown criterion).</summary>
    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<RatingError> RatingErrors { get; }

    public bool IsConflict { get; }

    public bool Succeeded => Errors.Count == 0 && RatingErrors.Count == 0;

    public static SaveRatingsResult Saved(Guid token) => new(token, [], [], false);

    public static SaveRatingsResult Refused(string message, bool isConflict = false) => new(null, [message], [], isConflict);

    public static SaveRatingsResult Invalid(IReadOnlyList<string> errors, IReadOnlyList<RatingError> ratingErrors) => new(null, errors, ratingErrors, false);
}

/// <summary>A saved rating of one criterion.</summary>
public sealed record SavedRating(MaturityLevel? Level, string? Evidence, string? Comment);

/// <summary>A criterion of the assessment's grid with its rating (null when nothing is saved for it).</summary>
public sealed record AssessmentLine(GridCriterion Criterion, SavedRating? Rating);

/// <summary>An engagement of the assessment's grid with its lines, its score and last year's validated score.</summary>
public sealed record AssessmentEngagement(int Number, string Wording, IReadOnlyList<AssessmentLine> Lines, double? Score, double? PreviousScore);

/// <summary>
/// A self-assessment to read or fill: structure, year, state, grid, criteria grouped by engagement with their ratings,
/// the scores, and the previous year's validated scores of the same structure (null when there is none).
/// </summary>
public sealed record AssessmentSheet(
    int Id,
    int StructureId,
    string StructureName,
    int Year,
    ReviewState State,
    Guid ConcurrencyToken,
    DateTime CreatedAtUtc,
    DateTime? StateChangedAtUtc,
    DateTime? ValidatedAtUtc,
    int GridId,
    string GridName,
    int GridVersion,
    IReadOnlyList<AssessmentEngagement> Engagements,
    AssessmentScoreCard Scores,
    AssessmentScoreCard? PreviousScores,
    int? PreviousAssessmentId)
{
    public IEnumerable<AssessmentLine> Lines => Engagements.SelectMany(e => e.Lines);
}

/// <summary>The filters of the list of assessments.</summary>
public sealed record AssessmentListFilter(int? StructureId = null, int? Year = null, ReviewState? State = null, IReadOnlyCollection<int>? StructureIds = null);

/// <summary>One row of the list of assessments.</summary>
public sealed record AssessmentListRow(
    int Id, int StructureId, string StructureName, int Year, ReviewState State, bool WasReturned, double? OverallScore, DateTime LastChangeUtc);

/// <summary>One page of the list of assessments.</summary>
public sealed record AssessmentListPage(IReadOnlyList<AssessmentListRow> Rows, int TotalCount, int Page, int TotalPages);
