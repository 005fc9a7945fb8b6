using SpPlus.Core.Indicators;

namespace SpPlus.Core.Tests.Indicators;

public class IndicatorMathTests
{
    [Fact]
    public void A_departement_ratio_is_weighted_by_the_denominators_and_differs_from_the_average_of_the_ratios()
    {
        // A big structure answers 90 calls out of 100, a small one 1 out of 10.
        IndicatorFigures[] figures = [new(90, 100, null, null), new(1, 10, null, null)];

        var weighted = IndicatorMath.Aggregate(IndicatorKind.Ratio, figures);
        var averageOfRatios = figures.Select(f => IndicatorMath.Compute(IndicatorKind.Ratio, f)!.Value).Average();

        Assert.Equal(50.0, averageOfRatios, 6);
        Assert.NotNull(weighted);
        Assert.Equal(91.0 / 110 * 100, weighted!.Value, 6);
        Assert.Equal("82,7", weighted.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        Assert.NotEqual(Math.Round(averageOfRatios, 1), Math.Round(weighted.Value, 1));
    }

    [Fact]
    public void A_departement_average_is_weighted_by_the_number_of_measures()
    {
        // 100 visitors waited 10 minutes on average in one place, 10 visitors 30 minutes in another.
        IndicatorFigures[] figures = [new(null, null, 10, 100), new(null, null, 30, 10)];

        var weighted = IndicatorMath.Aggregate(IndicatorKind.Average, figures);

        Assert.Equal(1300.0 / 110, weighted!.Value, 6);
        Assert.NotEqual(20.0, Math.Round(weighted.Value, 1));
    }

    [Fact]
    public void Not_applicable_figures_are_left_out_of_the_aggregate_and_nothing_gives_no_value()
    {
        IndicatorFigures[] figures = [new(90, 100, null, null), new(null, null, null, null, IsNotApplicable: true)];

        Assert.Equal(90.0, IndicatorMath.Aggregate(IndicatorKind.Ratio, figures)!.Value, 6);
        Assert.Null(IndicatorMath.Aggregate(IndicatorKind.Ratio, []));
        Assert.Null(IndicatorMath.Aggregate(IndicatorKind.Average, [new(null, null, null, null, IsNotApplicable: true)]));
    }

    [Fact]
    public void A_single_structure_aggregate_is_its_own_value()
    {
        var figures = new IndicatorFigures(87, 100, null, null);
        Assert.Equal(IndicatorMath.Compute(IndicatorKind.Ratio, figures), IndicatorMath.Aggregate(IndicatorKind.Ratio, [figures]));
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 85.0, 85.0, true)]
    [InlineData(IndicatorDirection.HigherIsBetter, 84.9, 85.0, false)]
    [InlineData(IndicatorDirection.LowerIsBetter, 19.5, 20.0, true)]
    [InlineData(IndicatorDirection.LowerIsBetter, 20.5, 20.0, false)]
    public void A_target_is_met_according_to_the_direction(IndicatorDirection direction, double value, double target, bool expected) =>
        Assert.Equal(expected, IndicatorMath.MeetsTarget(direction, value, target));

    [Fact]
    public void Without_a_value_or_a_target_nothing_is_said_about_the_target() =>
        Assert.Null(IndicatorMath.MeetsTarget(IndicatorDirection.HigherIsBetter, null, 80));
}
