namespace SpPlus.Core.SelfAssessments;

/// <summary>One criterion's rating as the scores see it: the engagement it belongs to and its level (null while unrated).</summary>
public readonly record struct ScoredRating(int EngagementKey, MaturityLevel? Level);

/// <summary>The score of one engagement: null when none of its criteria is applicable and rated.</summary>
public sealed record EngagementScore(int EngagementKey, double? Score, int Rated, int NotApplicable, int Missing);

/// <summary>The scores of an assessment: per engagement, overall, and how many criteria are rated, not applicable or missing.</summary>
public sealed record AssessmentScoreCard(
    IReadOnlyDictionary<int, EngagementScore> ByEngagement,
    double? Overall,
    int Rated,
    int NotApplicable,
    int Missing)
{
    public static AssessmentScoreCard Empty { get; } = new(new Dictionary<int, EngagementScore>(), null, 0, 0, 0);

    /// <summary>The score of an engagement, null when it has none (or is unknown).</summary>
    public double? ScoreOf(int engagementKey) => ByEngagement.TryGetValue(engagementKey, out var score) ? score.Score : null;
}

/// <summary>
/// The scores of a self-assessment, computed from its ratings (pure, no database): a level counts its points (1 non
/// engagé to 4 exemplaire); "non applicable" and unrated criteria are left out. A score is a percentage of the maximum.
/// </summary>
public static class AssessmentScores
{
    /// <summary>The points of the best level: the maximum a score is a percentage of.</summary>
    public const int MaxPoints = 4;

    /// <summary>
    /// Per engagement, the mean of the applicable points of its criteria divided by <see cref="MaxPoints"/>, × 100
    /// (null when no criterion of the engagement is applicable and rated). The overall score is the mean of all the
    /// applicable points of the assessment / <see cref="MaxPoints"/> × 100: it weighs each criterion equally, so an
    /// engagement with more criteria weighs more than one with fewer (it is not the mean of the engagement scores).
    /// </summary>
    /// <param name="ratings">One entry per criterion of the grid; the engagement key groups them (an id or a number).</param>
    public static AssessmentScoreCard Compute(IEnumerable<ScoredRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var byEngagement = new Dictionary<int, EngagementScore>();
        var allPoints = new List<int>();
        var rated = 0;
        var notApplicable = 0;
        var missing = 0;
        foreach (var group in ratings.GroupBy(r => r.EngagementKey))
        {
            var points = new List<int>();
            var groupRated = 0;
            var groupNotApplicable = 0;
            var groupMissing = 0;
            foreach (var rating in group)
            {
                if (rating.Level is not { } level)
                {
                    groupMissing++;
                }
                else if (level.Points() is { } p && Enum.IsDefined(level))
                {
                    groupRated++;
                    points.Add(p);
                }
                else
                {
                    groupNotApplicable++;
                }
            }

            allPoints.AddRange(points);
            rated += groupRated;
            notApplicable += groupNotApplicable;
            missing += groupMissing;
            byEngagement[group.Key] = new EngagementScore(group.Key, Percentage(points), groupRated, groupNotApplicable, groupMissing);
        }

        return new AssessmentScoreCard(byEngagement, Percentage(allPoints), rated, notApplicable, missing);
    }

    private static double? Percentage(List<int> points) =>
        points.Count == 0 ? null : points.Average() / MaxPoints * 100;
}
