using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.SelfAssessments;

/// <summary>
/// Yearly self-assessments: opening a year on the current grid of the active framework, the sheet with its scores and
/// last year's validated ones, saving the ratings (validated whole: nothing saved when one criterion is wrong), and
/// moving an assessment through the review workflow. States change only through <see cref="ReviewService"/>; this
/// service adds the assessment's own rules (every criterion rated before a submission, the validation date set on
/// validation and cleared on reopening, in the same save).
/// </summary>
public sealed class SelfAssessmentService(SpPlusDbContext db, ReviewService reviews, AssessmentGridService grids, TimeProvider time)
{
    public const int TextMaxLength = 4000;
    public const int PageSize = 25;

    /// <summary>How many unrated criteria a refused submission names.</summary>
    public const int MissingListed = 10;

    public const string NotFoundMessage = "Cette auto-évaluation n'existe pas ou plus.";
    public const string LockedMessage = "Cette auto-évaluation n'est plus un brouillon : elle ne se modifie plus.";
    public const string NotAllowedMessage = "Vous ne pouvez pas modifier cette auto-évaluation.";
    public const string NoGridMessage =
        "Le référentiel actif n'a pas de grille d'auto-évaluation : le référent ou l'administrateur la crée depuis Grilles d'auto-évaluation.";

    /// <summary>"La grille d'auto-évaluation du référentiel actif n'a encore aucun critère pour les engagements 3 et 8 : le référent doit la compléter."</summary>
    public static string IncompleteGridMessage(IReadOnlyList<int> engagementNumbers) =>
        $"La grille d'auto-évaluation du référentiel actif n'a encore aucun critère pour {AssessmentGridService.EngagementList(engagementNumbers)} : le référent doit la compléter.";

    /// <summary>The years an assessment can be opened for: last year, this year and next year.</summary>
    public IReadOnlyList<int> OpenableYears => time.OpenableYears();

    /// <summary>Returns the structure's assessment of the year, or creates it as a draft on the current grid of the active framework.</summary>
    public async Task<OperationResult<int>> OpenAsync(int structureId, int year, CancellationToken cancellationToken = default)
    {
        var years = OpenableYears;
        if (!years.Contains(year))
        {
            return OperationResult<int>.Failure($"Une auto-évaluation ne peut être ouverte que pour les années {years.Min()} à {years.Max()}.");
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => new { s.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return OperationResult<int>.Failure("Cette structure n'existe pas.");
        }

        if (await FindIdAsync(structureId, year, cancellationToken) is { } existing)
        {
            return OperationResult.Ok(existing);
        }

        if (!structure.IsActive)
        {
            return OperationResult<int>.Failure("Cette structure n'est plus active : aucune auto-évaluation ne peut y être ouverte.");
        }

        if (!await db.EngagementFrameworks.AnyAsync(f => f.Status == FrameworkStatus.Active, cancellationToken))
        {
            return OperationResult<int>.Failure("Aucun référentiel n'est actif : l'auto-évaluation ne peut pas être ouverte.");
        }

        if (await grids.CurrentGridIdOfActiveFrameworkAsync(cancellationToken) is not { } gridId)
        {
            return OperationResult<int>.Failure(NoGridMessage);
        }

        // A grid being prepared (an engagement still without criterion) cannot be used yet.
        var incomplete = await grids.EngagementsWithoutCriterionAsync(gridId, cancellationToken);
        if (incomplete.Count > 0)
        {
            return OperationResult<int>.Failure(IncompleteGridMessage(incomplete));
        }

        var assessment = new SelfAssessment
        {
            StructureId = structureId,
            Year = year,
            GridId = gridId,
            State = ReviewState.Draft,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.SelfAssessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment by someone else: the unique index kept one assessment, return it.
            db.Entry(assessment).State = EntityState.Detached;
            if (await FindIdAsync(structureId, year, cancellationToken) is { } other)
            {
                return OperationResult.Ok(other);
            }

            throw;
        }

        return OperationResult.Ok(assessment.Id);
    }

    /// <summary>
    /// An assessment with its grid's criteria grouped by engagement, its ratings, its scores and the scores of the same
    /// structure's validated assessment of the previous year. Four queries whatever the number of criteria; null when unknown.
    /// </summary>
    public async Task<AssessmentSheet?> GetSheetAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        var header = await db.SelfAssessments.AsNoTracking()
            .Where(a => a.Id == assessmentId)
            .Select(a => new
            {
                a.Id, a.StructureId, StructureName = a.Structure!.Name, a.Year, a.State, a.ConcurrencyToken, a.CreatedAtUtc,
                a.StateChangedAtUtc, a.ValidatedAtUtc, a.GridId, GridName = a.Grid!.Name, GridVersion = a.Grid.Version, a.Grid.FrameworkId,
                EngagementWordings = a.Grid.Framework!.Engagements.Select(e => new { e.Number, e.Wording }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var criteria = await grids.CriteriaAsync(header.GridId, cancellationToken);
        var ratings = await db.CriterionRatings.AsNoTracking()
            .Where(r => r.AssessmentId == assessmentId)
            .Select(r => new { r.CriterionId, Rating = new SavedRating(r.Level, r.Evidence, r.Comment) })
            .ToDictionaryAsync(r => r.CriterionId, r => r.Rating, cancellationToken);

        // Last year's validated assessment of the structure, compared engagement by engagement: by number, since its grid
        // may be another version, and only on the same framework (engagement 3 of another framework is another promise).
        var previousYear = header.Year - 1;
        var previous = await db.CriterionRatings.AsNoTracking()
            .Where(r => r.Assessment!.StructureId == header.StructureId && r.Assessment.Year == previousYear && r.Assessment.State == ReviewState.Validated
                && r.Assessment.Grid!.FrameworkId == header.FrameworkId)
            .Select(r => new { r.AssessmentId, r.Criterion!.Engagement!.Number, r.Level })
            .ToListAsync(cancellationToken);
        var previousScores = previous.Count == 0 ? null : AssessmentScores.Compute(previous.Select(p => new ScoredRating(p.Number, p.Level)));

        var scores = AssessmentScores.Compute(criteria.Select(c => new ScoredRating(c.EngagementNumber, ratings.GetValueOrDefault(c.Id)?.Level)));
        var wordings = header.EngagementWordings.ToDictionary(e => e.Number, e => e.Wording);
        var engagements = criteria.GroupBy(c => c.EngagementNumber)
            .OrderBy(g => g.Key)
            .Select(g => new AssessmentEngagement(
                g.Key,
                wordings.GetValueOrDefault(g.Key, ""),
                g.Select(c => new AssessmentLine(c, ratings.GetValueOrDefault(c.Id))).ToList(),
                scores.ScoreOf(g.Key),
                previousScores?.ScoreOf(g.Key)))
            .ToList();
        return new AssessmentSheet(header.Id, header.StructureId, header.StructureName, header.Year, header.State, header.ConcurrencyToken,
            header.CreatedAtUtc, header.StateChangedAtUtc, header.ValidatedAtUtc, header.GridId, header.GridName, header.GridVersion,
            engagements, scores, previousScores, previous.Count == 0 ? null : previous[0].AssessmentId);
    }

    /// <summary>
    /// Saves the ratings of a draft the actor may edit. Every entry is checked first; when one is wrong nothing is saved
    /// and the errors are returned by criterion. An entry without level, evidence nor comment removes the saved rating;
    /// criteria without an entry keep theirs. A stale token is refused with <see cref="ReviewService.ConflictMessage"/>.
    /// </summary>
    public async Task<SaveRatingsResult> SaveRatingsAsync(
        int assessmentId, IReadOnlyList<RatingEntry> entries, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var assessment = await db.SelfAssessments.Include(a => a.Ratings).FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null)
        {
            return SaveRatingsResult.Refused(NotFoundMessage);
        }

        if (!ReviewRules.CanEditContent(assessment.State, actor, assessment.StructureId))
        {
            return SaveRatingsResult.Refused(assessment.State == ReviewState.Draft ? NotAllowedMessage : LockedMessage);
        }

        if (assessment.ConcurrencyToken != expectedToken)
        {
            return SaveRatingsResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        var criteria = (await grids.CriteriaAsync(assessment.GridId, cancellationToken)).ToDictionary(c => c.Id);
        var errors = new List<string>();
        var ratingErrors = new List<RatingError>();
        var seen = new HashSet<int>();
        foreach (var entry in entries)
        {
            if (!criteria.TryGetValue(entry.CriterionId, out var criterion))
            {
                errors.Add($"Le critère n° {entry.CriterionId} n'appartient pas à la grille de cette auto-évaluation.");
                continue;
            }

            if (!seen.Add(entry.CriterionId))
            {
                ratingErrors.Add(new(criterion.Id, criterion.Number, RatingField.Level, "Ce critère est évalué deux fois."));
                continue;
            }

            if (entry.Level is { } level && !Enum.IsDefined(level))
            {
                ratingErrors.Add(new(criterion.Id, criterion.Number, RatingField.Level, "Choisissez un niveau de 1 à 4, ou « non applicable »."));
            }

            if (entry.Evidence?.Trim().Length > TextMaxLength)
            {
                ratingErrors.Add(new(criterion.Id, criterion.Number, RatingField.Evidence, $"Les éléments de preuve doivent contenir au plus {TextMaxLength} caractères."));
            }

            if (entry.Comment?.Trim().Length > TextMaxLength)
            {
                ratingErrors.Add(new(criterion.Id, criterion.Number, RatingField.Comment, $"Le commentaire doit contenir au plus {TextMaxLength} caractères."));
            }
        }

        if (errors.Count > 0 || ratingErrors.Count > 0)
        {
            return SaveRatingsResult.Invalid(errors, ratingErrors);
        }

        foreach (var entry in entries)
        {
            var evidence = Clean(entry.Evidence);
            var comment = Clean(entry.Comment);
            var rating = assessment.Ratings.FirstOrDefault(r => r.CriterionId == entry.CriterionId);
            if (entry.Level is null && evidence is null && comment is null)
            {
                if (rating is not null)
                {
                    assessment.Ratings.Remove(rating);
                    db.CriterionRatings.Remove(rating);
                }

                continue;
            }

            if (rating is null)
            {
                rating = new CriterionRating { CriterionId = entry.CriterionId };
                assessment.Ratings.Add(rating);
            }

            rating.Level = entry.Level;
            rating.Evidence = evidence;
            rating.Comment = comment;
        }

        assessment.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveRatingsResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        return SaveRatingsResult.Saved(assessment.ConcurrencyToken);
    }

    /// <summary>
    /// Moves an assessment through the workflow: a submission needs every criterion rated (a level or "non applicable");
    /// a validation sets the validation date and a reopening clears it.
    /// </summary>
    public async Task<OperationResult> ReviewAsync(int assessmentId, ReviewActor actor, ReviewService.Request request, CancellationToken cancellationToken = default)
    {
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (request.Action == ReviewAction.Submit)
        {
            var check = ReviewService.Check(assessment, actor, request);
            if (!check.Succeeded)
            {
                return check;
            }

            var missing = await UnratedCriteriaAsync(assessment, cancellationToken);
            if (missing.Count > 0)
            {
                var listed = string.Join(", ", missing.Take(MissingListed).Select(c => c.Number));
                var more = missing.Count > MissingListed ? $" (et {missing.Count - MissingListed} autre(s))" : "";
                return OperationResult.Failure(
                    $"Évaluez tous les critères avant de soumettre l'auto-évaluation : {missing.Count} critère(s) sans niveau ni « non applicable » : {listed}{more}.");
            }
        }

        var validatedBefore = assessment.ValidatedAtUtc;
        if (request.Action == ReviewAction.Validate)
        {
            assessment.ValidatedAtUtc = time.GetUtcNow().UtcDateTime;
        }
        else if (request.Action == ReviewAction.Reopen)
        {
            assessment.ValidatedAtUtc = null;
        }

        var result = await reviews.ApplyAsync(assessment, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            assessment.ValidatedAtUtc = validatedBefore;
        }

        return result;
    }

    /// <summary>
    /// One page (25) of assessments from <paramref name="visible"/> (already filtered by who may read what), with the
    /// filters, the "returned for correction" flag and the overall score: three queries whatever the page's size.
    /// </summary>
    public async Task<AssessmentListPage> ListAsync(
        IQueryable<SelfAssessment> visible, AssessmentListFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var query = visible;
        if (filter.StructureId is { } structureId)
        {
            query = query.Where(a => a.StructureId == structureId);
        }

        if (filter.StructureIds is { } structureIds)
        {
            query = query.Where(a => structureIds.Contains(a.StructureId));
        }

        if (filter.Year is { } year)
        {
            query = query.Where(a => a.Year == year);
        }

        if (filter.State is { } state)
        {
            query = query.Where(a => a.State == state);
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.SelfAssessment);
        var rows = await query
            .OrderByDescending(a => a.Year).ThenBy(a => a.Structure!.Name)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new
            {
                a.Id, a.StructureId, StructureName = a.Structure!.Name, a.Year, a.State,
                WasReturned = a.State == ReviewState.Draft && returned.Contains(a.Id),
                LastChange = a.StateChangedAtUtc ?? a.CreatedAtUtc,
            })
            .ToListAsync(cancellationToken);

        // The overall score needs only the levels: one query for the whole page.
        var ids = rows.Select(r => r.Id).ToList();
        var levels = await db.CriterionRatings.AsNoTracking()
            .Where(r => ids.Contains(r.AssessmentId) && r.Level != null)
            .Select(r => new { r.AssessmentId, r.Level })
            .ToListAsync(cancellationToken);
        var overall = levels.GroupBy(l => l.AssessmentId)
            .ToDictionary(g => g.Key, g => AssessmentScores.Compute(g.Select(l => new ScoredRating(0, l.Level))).Overall);

        return new AssessmentListPage(
            rows.Select(r => new AssessmentListRow(r.Id, r.StructureId, r.StructureName, r.Year, r.State, r.WasReturned,
                overall.GetValueOrDefault(r.Id), r.LastChange)).ToList(),
            total, page, totalPages);
    }

    private async Task<List<GridCriterion>> UnratedCriteriaAsync(SelfAssessment assessment, CancellationToken cancellationToken)
    {
        var criteria = await grids.CriteriaAsync(assessment.GridId, cancellationToken);
        var rated = await db.CriterionRatings.AsNoTracking()
            .Where(r => r.AssessmentId == assessment.Id && r.Level != null)
            .Select(r => r.CriterionId)
            .ToListAsync(cancellationToken);
        return criteria.Where(c => !rated.Contains(c.Id)).ToList();
    }

    private Task<int?> FindIdAsync(int structureId, int year, CancellationToken cancellationToken) =>
        db.SelfAssessments.AsNoTracking()
            .Where(a => a.StructureId == structureId && a.Year == year)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
