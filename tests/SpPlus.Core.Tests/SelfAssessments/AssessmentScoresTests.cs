using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Tests.SelfAssessments;

public class AssessmentScoresTests
{
    private static ScoredRating R(int engagement, MaturityLevel? level) => new(engagement, level);

    [Fact]
    public void An_engagement_scores_the_mean_of_its_applicable_points_out_of_four()
    {
        // 1, 2 and "non applicable": (1 + 2) / 2 = 1,5 points out of 4 = 37,5 %.
        var card = AssessmentScores.Compute([R(1, MaturityLevel.NotEngaged), R(1, MaturityLevel.InProgress), R(1, MaturityLevel.NotApplicable)]);

        Assert.Equal(37.5, card.ScoreOf(1));
        Assert.Equal(new EngagementScore(1, 37.5, 2, 1, 0), card.ByEngagement[1]);
    }

    [Fact]
    public void Two_exemplary_criteria_score_one_hundred_percent()
    {
        var card = AssessmentScores.Compute([R(4, MaturityLevel.Exemplary), R(4, MaturityLevel.Exemplary)]);

        Assert.Equal(100, card.ScoreOf(4));
        Assert.Equal(100, card.Overall);
    }

    [Fact]
    public void An_engagement_with_nothing_applicable_or_rated_has_no_score()
    {
        var card = AssessmentScores.Compute([R(2, MaturityLevel.NotApplicable), R(2, MaturityLevel.NotApplicable), R(3, null), R(5, MaturityLevel.Achieved)]);

        Assert.Null(card.ScoreOf(2));
        Assert.Null(card.ScoreOf(3));
        Assert.Equal(75, card.ScoreOf(5));
        Assert.Equal((1, 2, 1), (card.Rated, card.NotApplicable, card.Missing));
    }

    [Fact]
    public void The_overall_score_weighs_each_criterion_equally_not_each_engagement()
    {
        // Engagement 1: 4, 4, 4 (100 %); engagement 2: 1 (25 %). Mean of criteria = 13 / 4 = 3,25 points = 81,25 %
        // (the mean of the engagement scores would be 62,5 %). Unrated criteria are left out.
        var card = AssessmentScores.Compute(
        [
            R(1, MaturityLevel.Exemplary), R(1, MaturityLevel.Exemplary), R(1, MaturityLevel.Exemplary),
            R(2, MaturityLevel.NotEngaged), R(2, null),
        ]);

        Assert.Equal(100, card.ScoreOf(1));
        Assert.Equal(25, card.ScoreOf(2));
        Assert.Equal(81.25, card.Overall);
        Assert.Equal((4, 0, 1), (card.Rated, card.NotApplicable, card.Missing));
    }

    [Fact]
    public void Nothing_rated_gives_no_overall_score()
    {
        Assert.Null(AssessmentScores.Compute([R(1, null), R(2, MaturityLevel.NotApplicable)]).Overall);
        Assert.Null(AssessmentScores.Compute([]).Overall);
    }
}
