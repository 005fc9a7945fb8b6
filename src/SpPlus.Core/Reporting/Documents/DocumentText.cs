using System.Globalization;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>The French wording shared by the documents: quarters, dates, indicator values.</summary>
public static class DocumentText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    /// <summary>"1er trimestre 2026", "2e trimestre 2026": the public results page's wording.</summary>
    public static string QuarterLabel(Quarter quarter) => $"{(quarter.Number == 1 ? "1er" : $"{quarter.Number}e")} trimestre {quarter.Year}";

    /// <summary>A number in French: decimal comma, at most one decimal, thousands grouped ("278 249", "87,5").</summary>
    public static string Number(double value) => value.ToString("#,##0.#", French);

    /// <summary>"87,5 %", "12 min", "—" without value; a no-break space keeps the number with its unit.</summary>
    public static string Value(double? value, IndicatorUnit unit)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var symbol = unit.Symbol();
        return symbol.Length == 0 ? Number(v) : $"{Number(v)}\u00A0{symbol}";
    }

    /// <summary>"Aube (10)", or the name alone without a code.</summary>
    public static string DepartmentLabel(string name, string? code) => code is null ? name : $"{name} ({code})";

    /// <summary>A value without its unit ("87,5"), "—" without value: for narrow columns whose row names the unit.</summary>
    public static string BareValue(double? value) => value is { } v ? Number(v) : "—";

    /// <summary>"Taux de décroché, en %", "Temps d'attente moyen, en min": the row name of a table of bare values.</summary>
    public static string LabelWithUnit(string label, IndicatorUnit unit)
    {
        var symbol = unit.Symbol();
        return symbol.Length == 0 ? label : $"{label}, en {symbol}";
    }

    /// <summary>The calendar day in Europe/Paris of a UTC moment.</summary>
    public static DateOnly ParisDate(DateTime utc) =>
        LocalTime.DateOf(utc);

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Objectif atteint" or "Objectif non atteint" as on the public results page; null when it cannot be told.</summary>
    public static string? TargetStatus(bool? meetsTarget) => meetsTarget switch
    {
        true => "Objectif atteint",
        false => "Objectif non atteint",
        _ => null,
    };
}
