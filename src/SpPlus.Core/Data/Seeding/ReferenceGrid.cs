namespace SpPlus.Core.Data.Seeding;

/// <summary>
/// The first self-assessment grid of the 2021 framework: the known sub-criteria of each engagement (see the
/// framework seed), completed with criteria of our own where the national material gives none, so that every
/// engagement has at least two. The referent edits it in the portal (each edit of a used grid makes a new version).
/// </summary>
public static class ReferenceGrid
{
    public const string Name2021 = "Grille d'auto-évaluation Services Publics + 2021";

    /// <summary>Criteria per engagement number, in order.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> Criteria2021 = new Dictionary<int, IReadOnlyList<string>>
    {
        [1] =
        [
            "Les agents indiquent leur nom et leur service",
            "Les locaux sont éclairés, propres, équipés de sièges et préservent la confidentialité",
            "Un système de gestion de la file d'attente est en place",
            "Le droit à l'erreur (CRPA, art. L123-1) est expliqué et un moyen simple de corriger une erreur existe",
            "La charte de la laïcité est affichée",
        ],
        [2] =
        [
            "Les horaires d'accueil et les numéros de téléphone sont à jour sur le site internet et sur place",
            "Le taux de décroché est suivi et des mesures sont prises quand il baisse",
            "Les démarches en ligne sont accompagnées (point numérique, aide à la saisie)",
        ],
        [3] =
        [
            "Un rendez-vous peut être proposé aux usagers qui en ont besoin",
            "L'accueil des personnes en situation de handicap est organisé (accessibilité, interprétariat)",
        ],
        [4] =
        [
            "Les agents d'accueil disposent d'un annuaire des services et des partenaires",
            "Une demande mal adressée est transmise au bon service et l'usager en est informé",
        ],
        [5] =
        [
            "Accusé de réception sous une semaine pour une demande électronique et sous deux semaines pour une demande postale",
            "Une réponse, ou un délai annoncé puis respecté",
            "L'usager est informé de l'avancement de son dossier",
        ],
        [6] =
        [
            "Les résultats sont affichés à l'accueil et en ligne, au moins une fois par an",
            "Les résultats portent sur la qualité rendue (performance) et sur la qualité perçue (satisfaction)",
        ],
        [7] =
        [
            "Le dispositif « Je donne mon avis » est déployé",
            "Des enquêtes de satisfaction sont menées régulièrement",
            "Les avis des usagers alimentent le plan d'action",
            "Les améliorations sont communiquées : « vous nous l'avez demandé, on l'a fait »",
        ],
        [8] =
        [
            "Les agents en contact avec le public sont formés à l'accueil et à la relation à l'usager",
            "Une démarche d'amélioration continue est conduite (auto-évaluation annuelle, plan d'action suivi)",
        ],
        [9] =
        [
            "Stationnement pour les vélos, covoiturage et bornes de recharge",
            "Au moins la moitié des achats de véhicules sont électriques ou hybrides rechargeables",
            "Les déplacements sont réduits",
        ],
    };
}
