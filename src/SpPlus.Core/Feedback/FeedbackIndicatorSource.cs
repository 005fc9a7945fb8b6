using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Feedback;

/// <summary>
/// The two quarterly indicators computed from the Feedback area: the answer rate (<c>TAUX-REPONSE-AVIS</c>: experiences
/// with a first answer / experiences published in the quarter) and the average answer delay (<c>DELAI-REPONSE-AVIS</c>:
/// first answer − publication, in days, over the answered ones). See <see cref="FeedbackMetricsService.FiguresForAsync"/>.
/// </summary>
public sealed class FeedbackIndicatorSource(FeedbackMetricsService metrics) : IComputedIndicatorSource
{
    public const string NoExperienceReason = "Aucun avis publié sur la plateforme nationale pendant le trimestre.";
    public const string NoAnswerReason = "Aucun avis publié pendant le trimestre n'a encore reçu de réponse.";

    public async Task<IReadOnlyDictionary<string, ComputedFigures>> ComputeAsync(int structureId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        var figures = await metrics.FiguresForAsync(structureId, quarter, cancellationToken);
        if (figures is null)
        {
            return new Dictionary<string, ComputedFigures>();
        }

        var comment = figures.RateDenominator == 0
            ? "Calculé automatiquement : aucun avis publié pendant le trimestre."
            : $"Calculé automatiquement à partir des avis publiés pendant le trimestre : {Plural(figures.RateDenominator, "avis", "avis")}, "
              + $"{Plural(figures.RateNumerator, "réponse", "réponses")}.";
        return new Dictionary<string, ComputedFigures>(StringComparer.OrdinalIgnoreCase)
        {
            [ReferenceIndicators.AnswerRateCode] = new(figures.AnswerRate, figures.RateDenominator == 0 ? NoExperienceReason : null, comment),
            [ReferenceIndicators.AnswerDelayCode] = new(figures.AnswerDelay,
                figures.DelayCount > 0 ? null : figures.RateDenominator == 0 ? NoExperienceReason : NoAnswerReason, comment),
        };
    }

    private static string Plural(int count, string one, string many) =>
        count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " " + (count > 1 ? many : one);
}
