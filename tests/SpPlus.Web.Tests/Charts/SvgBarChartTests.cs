using System.Globalization;
using System.Xml.Linq;
using SpPlus.Web.Charts;

namespace SpPlus.Web.Tests.Charts;

/// <summary>The server-rendered bar chart: well-formed accessible SVG, bars proportional to their values, its scale.</summary>
public class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(BarChartModel chart) => XElement.Parse(SvgBarChart.Build(chart));

    private static double Width(XElement rect) => double.Parse(rect.Attribute("width")!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_chart_is_an_image_named_by_its_title_and_described_by_its_values()
    {
        var chart = new BarChartModel("ressentis", "Nombre d'expériences par ressenti", [new("Positif", 12, "12"), new("Négatif", 3, "3")]);

        var svg = Parse(chart);

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("ressentis-titre ressentis-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Nombre d'expériences par ressenti", svg.Element(Svg + "title")!.Value);
        Assert.Equal("ressentis-titre", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal(
            "Diagramme en barres. Positif : 12, Négatif : 3. Les valeurs figurent dans le tableau de données.",
            svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Bars_are_proportional_to_their_values_and_a_zero_or_missing_value_draws_no_bar_but_keeps_its_figure()
    {
        var chart = new BarChartModel("b", "Titre", [new("A", 10, "10"), new("B", 5, "5"), new("C", 0, "0"), new("D", null, "—")]);

        var svg = Parse(chart);

        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("class")?.Value == "sp-chart__bar").ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(2.0, Width(bars[0]) / Width(bars[1]), 2);
        var values = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "sp-chart__value").Select(t => t.Value).ToList();
        Assert.Equal(["10", "5", "0", "—"], values);
    }

    [Fact]
    public void A_percentage_scale_ends_at_100_so_that_half_is_half_of_the_plot()
    {
        var half = Parse(new BarChartModel("p", "Taux", [new("T1 2019", 50, "50 %")], Maximum: 100));
        var full = Parse(new BarChartModel("p", "Taux", [new("T1 2019", 100, "100 %")], Maximum: 100));

        var halfWidth = Width(half.Descendants(Svg + "rect").Single());
        var fullWidth = Width(full.Descendants(Svg + "rect").Single());

        Assert.Equal(0.5, halfWidth / fullWidth, 3);
        Assert.Contains("100", half.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Labels_and_titles_are_encoded_and_long_labels_are_shortened_in_the_drawing_only()
    {
        var label = "Information <b>et</b> explication & simplicité des démarches";
        var chart = new BarChartModel("t", "Thèmes <script>", [new(label, 4, "4")]);

        var html = SvgBarChart.Build(chart);
        var svg = XElement.Parse(html);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal("Thèmes <script>", svg.Element(Svg + "title")!.Value);
        Assert.Contains(label, svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.EndsWith('…') && label.StartsWith(t.Value.TrimEnd('…'), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new double[] { 7, 3 }, null, 8, 2)]
    [InlineData(new double[] { 42, 10 }, null, 50, 10)]
    [InlineData(new double[] { 12 }, null, 15, 5)]
    [InlineData(new double[] { 0 }, null, 1, 1)]
    [InlineData(new double[] { }, null, 1, 1)]
    [InlineData(new double[] { 87.5, 20 }, 100.0, 100, 20)]
    public void The_scale_ends_on_a_round_number_above_the_largest_value(double[] values, double? maximum, double expectedMax, double expectedStep)
    {
        var (max, step) = SvgBarChart.Scale(values, maximum);

        Assert.Equal(expectedMax, max);
        Assert.Equal(expectedStep, step);
    }

    [Fact]
    public void The_drawing_grows_with_the_number_of_bars()
    {
        var three = Parse(new BarChartModel("h", "H", [new("A", 1, "1"), new("B", 2, "2"), new("C", 3, "3")]));
        var one = Parse(new BarChartModel("h", "H", [new("A", 1, "1")]));

        Assert.Equal($"0 0 640 {SvgBarChart.HeightFor(3)}", three.Attribute("viewBox")!.Value);
        Assert.True(SvgBarChart.HeightFor(3) > SvgBarChart.HeightFor(1));
        Assert.Equal($"0 0 640 {SvgBarChart.HeightFor(1)}", one.Attribute("viewBox")!.Value);
    }
}
