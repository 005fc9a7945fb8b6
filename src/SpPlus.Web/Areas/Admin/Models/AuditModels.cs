using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Auditing;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Admin.Models;

/// <summary>The filters of the audit log, read from the query string (GET form, fields named as the properties).</summary>
public class AuditFilter
{
    [Display(Name = "Type d'objet")]
    public string? EntityType { get; set; }

    [Display(Name = "Identifiant de l'objet", Description = "Pour un compte, ses rôles et ses structures sont compris.")]
    public string? EntityId { get; set; }

    [Display(Name = "Utilisateur", Description = "Adresse électronique, ou une partie")]
    public string? User { get; set; }

    [Display(Name = "Action")]
    public AuditAction? Action { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Du")]
    public DateTime? From { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Au")]
    public DateTime? To { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>The audit log page: the filters as submitted, and one page of entries, newest first.</summary>
public sealed class AuditListViewModel : AuditFilter
{
    public required IReadOnlyList<AuditRow> Entries { get; init; }

    public int TotalPages { get; init; }

    public int TotalCount { get; init; }

    public bool IsFiltered { get; init; }

    public required IReadOnlyList<SelectListItem> EntityTypeChoices { get; init; }

    public required IReadOnlyList<SelectListItem> ActionChoices { get; init; }
}

/// <summary>One change of one object, ready to show: <see cref="ObjectName"/> is a readable name when one is known.</summary>
public sealed record AuditRow(
    long Id,
    DateTime TimestampUtc,
    string UserName,
    AuditAction Action,
    string EntityType,
    string EntityId,
    string? ObjectName,
    IReadOnlyList<string> Changes,
    int MoreChanges);

/// <summary>French names for the audited types and properties, and the rendering of the JSON changes as readable lines.</summary>
public static class AuditText
{
    public const int MaxLines = 8;
    public const int MaxValueLength = 80;

    private static readonly Dictionary<string, string> EntityLabels = new(StringComparer.Ordinal)
    {
        ["AppUser"] = "Compte",
        ["IdentityRole"] = "Rôle",
        ["IdentityUserRole`1"] = "Rôle d'un compte",
        ["IdentityUserClaim`1"] = "Droit d'un compte",
        ["IdentityRoleClaim`1"] = "Droit d'un rôle",
        ["UserStructure"] = "Structure d'un compte",
        ["Department"] = "Département",
        ["Structure"] = "Structure",
        ["EngagementFramework"] = "Référentiel",
        ["Engagement"] = "Engagement",
        ["EngagementSubCriterion"] = "Sous-critère",
        ["LocalCommitment"] = "Engagement local",
        ["Indicator"] = "Indicateur",
        ["IndicatorStructureType"] = "Type de structure d'un indicateur",
        ["IndicatorTarget"] = "Objectif d'une structure",
        ["QuarterlyReport"] = "Résultats trimestriels",
        ["IndicatorValue"] = "Valeur d'indicateur",
        ["ReviewEvent"] = "Étape de relecture",
        ["Setting"] = "Paramètre",
        ["ExperienceAnswer"] = "Réponse à un avis",
        ["AnswerTemplate"] = "Modèle de réponse",
        ["DocumentReport"] = "Document difficile à comprendre",
        ["DocumentReportNote"] = "Note de suivi d'un document",
        ["Experience"] = "Avis usager",
        ["ExperienceComment"] = "Commentaire interne d'un avis",
        ["StructureLabelMapping"] = "Correspondance de structure",
        ["ExperienceImport"] = "Import d'un export national",
        ["Meeting"] = "Réunion COPIL ou CLAC",
        ["MeetingParticipant"] = "Participant à une réunion",
        ["MeetingDecision"] = "Décision de réunion",
        ["AssessmentGrid"] = "Grille d'auto-évaluation",
        ["AssessmentCriterion"] = "Critère de la grille d'auto-évaluation",
        ["SelfAssessment"] = "Auto-évaluation",
        ["CriterionRating"] = "Évaluation d'un critère",
        ["ActionPlan"] = "Plan d'action",
        ["ImprovementAction"] = "Action d'amélioration",
        ["ActionUpdate"] = "Mise à jour de l'avancement d'une action",
    };

    private static readonly Dictionary<string, string> PropertyLabels = new(StringComparer.Ordinal)
    {
        ["DisplayName"] = "Nom",
        ["Email"] = "Adresse électronique",
        ["UserName"] = "Identifiant de connexion",
        ["EmailConfirmed"] = "Adresse confirmée",
        ["IsDisabled"] = "Désactivé",
        ["LockoutEnabled"] = "Verrouillage possible",
        ["LockoutEnd"] = "Verrouillé jusqu'au",
        ["AccessFailedCount"] = "Échecs de connexion",
        ["PhoneNumber"] = "Téléphone",
        ["PhoneNumberConfirmed"] = "Téléphone confirmé",
        ["TwoFactorEnabled"] = "Double authentification",
        ["CreatedAtUtc"] = "Créé le",
        ["LastSignInAtUtc"] = "Dernière connexion",
        ["UpdatedAtUtc"] = "Mis à jour le",
        ["ActivatedAtUtc"] = "Activé le",
        ["RoleId"] = "Rôle",
        ["UserId"] = "Compte",
        ["StructureId"] = "Structure",
        ["ParentId"] = "Rattachement",
        ["DepartmentId"] = "Département",
        ["FrameworkId"] = "Référentiel",
        ["EngagementId"] = "Engagement",
        ["Name"] = "Nom",
        ["Slug"] = "Identifiant",
        ["Type"] = "Type",
        ["IsActive"] = "Active",
        ["Code"] = "Code",
        ["Year"] = "Année",
        ["Status"] = "Statut",
        ["Description"] = "Description",
        ["Number"] = "Numéro",
        ["Wording"] = "Libellé",
        ["Group"] = "Groupe",
        ["Order"] = "Ordre",
        ["Kind"] = "Type",
        ["Text"] = "Texte",
        ["Target"] = "Objectif",
        ["AnnouncedDelayDays"] = "Délai annoncé (jours)",
        ["IndicatorId"] = "Indicateur",
        ["ReportId"] = "Résultats trimestriels",
        ["QuarterNumber"] = "Trimestre",
        ["State"] = "État",
        ["StateChangedAtUtc"] = "Changement d'état le",
        ["PublishedAtUtc"] = "Publié le",
        ["Numerator"] = "Numérateur",
        ["Denominator"] = "Dénominateur",
        ["Value"] = "Valeur",
        ["Count"] = "Nombre de mesures",
        ["IsNotApplicable"] = "Non applicable",
        ["NotApplicableReason"] = "Motif",
        ["Comment"] = "Commentaire",
        ["Action"] = "Action",
        ["FromState"] = "État de départ",
        ["ToState"] = "État d'arrivée",
        ["ActorUserId"] = "Compte",
        ["ActorName"] = "Auteur",
        ["AtUtc"] = "Le",
        ["DocumentKind"] = "Type de document",
        ["DocumentId"] = "Document",
        ["MeetingId"] = "Réunion",
        ["Label"] = "Libellé",
        ["Formula"] = "Formule",
        ["NumeratorLabel"] = "Libellé du numérateur",
        ["DenominatorLabel"] = "Libellé du dénominateur",
        ["Unit"] = "Unité",
        ["Direction"] = "Sens",
        ["MinValue"] = "Valeur minimale",
        ["MaxValue"] = "Valeur maximale",
        ["DefaultTarget"] = "Objectif par défaut",
        ["NationalCode"] = "Code national",
        ["Source"] = "Source",
        ["SortOrder"] = "Ordre d'affichage",
        ["StructureType"] = "Type de structure",
        ["Key"] = "Clé",
        ["ExperienceId"] = "Avis",
        ["TemplateId"] = "Modèle de réponse",
        ["PostedOn"] = "Publiée sur la plateforme nationale le",
        ["FirstAnswerOn"] = "Date de première réponse",
        ["UpdatedByUserId"] = "Modifié par",
        ["Title"] = "Titre",
        ["Body"] = "Texte",
        ["DocumentName"] = "Nom du document",
        ["ReceivedOn"] = "Reçu le",
        ["Difficulty"] = "Difficulté signalée",
        ["Suggestion"] = "Suggestion",
        ["ImprovementActionId"] = "Action d'amélioration",
        ["CreatedByUserId"] = "Créé par",
        ["NationalId"] = "Identifiant national",
        ["NationalStructureLabel"] = "Intitulé national de la structure",
        ["Typology1"] = "Typologie 1",
        ["Typology2"] = "Typologie 2",
        ["Typology3"] = "Typologie 3",
        ["NationalState"] = "État national",
        ["Sentiment"] = "Ressenti",
        ["TagAccessibility"] = "Tag accessibilité",
        ["TagInformation"] = "Tag information et explication",
        ["TagRelation"] = "Tag relation",
        ["TagReactivity"] = "Tag réactivité",
        ["TagSimplicity"] = "Tag simplicité et complexité",
        ["PostalCode"] = "Code postal",
        ["WrittenOn"] = "Écrit le",
        ["PublishedOn"] = "Publié le",
        ["NationalAnswer"] = "Réponse publiée",
        ["RejectionReason"] = "Motif de rejet",
        ["DueOn"] = "Échéance",
        ["AssigneeUserId"] = "Attribué à",
        ["LastImportedAtUtc"] = "Dernier import",
        ["NormalizedLabel"] = "Libellé normalisé",
        ["FileName"] = "Fichier",
        ["ImportedAtUtc"] = "Importé le",
        ["ImportedByUserId"] = "Importé par (compte)",
        ["ImportedByName"] = "Importé par",
        ["NewCount"] = "Nouvelles",
        ["UpdatedCount"] = "Mises à jour",
        ["UnchangedCount"] = "Inchangées",
        ["RejectedCount"] = "Rejetées",
        ["UnmappedCount"] = "À affecter",
        ["DocumentReportId"] = "Document signalé",
        ["AuthorUserId"] = "Auteur (compte)",
        ["AuthorName"] = "Auteur",
        ["HeldAt"] = "Date de la réunion",
        ["Place"] = "Lieu",
        ["Agenda"] = "Ordre du jour",
        ["Minutes"] = "Compte rendu",
        ["Quality"] = "Qualité",
        ["GridId"] = "Grille d'auto-évaluation",
        ["Version"] = "Version",
        ["ChangeNote"] = "Note de version",
        ["CreatedByName"] = "Créé par",
        ["Guidance"] = "Aide à l'évaluation",
        ["AssessmentId"] = "Auto-évaluation",
        ["CriterionId"] = "Critère",
        ["Level"] = "Niveau",
        ["Evidence"] = "Éléments de preuve",
        ["ValidatedAtUtc"] = "Validé le",
        ["PlanId"] = "Plan d'action",
        ["Origin"] = "Origine",
        ["SourceCriterionId"] = "Critère d'origine",
        ["SourceAssessmentId"] = "Auto-évaluation d'origine",
        ["SourceExperienceId"] = "Avis d'origine",
        ["SourceIndicatorId"] = "Indicateur d'origine",
        ["SourceMeetingId"] = "Réunion du CLAC d'origine",
        ["OriginDetail"] = "Précision sur l'origine",
        ["OwnerName"] = "Pilote",
        ["StartOn"] = "Date de début",
        ["Progress"] = "Avancement (%)",
        ["Priority"] = "Priorité",
        ["ShowToUsers"] = "Vous nous l'avez demandé, on l'a fait",
        ["CompletedOn"] = "Réalisée le",
        ["ActionId"] = "Action",
        ["FromStatus"] = "Statut de départ",
        ["ToStatus"] = "Statut d'arrivée",
        ["FromProgress"] = "Avancement de départ",
        ["ToProgress"] = "Avancement d'arrivée",
    };

    public static string EntityLabel(string entityType) => EntityLabels.GetValueOrDefault(entityType, entityType);

    public static string PropertyLabel(string property) => PropertyLabels.GetValueOrDefault(property, property);

    /// <summary>The properties named in a changes document whose values are ids of other objects (to resolve into names).</summary>
    public static IEnumerable<(string Property, string Value)> ReferencedIds(string changesJson)
    {
        var found = new List<(string, string)>();
        foreach (var (property, old, @new, _) in Parse(changesJson))
        {
            foreach (var value in new[] { old, @new })
            {
                if (value is { ValueKind: JsonValueKind.String or JsonValueKind.Number } v)
                {
                    found.Add((property, v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// "Nom : ancien → nouveau" for a modification, "Nom : valeur" for a creation or a deletion; at most
    /// <see cref="MaxLines"/> lines (the number left out is returned). <paramref name="resolve"/> turns an id into a name.
    /// </summary>
    public static (IReadOnlyList<string> Lines, int More) Format(string changesJson, Func<string, string, string?>? resolve = null)
    {
        List<(string Property, JsonElement? Old, JsonElement? New, bool IsModification)> changes;
        try
        {
            changes = Parse(changesJson);
        }
        catch (JsonException)
        {
            return ([Truncate(changesJson)], 0);
        }

        var lines = changes.Take(MaxLines).Select(c =>
        {
            var label = PropertyLabel(c.Property);
            return c.IsModification
                ? $"{label} : {Value(c.Property, c.Old, resolve)} → {Value(c.Property, c.New, resolve)}"
                : $"{label} : {Value(c.Property, c.New ?? c.Old, resolve)}";
        }).ToList();
        return (lines, Math.Max(0, changes.Count - MaxLines));
    }

    private static List<(string Property, JsonElement? Old, JsonElement? New, bool IsModification)> Parse(string changesJson)
    {
        var result = new List<(string, JsonElement?, JsonElement?, bool)>();
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(changesJson) ? "{}" : changesJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                result.Add((property.Name, null, property.Value.Clone(), false));
                continue;
            }

            var hasOld = property.Value.TryGetProperty("old", out var old);
            var hasNew = property.Value.TryGetProperty("new", out var @new);
            result.Add((property.Name, hasOld ? old.Clone() : null, hasNew ? @new.Clone() : null, hasOld && hasNew));
        }

        return result;
    }

    private static string Value(string property, JsonElement? element, Func<string, string, string?>? resolve)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "(vide)";
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return "oui";
            case JsonValueKind.False:
                return "non";
            case JsonValueKind.Number:
                var number = value.GetRawText();
                return Truncate(resolve?.Invoke(property, number) ?? number);
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (resolve?.Invoke(property, text) is { } name)
                {
                    return Truncate(name);
                }

                if (text.Length >= 19 && text[10] == 'T'
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                {
                    return Clock.DateAndTime(date.UtcDateTime);
                }

                return text.Length == 0 ? "(vide)" : Truncate(text);
            default:
                return Truncate(value.GetRawText());
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 1), "…");
}
