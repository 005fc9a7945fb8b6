using SpPlus.Core.Indicators;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Data.Seeding;

/// <summary>The indicators of the domain reference: the cross-network ones with their national formulas, useful local ones, and the two computed from the Feedback area.</summary>
public static class ReferenceIndicators
{
    public sealed record Seed(
        string Code,
        string Label,
        IndicatorKind Kind,
        IndicatorUnit Unit,
        IndicatorDirection Direction,
        int EngagementNumber,
        double? Target,
        string Formula,
        StructureType[] AppliesTo,
        string? NumeratorLabel = null,
        string? DenominatorLabel = null,
        string? NationalCode = null,
        double? Min = null,
        double? Max = null,
        IndicatorSource Source = IndicatorSource.Entered,
        string? Description = null);

    private static readonly StructureType[] AllTypes =
        [StructureType.Prefecture, StructureType.SubPrefecture, StructureType.Sgcd, StructureType.Ddt, StructureType.Ddetspp, StructureType.Other];

    private static readonly StructureType[] Counters =
        [StructureType.Prefecture, StructureType.SubPrefecture, StructureType.Ddt, StructureType.Ddetspp];

    public const string AnswerDelayCode = "DELAI-REPONSE-AVIS";
    public const string AnswerRateCode = "TAUX-REPONSE-AVIS";

    public static IReadOnlyList<Seed> All { get; } =
    [
        new("TAUX-DECROCHE", "Taux de décroché (par un agent)", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 2, 85,
            "appels décrochés par un agent / appels nécessitant un agent", AllTypes,
            "Appels décrochés par un agent", "Appels nécessitant un agent"),
        new("DELAI-DEMARCHE-PHARE", "Respect du délai annoncé d'une démarche phare", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 5, 90,
            "dossiers traités dans le délai annoncé / dossiers traités", AllTypes,
            "Dossiers traités dans le délai annoncé", "Dossiers traités"),
        new("QUALITE-EN-LIGNE", "Qualité des démarches en ligne", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 2, 80,
            "notes supérieures ou égales à 8/10 / notes reçues", AllTypes,
            "Notes supérieures ou égales à 8/10", "Notes reçues"),
        new("SATISFACTION", "Taux de satisfaction globale", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 7, 80,
            "usagers satisfaits / usagers ayant répondu", AllTypes,
            "Usagers satisfaits", "Usagers ayant répondu", NationalCode: "IND-27"),
        new("SATISFACTION-NETTE", "Taux net de satisfaction", IndicatorKind.Score, IndicatorUnit.Points, IndicatorDirection.HigherIsBetter, 7, 50,
            "(usagers satisfaits − usagers insatisfaits) / usagers ayant répondu × 100", AllTypes, Min: -100, Max: 100,
            Description: "Peut être négatif : il y a alors plus d'usagers insatisfaits que de satisfaits."),
        new("ATTENTE-GUICHET", "Temps d'attente moyen au guichet", IndicatorKind.Average, IndicatorUnit.Minutes, IndicatorDirection.LowerIsBetter, 1, 20,
            "somme des temps d'attente / nombre d'usagers reçus", Counters, Min: 0, Max: 600),
        new("DELAI-COURRIELS", "Délai moyen de réponse aux courriels", IndicatorKind.Average, IndicatorUnit.WorkingDays, IndicatorDirection.LowerIsBetter, 5, 5,
            "somme des délais de réponse / nombre de courriels répondus", AllTypes, Min: 0, Max: 365),
        new("DELAI-TITRE-SEJOUR", "Délai de remise d'un titre de séjour renouvelé", IndicatorKind.Average, IndicatorUnit.Days, IndicatorDirection.LowerIsBetter, 5, 60,
            "somme des délais de remise / nombre de titres remis", [StructureType.Prefecture], Min: 0, Max: 730),
        new("DELAI-CNI-PASSEPORT", "Délai de mise à disposition des cartes d'identité et passeports", IndicatorKind.Average, IndicatorUnit.Days, IndicatorDirection.LowerIsBetter, 5, 30,
            "somme des délais de mise à disposition / nombre de titres mis à disposition", [StructureType.Prefecture], Min: 0, Max: 365),
        new(AnswerDelayCode, "Délai moyen de réponse aux avis Services Publics +", IndicatorKind.Average, IndicatorUnit.Days, IndicatorDirection.LowerIsBetter, 7, 15,
            "date de première réponse − date de publication, en moyenne sur les avis répondus", AllTypes, Min: 0, Max: 3650,
            Source: IndicatorSource.ComputedFromFeedback),
        new(AnswerRateCode, "Taux de réponse aux avis Services Publics +", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 7, 90,
            "avis ayant reçu une réponse / avis publiés", AllTypes, "Avis ayant reçu une réponse", "Avis publiés",
            Source: IndicatorSource.ComputedFromFeedback),
    ];
}
