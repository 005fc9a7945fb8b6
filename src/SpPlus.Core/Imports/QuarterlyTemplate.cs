using SpPlus.Core.Common;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Imports;

/// <summary>The layout shared by the quarterly template's writer and reader: sheet names, columns, marker.</summary>
public static class QuarterlyTemplate
{
    public const string EntrySheet = "Saisie";
    public const string MarkerSheet = "Modèle";
    public const string Marker = "SPPLUS-RESULTATS-TRIMESTRIELS-V1";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
    [
        "Code", "Libellé", "Type", "Unité", "Objectif", "Numérateur", "Dénominateur", "Valeur", "Nombre de mesures",
        "Non applicable (oui/non)", "Motif de non-application", "Commentaire",
    ];

    public static string FileName(string structureSlug, Quarter quarter) => $"resultats-{structureSlug}-{quarter.ToSlug()}.xlsx";
}

/// <summary>Who and when a template is for: written in its marker sheet and checked on upload.</summary>
public sealed record QuarterlyTemplateTarget(string StructureSlug, string StructureName, Quarter Quarter);

/// <summary>One line of the template: an entered indicator that applies, with its current draft figures.</summary>
public sealed record QuarterlyTemplateLine(ApplicableIndicator Indicator, IndicatorEntry? Current);

/// <summary>A refusal tied to a place of the uploaded file.</summary>
public sealed record TemplateError(string? Sheet, string? Cell, string Message)
{
    public override string ToString() => Sheet is null ? Message : Cell is null ? $"Feuille {Sheet} : {Message}" : $"Feuille {Sheet}, cellule {Cell} : {Message}";
}
