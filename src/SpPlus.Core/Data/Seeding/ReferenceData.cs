using SpPlus.Core.Engagements;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Data.Seeding;

/// <summary>The reference facts every installation starts with (see the domain reference).</summary>
public static class ReferenceData
{
    public const string DepartmentCode = "10";
    public const string DepartmentName = "Aube";
    public const string PrefectureSlug = "prefecture-aube";

    public static readonly IReadOnlyList<(string Slug, string Name, StructureType Type, string? ParentSlug)> Structures =
    [
        (PrefectureSlug, "Préfecture de l'Aube", StructureType.Prefecture, null),
        ("sous-prefecture-nogent-sur-seine", "Sous-préfecture de Nogent-sur-Seine", StructureType.SubPrefecture, PrefectureSlug),
        ("sous-prefecture-bar-sur-aube", "Sous-préfecture de Bar-sur-Aube", StructureType.SubPrefecture, PrefectureSlug),
        ("sgcd-aube", "SGCD de l'Aube", StructureType.Sgcd, null),
        ("ddt-aube", "DDT de l'Aube", StructureType.Ddt, null),
        ("ddetspp-aube", "DDETSPP de l'Aube", StructureType.Ddetspp, null),
    ];

    public sealed record EngagementSeed(int Number, string Wording, EngagementGroup? Group, IReadOnlyList<string> SubCriteria);

    public static readonly IReadOnlyList<EngagementSeed> Framework2021 =
    [
        new(1, "Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance, et dans les conditions prévues par la loi vous avez le droit à l'erreur", EngagementGroup.Closer,
        [
            "Les agents indiquent leur nom et leur service",
            "Les locaux sont éclairés, propres, équipés de sièges et préservent la confidentialité",
            "Un système de gestion de la file d'attente est en place",
            "Le droit à l'erreur (CRPA, art. L123-1) est expliqué et un moyen simple de corriger une erreur existe",
            "La charte de la laïcité est affichée",
        ]),
        new(2, "Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne", EngagementGroup.Closer, []),
        new(3, "Vous bénéficiez d'un accompagnement adapté à votre situation personnelle", EngagementGroup.Closer, []),
        new(4, "Nous vous orientons vers la personne compétente pour traiter votre demande", EngagementGroup.MoreEfficient, []),
        new(5, "Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l'avancement de votre dossier", EngagementGroup.MoreEfficient,
        [
            "Accusé de réception sous une semaine pour une demande électronique et sous deux semaines pour une demande postale",
            "Une réponse, ou un délai annoncé puis respecté",
            "L'usager est informé de l'avancement de son dossier",
        ]),
        new(6, "Vous avez accès à nos résultats de qualité de service", EngagementGroup.MoreEfficient,
        [
            "Les résultats sont affichés à l'accueil et en ligne, au moins une fois par an",
            "Les résultats portent sur la qualité rendue (performance) et sur la qualité perçue (satisfaction)",
        ]),
        new(7, "Vos avis sont pris en compte pour améliorer et simplifier nos démarches", EngagementGroup.Simpler,
        [
            "Le dispositif « Je donne mon avis » est déployé",
            "Des enquêtes de satisfaction sont menées régulièrement",
            "Les avis des usagers alimentent le plan d'action",
            "Les améliorations sont communiquées : « vous nous l'avez demandé, on l'a fait »",
        ]),
        new(8, "Nous développons en permanence nos compétences et nous améliorons en continu", EngagementGroup.Simpler, []),
        new(9, "Nous sommes éco-responsables", EngagementGroup.Simpler,
        [
            "Stationnement pour les vélos, covoiturage et bornes de recharge",
            "Au moins la moitié des achats de véhicules sont électriques ou hybrides rechargeables",
            "Les déplacements sont réduits",
        ]),
    ];

    /// <summary>The 2023 version: wordings 1–7 as read on a préfecture page, the 8th still to be confirmed (hence a draft).</summary>
    public static readonly IReadOnlyList<EngagementSeed> Framework2023 =
    [
        new(1, "Vous êtes accueillis avec bienveillance et vous avez droit à l'erreur", null, []),
        new(2, "Vous pouvez facilement entrer en contact avec vos services publics", null, []),
        new(3, "Vous bénéficiez d'un accompagnement adapté à votre situation personnelle", null, []),
        new(4, "Votre demande est traitée dans les délais annoncés", null, []),
        new(5, "Vous disposez d'une information claire, simple et accessible", null, []),
        new(6, "Vous avez accès à nos résultats de qualité de service", null, []),
        new(7, "Votre avis est pris en compte pour améliorer le service rendu", null, []),
        new(8, "Engagement à compléter", null, []),
    ];
}
