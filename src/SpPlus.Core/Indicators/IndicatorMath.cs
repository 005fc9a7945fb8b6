namespace SpPlus.Core.Indicators;

/// <summary>The figures behind one value: enough to compute it and to aggregate it with others.</summary>
public readonly record struct IndicatorFigures(int? Numerator, int? Denominator, double? Value, int? Count, bool IsNotApplicable = false)
{
    public static IndicatorFigures From(IndicatorValue value) =>
        new(value.Numerator, value.Denominator, value.Value, value.Count, value.IsNotApplicable);
}

/// <summary>Computes indicator values and their weighted aggregates, and validates entered figures.</summary>
public static class IndicatorMath
{
    /// <summary>The value to show: a ratio as a percentage, the entered value otherwise; null when not computable.</summary>
    public static double? Compute(IndicatorKind kind, IndicatorFigures figures)
    {
        if (figures.IsNotApplicable)
        {
            return null;
        }

        return kind switch
        {
            IndicatorKind.Ratio => figures is { Numerator: { } n, Denominator: { } d } && d > 0 ? 100.0 * n / d : null,
            _ => figures.Value,
        };
    }

    /// <summary>
    /// The département (or any group's) figure: ratios by summing numerators and denominators, averages weighted by
    /// their count, counts summed, scores averaged. Never an average of percentages.
    /// </summary>
    public static double? Aggregate(IndicatorKind kind, IEnumerable<IndicatorFigures> figures)
    {
        var applicable = figures.Where(f => !f.IsNotApplicable).ToList();
        switch (kind)
        {
            case IndicatorKind.Ratio:
                long numerators = 0;
                long denominators = 0;
                foreach (var f in applicable.Where(f => f is { Numerator: not null, Denominator: > 0 }))
                {
                    numerators += f.Numerator!.Value;
                    denominators += f.Denominator!.Value;
                }

                return denominators > 0 ? 100.0 * numerators / denominators : null;

            case IndicatorKind.Average:
                double weighted = 0;
                long count = 0;
                foreach (var f in applicable.Where(f => f is { Value: not null, Count: > 0 }))
                {
                    weighted += f.Value!.Value * f.Count!.Value;
                    count += f.Count!.Value;
                }

                return count > 0 ? weighted / count : null;

            case IndicatorKind.Count:
                var values = applicable.Where(f => f.Value is not null).Select(f => f.Value!.Value).ToList();
                return values.Count > 0 ? values.Sum() : null;

            default:
                var scores = applicable.Where(f => f.Value is not null).Select(f => f.Value!.Value).ToList();
                return scores.Count > 0 ? scores.Average() : null;
        }
    }

    /// <summary>Whether a value meets its target, given the indicator's direction; null without value or target.</summary>
    public static bool? MeetsTarget(IndicatorDirection direction, double? value, double? target) =>
        value is null || target is null ? null
        : direction == IndicatorDirection.HigherIsBetter ? value >= target : value <= target;

    /// <summary>French messages for figures that cannot be accepted; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(Indicator indicator, IndicatorFigures figures, string? notApplicableReason)
    {
        var errors = new List<string>();
        if (figures.IsNotApplicable)
        {
            if (string.IsNullOrWhiteSpace(notApplicableReason))
            {
                errors.Add("Indiquez pourquoi l'indicateur est non applicable.");
            }

            return errors;
        }

        switch (indicator.Kind)
        {
            case IndicatorKind.Ratio:
                if (figures.Numerator is null || figures.Denominator is null)
                {
                    errors.Add("Saisissez le numérateur et le dénominateur, ou cochez « non applicable ».");
                }
                else if (figures.Denominator <= 0)
                {
                    errors.Add("Le dénominateur doit être supérieur à 0.");
                }
                else if (figures.Numerator < 0)
                {
                    errors.Add("Le numérateur ne peut pas être négatif.");
                }
                else if (figures.Numerator > figures.Denominator)
                {
                    errors.Add("Le numérateur ne peut pas dépasser le dénominateur.");
                }

                break;

            case IndicatorKind.Average:
                if (figures.Value is null || figures.Count is null)
                {
                    errors.Add("Saisissez la valeur moyenne et le nombre de mesures, ou cochez « non applicable ».");
                }
                else if (figures.Count <= 0)
                {
                    errors.Add("Le nombre de mesures doit être supérieur à 0.");
                }

                break;

            default:
                if (figures.Value is null)
                {
                    errors.Add("Saisissez la valeur, ou cochez « non applicable ».");
                }

                break;
        }

        if (indicator.Kind != IndicatorKind.Ratio && figures.Value is { } value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                errors.Add("La valeur n'est pas un nombre.");
            }
            else if (indicator.MinValue is { } min && value < min || indicator.MaxValue is { } max && value > max)
            {
                errors.Add($"La valeur doit être comprise entre {Format(indicator.MinValue)} et {Format(indicator.MaxValue)}.");
            }
        }

        return errors;
    }

    private static string Format(double? value) =>
        value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "—";
}
