using System.Globalization;
using SpPlus.Core.Indicators;

namespace SpPlus.Web.Charts;

/// <summary>Indicator values written the French way: "87,5 %", "12,3 min", "—" when there is none.</summary>
public static class ResultFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(double value) => value.ToString("0.#", French);

    public static string Value(double? value, IndicatorUnit unit)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var symbol = unit.Symbol();
        return symbol.Length == 0 ? Number(v) : $"{Number(v)} {symbol}";
    }
}
