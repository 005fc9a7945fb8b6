using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>
/// Quarterly reports: opening a quarter, the applicable indicators, saving entered figures (validated whole: nothing
/// saved when one row is wrong), and moving reports through the review workflow. States change only through
/// <see cref="ReviewService"/>; this service adds the report's own rules (completeness before a submission, the
/// publication date set on publish and cleared on reopen, in the same save). The indicators SpPlus computes itself are
/// refreshed from <see cref="IComputedIndicatorSource"/> while the report is a draft (opened, saved, submitted).
/// </summary>
public sealed class QuarterlyReportService(SpPlusDbContext db, ReviewService reviews, IComputedIndicatorSource computedSource, TimeProvider time)
{
    /// <summary>How far back a quarter can still be opened.</summary>
    public const int MaxAgeYears = 3;

    public const int ReasonMaxLength = 500;
    public const int CommentMaxLength = 1000;

    public const string LockedMessage = "Les résultats soumis ne sont plus modifiables.";
    public const string NotFoundMessage = "Ces résultats trimestriels n'existent pas ou plus.";

    /// <summary>The current quarter (Europe/Paris does not matter at a quarter's grain but for a few hours: UTC is used).</summary>
    public Quarter CurrentQuarter => Quarter.Containing(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>Creates the structure's draft report for the quarter, or returns the existing one: the report's id.</summary>
    public async Task<OperationResult<int>> OpenAsync(int structureId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var current = CurrentQuarter;
        if (quarter > current)
        {
            return OperationResult<int>.Failure($"Le trimestre {quarter} n'est pas encore commencé.");
        }

        var oldest = Quarter.Containing(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(-MaxAgeYears));
        if (quarter < oldest)
        {
            return OperationResult<int>.Failure($"Le trimestre {quarter} est trop ancien : seuls les trimestres des {MaxAgeYears} dernières années peuvent être ouverts.");
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => new { s.IsActive, s.Type })
            .FirstOrDefaultAsync(cancellationToken);
        var structureActive = structure?.IsActive;
        if (structure is null)
        {
            return OperationResult<int>.Failure("Cette structure n'existe pas.");
        }

        var existing = await FindIdAsync(structureId, quarter, cancellationToken);
        if (existing is { } id)
        {
            return OperationResult.Ok(id);
        }

        if (structureActive == false)
        {
            return OperationResult<int>.Failure("Cette structure n'est plus active : aucun trimestre ne peut y être ouvert.");
        }

        var report = new QuarterlyReport
        {
            StructureId = structureId,
            Year = quarter.Year,
            QuarterNumber = quarter.Number,
            State = ReviewState.Draft,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        await RefreshComputedAsync(report, await GetApplicableIndicatorsAsync(structure.Type, structureId, cancellationToken), report.Values, cancellationToken);
        db.QuarterlyReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment by someone else: the unique index kept one report, return it.
            db.Entry(report).State = EntityState.Detached;
            if (await FindIdAsync(structureId, quarter, cancellationToken) is { } other)
            {
                return OperationResult.Ok(other);
            }

            throw;
        }

        return OperationResult.Ok(report.Id);
    }

    /// <summary>Active indicators that apply to this type of structure, in catalogue order, with the structure's target (or the default one).</summary>
    public async Task<IReadOnlyList<ApplicableIndicator>> GetApplicableIndicatorsAsync(
        StructureType structureType, int structureId, CancellationToken cancellationToken = default) =>
        await db.Indicators.AsNoTracking()
            .Where(i => i.IsActive && i.StructureTypes.Any(t => t.StructureType == structureType))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Label)
            .Select(i => new ApplicableIndicator(
                i.Id, i.Code, i.Label, i.Description, i.Formula, i.NumeratorLabel, i.DenominatorLabel, i.Kind, i.Unit, i.Direction,
                i.MinValue, i.MaxValue, i.Source, i.NationalCode,
                i.Targets.Where(t => t.StructureId == structureId).Select(t => (double?)t.Target).FirstOrDefault() ?? i.DefaultTarget))
            .ToListAsync(cancellationToken);

    /// <summary>A report with its applicable indicators and saved figures; null when it does not exist. Three queries.</summary>
    public async Task<QuarterlyReportSheet?> GetSheetAsync(int reportId, CancellationToken cancellationToken = default)
    {
        var header = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.Id == reportId)
            .Select(r => new
            {
                r.Id, r.StructureId, StructureName = r.Structure!.Name, StructureType = r.Structure.Type, r.Year, r.QuarterNumber, r.State,
                r.ConcurrencyToken, r.CreatedAtUtc, r.StateChangedAtUtc, r.PublishedAtUtc,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var indicators = await GetApplicableIndicatorsAsync(header.StructureType, header.StructureId, cancellationToken);
        var saved = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.ReportId == reportId)
            .Select(v => new
            {
                v.IndicatorId,
                Figures = new SavedFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable, v.NotApplicableReason, v.Comment),
            })
            .ToDictionaryAsync(v => v.IndicatorId, v => v.Figures, cancellationToken);

        return new QuarterlyReportSheet(header.Id, header.StructureId, header.StructureName, header.StructureType,
            new Quarter(header.Year, header.QuarterNumber), header.State, header.ConcurrencyToken, header.CreatedAtUtc,
            header.StateChangedAtUtc, header.PublishedAtUtc,
            indicators.Select(i => new QuarterlyReportLine(i, saved.GetValueOrDefault(i.Id))).ToList());
    }

    /// <summary>
    /// Saves the figures of a draft report. Every entry is validated first; when one is wrong, nothing is saved and the
    /// errors are returned by indicator. Blank entries are saved as no value; entries of indicators computed by SpPlus
    /// are ignored; indicators without an entry keep what they had.
    /// </summary>
    public async Task<SaveEntriesResult> SaveEntriesAsync(
        int reportId, IReadOnlyList<IndicatorEntry> entries, Guid expectedToken, CancellationToken cancellationToken = default)
    {
        var report = await db.QuarterlyReports.Include(r => r.Structure).Include(r => r.Values)
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return SaveEntriesResult.Refused(NotFoundMessage);
        }

        if (report.State != ReviewState.Draft)
        {
            return SaveEntriesResult.Refused(LockedMessage);
        }

        if (report.ConcurrencyToken != expectedToken)
        {
            return SaveEntriesResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        var indicators = (await GetApplicableIndicatorsAsync(report.Structure!.Type, report.StructureId, cancellationToken))
            .ToDictionary(i => i.Id);
        var reportErrors = new List<string>();
        var entryErrors = new List<EntryError>();
        var seen = new HashSet<int>();
        var accepted = new List<(ApplicableIndicator Indicator, IndicatorEntry Entry)>();
        foreach (var entry in entries)
        {
            if (!indicators.TryGetValue(entry.IndicatorId, out var indicator))
            {
                reportErrors.Add($"L'indicateur n° {entry.IndicatorId} ne s'applique pas à cette structure.");
                continue;
            }

            if (!seen.Add(entry.IndicatorId))
            {
                entryErrors.Add(new(indicator.Id, indicator.Label, "Cet indicateur est saisi deux fois."));
                continue;
            }

            if (indicator.IsComputed)
            {
                continue;
            }

            var messages = new List<string>();
            if (!entry.IsBlank)
            {
                messages.AddRange(IndicatorMath.Validate(indicator.ToIndicator(), entry.Figures, entry.NotApplicableReason));
            }

            if (entry.IsNotApplicable && entry.NotApplicableReason?.Trim().Length > ReasonMaxLength)
            {
                messages.Add($"Le motif doit contenir au plus {ReasonMaxLength} caractères.");
            }

            if (entry.Comment?.Trim().Length > CommentMaxLength)
            {
                messages.Add($"Le commentaire doit contenir au plus {CommentMaxLength} caractères.");
            }

            entryErrors.AddRange(messages.Select(m => new EntryError(indicator.Id, indicator.Label, m)));
            accepted.Add((indicator, entry));
        }

        if (reportErrors.Count > 0 || entryErrors.Count > 0)
        {
            return SaveEntriesResult.Invalid(reportErrors, entryErrors);
        }

        foreach (var (indicator, entry) in accepted)
        {
            var comment = Clean(entry.Comment);
            var value = report.Values.FirstOrDefault(v => v.IndicatorId == indicator.Id);
            if (entry.IsBlank && comment is null)
            {
                if (value is not null)
                {
                    report.Values.Remove(value);
                    db.IndicatorValues.Remove(value);
                }

                continue;
            }

            if (value is null)
            {
                value = new IndicatorValue { IndicatorId = indicator.Id };
                report.Values.Add(value);
            }

            var notApplicable = entry.IsNotApplicable;
            value.IsNotApplicable = notApplicable;
            value.NotApplicableReason = notApplicable ? Clean(entry.NotApplicableReason) : null;
            value.Numerator = !notApplicable && indicator.Kind == IndicatorKind.Ratio ? entry.Numerator : null;
            value.Denominator = !notApplicable && indicator.Kind == IndicatorKind.Ratio ? entry.Denominator : null;
            value.Value = !notApplicable && indicator.Kind != IndicatorKind.Ratio ? entry.Value : null;
            value.Count = !notApplicable && indicator.Kind == IndicatorKind.Average ? entry.Count : null;
            value.Comment = comment;
        }

        await RefreshComputedAsync(report, indicators.Values, report.Values, cancellationToken);
        report.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveEntriesResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        return SaveEntriesResult.Saved(report.ConcurrencyToken);
    }

    /// <summary>
    /// Moves one report through the workflow: a submission first needs a value (or "non applicable") for every
    /// indicator entered by correspondents; a publication sets the publication date and a reopening clears it.
    /// </summary>
    public async Task<OperationResult> ReviewAsync(int reportId, ReviewActor actor, ReviewService.Request request, CancellationToken cancellationToken = default)
    {
        var report = await db.QuarterlyReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (request.Action == ReviewAction.Submit)
        {
            var check = ReviewService.Check(report, actor, request);
            if (!check.Succeeded)
            {
                return check;
            }

            var missing = await MissingIndicatorsAsync(report, cancellationToken);
            if (missing.Count > 0)
            {
                return OperationResult.Failure($"Il manque des valeurs pour : {string.Join(", ", missing)}.");
            }

            // The computed figures are frozen as submitted, in the same save as the state change.
            var structureType = await db.Structures.AsNoTracking().Where(s => s.Id == report.StructureId).Select(s => s.Type).FirstAsync(cancellationToken);
            var values = await db.IndicatorValues.Where(v => v.ReportId == report.Id).ToListAsync(cancellationToken);
            await RefreshComputedAsync(report, await GetApplicableIndicatorsAsync(structureType, report.StructureId, cancellationToken), values, cancellationToken);
        }

        var publishedBefore = report.PublishedAtUtc;
        SetPublicationDate(report, request.Action);
        var result = await reviews.ApplyAsync(report, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            report.PublishedAtUtc = publishedBefore;
        }

        return result;
    }

    /// <summary>
    /// Fills the computed indicators of reports that have none yet, whatever their state: for demo data seeded directly
    /// in later states (a real report gets them when opened, saved and submitted). One query per report.
    /// </summary>
    public async Task FillMissingComputedValuesAsync(CancellationToken cancellationToken = default)
    {
        var computedIds = await db.Indicators.Where(i => i.Source != IndicatorSource.Entered).Select(i => i.Id).ToListAsync(cancellationToken);
        var reports = await db.QuarterlyReports.Include(r => r.Structure).Include(r => r.Values)
            .Where(r => !r.Values.Any(v => computedIds.Contains(v.IndicatorId)))
            .ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            var indicators = await GetApplicableIndicatorsAsync(report.Structure!.Type, report.StructureId, cancellationToken);
            await RefreshComputedAsync(report, indicators, report.Values, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the figures of the applicable computed indicators into a draft report's <paramref name="values"/> (tracked
    /// or new), to be saved by the caller's save. Indicators the source does not know are left as they are.
    /// </summary>
    private async Task RefreshComputedAsync(
        QuarterlyReport report, IEnumerable<ApplicableIndicator> indicators, List<IndicatorValue> values, CancellationToken cancellationToken)
    {
        var computed = indicators.Where(i => i.IsComputed).ToList();
        if (computed.Count == 0)
        {
            return;
        }

        var figures = await computedSource.ComputeAsync(report.StructureId, report.Quarter, cancellationToken);
        foreach (var indicator in computed)
        {
            if (!figures.TryGetValue(indicator.Code, out var result))
            {
                continue;
            }

            var value = values.FirstOrDefault(v => v.IndicatorId == indicator.Id);
            if (value is null)
            {
                value = new IndicatorValue { IndicatorId = indicator.Id, ReportId = report.Id, Report = report.Id == 0 ? report : null };
                values.Add(value);
                if (report.Id != 0)
                {
                    db.IndicatorValues.Add(value);
                }
            }

            var f = result.Figures;
            value.IsNotApplicable = f.IsNotApplicable;
            value.NotApplicableReason = f.IsNotApplicable ? result.NotApplicableReason : null;
            value.Numerator = f.IsNotApplicable ? null : f.Numerator;
            value.Denominator = f.IsNotApplicable ? null : f.Denominator;
            value.Value = f.IsNotApplicable ? null : f.Value;
            value.Count = f.IsNotApplicable ? null : f.Count;
            value.Comment = result.Comment;
        }
    }

    /// <summary>The actions the referent may apply to several reports of a quarter at once (the "traitement groupé").</summary>
    public static IReadOnlyList<ReviewAction> BatchActions { get; } = [ReviewAction.Approve, ReviewAction.Publish];

    /// <summary>The state a report must be in for a batch action, read from the rule table (submitted to approve, approved to publish).</summary>
    public static ReviewState BatchSourceState(ReviewAction action) =>
        BatchActions.Contains(action)
            ? ReviewRules.All.Single(r => r.Kind == ReviewDocumentKind.QuarterlyReport && r.Action == action && r.AllowedParties.Contains(ReviewParty.Referent)).From
            : throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action applied to several reports at once.");

    /// <summary>Publishes several approved reports together (a quarter's results): all of them or none.</summary>
    public Task<OperationResult> PublishManyAsync(IReadOnlyCollection<int> reportIds, ReviewActor actor, CancellationToken cancellationToken = default) =>
        ApplyManyAsync(reportIds, ReviewAction.Publish, actor, null, cancellationToken);

    /// <summary>
    /// Applies one of the <see cref="BatchActions"/> to several reports together, through
    /// <see cref="ReviewService.ApplyManyAsync"/>: all of them or none. Each refusal names the report it concerns. When
    /// <paramref name="expectedTokens"/> gives a report's concurrency token as the page showed it, a report changed
    /// since then is refused.
    /// </summary>
    public async Task<OperationResult> ApplyManyAsync(
        IReadOnlyCollection<int> reportIds,
        ReviewAction action,
        ReviewActor actor,
        IReadOnlyDictionary<int, Guid>? expectedTokens = null,
        CancellationToken cancellationToken = default)
    {
        if (!BatchActions.Contains(action))
        {
            return OperationResult.Failure($"L'action « {action.Label(ReviewDocumentKind.QuarterlyReport)} » ne peut pas être appliquée à plusieurs résultats à la fois.");
        }

        var ids = reportIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return OperationResult.Failure(action == ReviewAction.Publish
                ? "Sélectionnez au moins un résultat trimestriel à publier."
                : "Sélectionnez au moins un résultat trimestriel à approuver.");
        }

        var reports = await db.QuarterlyReports.Include(r => r.Structure).Where(r => ids.Contains(r.Id))
            .OrderBy(r => r.Structure!.Name).ToListAsync(cancellationToken);
        if (reports.Count != ids.Count)
        {
            return OperationResult.Failure("Certains des résultats sélectionnés n'existent plus.");
        }

        var request = new ReviewService.Request(action);
        var errors = new List<string>();
        foreach (var report in reports)
        {
            var check = ReviewService.Check(report, actor, request);
            var reportErrors = check.Errors.ToList();
            if (expectedTokens is not null && expectedTokens.TryGetValue(report.Id, out var expected) && expected != report.ConcurrencyToken
                && reportErrors.Count == 0)
            {
                reportErrors.Add(ReviewService.ConflictMessage);
            }

            errors.AddRange(reportErrors.Select(e => $"{report.Structure!.Name} ({report.Quarter}) : {e}"));
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        var before = reports.ToDictionary(r => r.Id, r => r.PublishedAtUtc);
        foreach (var report in reports)
        {
            SetPublicationDate(report, action);
        }

        var result = await reviews.ApplyManyAsync(reports, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var report in reports)
            {
                report.PublishedAtUtc = before[report.Id];
            }
        }

        return result;
    }

    private void SetPublicationDate(QuarterlyReport report, ReviewAction action)
    {
        if (action == ReviewAction.Publish)
        {
            report.PublishedAtUtc = time.GetUtcNow().UtcDateTime;
        }
        else if (action == ReviewAction.Reopen)
        {
            report.PublishedAtUtc = null;
        }
    }

    private async Task<List<string>> MissingIndicatorsAsync(QuarterlyReport report, CancellationToken cancellationToken)
    {
        var structureType = await db.Structures.AsNoTracking().Where(s => s.Id == report.StructureId).Select(s => s.Type).FirstAsync(cancellationToken);
        var indicators = await GetApplicableIndicatorsAsync(structureType, report.StructureId, cancellationToken);
        var complete = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.ReportId == report.Id
                && (v.IsNotApplicable || v.Numerator != null || v.Denominator != null || v.Value != null || v.Count != null))
            .Select(v => v.IndicatorId)
            .ToListAsync(cancellationToken);
        return indicators.Where(i => !i.IsComputed && !complete.Contains(i.Id)).Select(i => i.Label).ToList();
    }

    private Task<int?> FindIdAsync(int structureId, Quarter quarter, CancellationToken cancellationToken) =>
        db.QuarterlyReports.AsNoTracking()
            .Where(r => r.StructureId == structureId && r.Year == quarter.Year && r.QuarterNumber == quarter.Number)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
