using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpreadCheetah;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>
/// The self-assessment results, streamed: a "Résultats" sheet with one row per assessment × engagement of its grid
/// (score by <see cref="AssessmentScores"/>), then a "Critères" sheet with one row per rating.
/// </summary>
public static class SelfAssessmentResultsExport
{
    public const string ResultsSheet = "Résultats";

    public const string CriteriaSheet = "Critères";

    public static readonly IReadOnlyList<string> ResultsHeaders =
        ["Structure", "Année", "État", "Engagement n°", "Engagement", "Score (%)", "Critères notés", "Non applicables"];

    public static readonly IReadOnlyList<string> CriteriaHeaders =
        ["Structure", "Année", "Engagement n°", "Critère", "Niveau", "Non applicable", "Éléments de preuve", "Commentaire"];

    private static readonly double[] ResultsWidths = [36, 8, 12, 15, 60, 11, 15, 16];

    private static readonly double[] CriteriaWidths = [36, 8, 15, 60, 8, 15, 48, 48];

    public static string FileName(int year) => $"resultats-auto-evaluations-{year}.xlsx";

    /// <param name="source">The assessments to export, already scoped by the caller's read rules.</param>
    public static async Task WriteAsync(Stream output, IQueryable<SelfAssessment> source, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, ExcelStyles.Options(), cancellationToken);
        var styles = ExcelStyles.Register(spreadsheet);
        await ExcelStyles.StartSheetAsync(spreadsheet, ResultsSheet, ResultsHeaders, ResultsWidths, styles, cancellationToken);

        // Every criterion of each assessment's grid with its level (none while unrated), ordered by assessment: each
        // assessment's criteria are consecutive, so only one assessment is held at a time.
        var criteria = source
            .SelectMany(a => a.Grid!.Criteria, (a, c) => new
            {
                AssessmentId = a.Id,
                Structure = a.Structure!.Name,
                a.Year,
                a.State,
                c.Engagement!.Number,
                c.Engagement.Wording,
                c.Order,
                Level = a.Ratings.Where(r => r.CriterionId == c.Id).Select(r => r.Level).FirstOrDefault(),
            })
            .OrderBy(r => r.Structure).ThenBy(r => r.Year).ThenBy(r => r.AssessmentId).ThenBy(r => r.Number).ThenBy(r => r.Order)
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        var current = new List<(int Number, string Wording, MaturityLevel? Level)>();
        (int Id, string Structure, int Year, ReviewState State) assessment = default;
        await foreach (var row in criteria)
        {
            if (current.Count > 0 && row.AssessmentId != assessment.Id)
            {
                await WriteScoresAsync(spreadsheet, assessment, current, styles, cancellationToken);
                current.Clear();
            }

            assessment = (row.AssessmentId, row.Structure, row.Year, row.State);
            current.Add((row.Number, row.Wording, row.Level));
        }

        if (current.Count > 0)
        {
            await WriteScoresAsync(spreadsheet, assessment, current, styles, cancellationToken);
        }

        await ExcelStyles.StartSheetAsync(spreadsheet, CriteriaSheet, CriteriaHeaders, CriteriaWidths, styles, cancellationToken);
        var ratings = source
            .SelectMany(a => a.Ratings)
            .OrderBy(r => r.Assessment!.Structure!.Name).ThenBy(r => r.Assessment!.Year).ThenBy(r => r.AssessmentId)
            .ThenBy(r => r.Criterion!.Engagement!.Number).ThenBy(r => r.Criterion!.Order)
            .Select(r => new
            {
                Structure = r.Assessment!.Structure!.Name,
                r.Assessment.Year,
                r.Criterion!.Engagement!.Number,
                r.Criterion.Wording,
                r.Level,
                r.Evidence,
                r.Comment,
            })
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in ratings)
        {
            await spreadsheet.AddRowAsync(
            [
                new Cell(row.Structure),
                new Cell(row.Year),
                new Cell(row.Number),
                new Cell(row.Wording),
                new Cell(row.Level?.Points()),
                ExcelStyles.YesNo(row.Level == MaturityLevel.NotApplicable),
                ExcelStyles.Text(row.Evidence),
                ExcelStyles.Text(row.Comment),
            ], cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static async Task WriteScoresAsync(
        Spreadsheet spreadsheet,
        (int Id, string Structure, int Year, ReviewState State) assessment,
        List<(int Number, string Wording, MaturityLevel? Level)> criteria,
        ExcelStyleSet styles,
        CancellationToken cancellationToken)
    {
        var card = AssessmentScores.Compute(criteria.Select(c => new ScoredRating(c.Number, c.Level)));
        foreach (var engagement in criteria.GroupBy(c => c.Number).OrderBy(g => g.Key))
        {
            var score = card.ByEngagement[engagement.Key];
            await spreadsheet.AddRowAsync(
            [
                new Cell(assessment.Structure),
                new Cell(assessment.Year),
                new Cell(assessment.State.Label()),
                new Cell(engagement.Key),
                new Cell(engagement.First().Wording),
                new Cell(score.Score, styles.Decimal),
                new Cell(score.Rated),
                new Cell(score.NotApplicable),
            ], cancellationToken);
        }
    }
}
