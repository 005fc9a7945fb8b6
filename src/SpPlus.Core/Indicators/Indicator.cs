using SpPlus.Core.Engagements;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>A quality-of-service measure of the catalogue.</summary>
public class Indicator
{
    public int Id { get; set; }

    /// <summary>Stable local code, e.g. "TAUX-DECROCHE". Unique.</summary>
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The formula in words, e.g. "appels décrochés par un agent / appels nécessitant un agent".</summary>
    public string? Formula { get; set; }

    /// <summary>For ratios: what the numerator and denominator count, shown as the entry form's labels.</summary>
    public string? NumeratorLabel { get; set; }

    public string? DenominatorLabel { get; set; }

    public IndicatorKind Kind { get; set; }

    public IndicatorUnit Unit { get; set; }

    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;

    /// <summary>Lowest and highest acceptable value for an entered value (average, count, score).</summary>
    public double? MinValue { get; set; }

    public double? MaxValue { get; set; }

    public int? EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public double? DefaultTarget { get; set; }

    /// <summary>The national code, e.g. "IND-27", where one exists.</summary>
    public string? NationalCode { get; set; }

    public IndicatorSource Source { get; set; } = IndicatorSource.Entered;

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public List<IndicatorStructureType> StructureTypes { get; set; } = [];

    public List<IndicatorTarget> Targets { get; set; } = [];
}

/// <summary>A structure type an indicator applies to.</summary>
public class IndicatorStructureType
{
    public int IndicatorId { get; set; }

    public StructureType StructureType { get; set; }
}

/// <summary>A structure's own target for an indicator, replacing the default target.</summary>
public class IndicatorTarget
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public double Target { get; set; }
}

public enum IndicatorKind
{
    /// <summary>Numerator / denominator, shown as a percentage.</summary>
    Ratio = 1,

    /// <summary>An average value with the number of measures it averages (weights département figures).</summary>
    Average = 2,

    /// <summary>A count.</summary>
    Count = 3,

    /// <summary>A score entered as such (e.g. a net satisfaction rate, may be negative).</summary>
    Score = 4,
}

public enum IndicatorUnit
{
    Percent = 1,
    Minutes = 2,
    Days = 3,
    WorkingDays = 4,
    Points = 5,
    Number = 6,
}

public enum IndicatorDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public enum IndicatorSource
{
    /// <summary>Entered by correspondents each quarter.</summary>
    Entered = 1,

    /// <summary>Computed by SpPlus from the Feedback area (answers to experiences).</summary>
    ComputedFromFeedback = 2,
}

public static class IndicatorLabels
{
    public static string Label(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Ratio => "Taux (numérateur / dénominateur)",
        IndicatorKind.Average => "Moyenne (valeur et nombre de mesures)",
        IndicatorKind.Count => "Nombre",
        IndicatorKind.Score => "Score",
        _ => kind.ToString(),
    };

    /// <summary>The unit as written after a value: "%", "min", "jours"...</summary>
    public static string Symbol(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Minutes => "min",
        IndicatorUnit.Days => "jours",
        IndicatorUnit.WorkingDays => "jours ouvrés",
        IndicatorUnit.Points => "points",
        _ => "",
    };

    public static string Label(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "Pourcentage",
        IndicatorUnit.Minutes => "Minutes",
        IndicatorUnit.Days => "Jours",
        IndicatorUnit.WorkingDays => "Jours ouvrés",
        IndicatorUnit.Points => "Points",
        _ => "Nombre",
    };

    public static string Label(this IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.HigherIsBetter => "Plus c'est haut, mieux c'est",
        _ => "Plus c'est bas, mieux c'est",
    };

    public static string Label(this IndicatorSource source) => source switch
    {
        IndicatorSource.ComputedFromFeedback => "Calculé automatiquement",
        _ => "Saisi par les correspondants",
    };
}
