using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Indicators;
using SpPlus.Core.Structures;

namespace SpPlus.Web.Areas.Indicators.Models;

public sealed record CatalogueRow(
    int Id,
    string Code,
    string Label,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    int? EngagementNumber,
    IReadOnlyList<StructureType> StructureTypes,
    double? DefaultTarget,
    string? NationalCode,
    IndicatorSource Source,
    bool IsActive);

public sealed class CatalogueIndexViewModel
{
    public required IReadOnlyList<CatalogueRow> Rows { get; init; }

    public required int Page { get; init; }

    public required int TotalPages { get; init; }

    public required bool CanManage { get; init; }
}

public sealed class CatalogueForm
{
    [Required]
    [StringLength(40)]
    [Display(Name = "Code", Description = "Lettres majuscules sans accent, chiffres et tirets, par exemple TAUX-DECROCHE.")]
    public string? Code { get; set; }

    [Required]
    [StringLength(200)]
    [Display(Name = "Libellé")]
    public string? Label { get; set; }

    [StringLength(2000)]
    [Display(Name = "Description (facultatif)")]
    public string? Description { get; set; }

    [StringLength(500)]
    [Display(Name = "Formule (facultatif)", Description = "En toutes lettres, par exemple « appels décrochés / appels reçus ».")]
    public string? Formula { get; set; }

    [Required]
    [Display(Name = "Type d'indicateur")]
    public IndicatorKind? Kind { get; set; }

    [StringLength(200)]
    [Display(Name = "Libellé du numérateur", Description = "Obligatoire pour un taux.")]
    public string? NumeratorLabel { get; set; }

    [StringLength(200)]
    [Display(Name = "Libellé du dénominateur", Description = "Obligatoire pour un taux.")]
    public string? DenominatorLabel { get; set; }

    [Required]
    [Display(Name = "Unité")]
    public IndicatorUnit? Unit { get; set; }

    [Required]
    [Display(Name = "Sens de lecture")]
    public IndicatorDirection? Direction { get; set; }

    [Display(Name = "Valeur minimale (facultatif)")]
    public double? MinValue { get; set; }

    [Display(Name = "Valeur maximale (facultatif)")]
    public double? MaxValue { get; set; }

    [Display(Name = "Engagement du référentiel (facultatif)")]
    public int? EngagementId { get; set; }

    [Display(Name = "Objectif par défaut (facultatif)", Description = "Utilisé pour les structures qui n'ont pas leur propre objectif.")]
    public double? DefaultTarget { get; set; }

    [StringLength(40)]
    [Display(Name = "Code national (facultatif)", Description = "Par exemple IND-27.")]
    public string? NationalCode { get; set; }

    [Required]
    [Display(Name = "Source des valeurs")]
    public IndicatorSource? Source { get; set; }

    [Range(0, 10000)]
    [Display(Name = "Ordre d'affichage")]
    public int SortOrder { get; set; }

    [Display(Name = "Types de structure concernés")]
    public List<StructureType> StructureTypes { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public bool IsActive { get; set; } = true;

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> EngagementChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> KindChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> UnitChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> DirectionChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> SourceChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureTypeChoices { get; set; } = [];
}

public sealed class CatalogueTargetRow
{
    public int StructureId { get; set; }

    [Display(Name = "Objectif")]
    public double? Target { get; set; }

    [BindNever]
    [ValidateNever]
    public string StructureName { get; set; } = "";
}

public sealed class CatalogueTargetsForm
{
    public List<CatalogueTargetRow> Rows { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public string IndicatorCode { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public string IndicatorLabel { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public string DefaultTarget { get; set; } = "";
}
