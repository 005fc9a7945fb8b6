using System.Globalization;
using System.Xml.Linq;
using SpPlus.Web.Charts;

namespace SpPlus.Web.Tests.Charts;

/// <summary>The server-rendered radar chart: accessible SVG, one polygon per series placed on its axes, nulls, legend.</summary>
public class SvgRadarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] FourAxes = ["E1", "E2", "E3", "E4"];

    private static XElement Parse(RadarChartModel chart) => XElement.Parse(SvgRadarChart.Build(chart));

    private static List<(double X, double Y)> Points(XElement polygon) => polygon.Attribute("points")!.Value
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split(','))
        .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
        .ToList();

    private static List<XElement> SeriesPolygons(XElement svg) => svg.Descendants(Svg + "polygon")
        .Where(p => p.Attribute("class")?.Value == "sp-chart__series")
        .OrderBy(p => p.Attribute("data-series")!.Value, StringComparer.Ordinal)
        .ToList();

    private static XElement OuterGrid(XElement svg) => svg.Descendants(Svg + "polygon")
        .Last(p => p.Attribute("class")?.Value == "sp-chart__grid");

    private static List<XElement> Dots(XElement svg, int series) => svg.Descendants(Svg + "circle")
        .Where(c => c.Attribute("class")?.Value == "sp-chart__point" && c.Attribute("data-series")?.Value == series.ToString(CultureInfo.InvariantCulture))
        .ToList();

    private static RadarChartModel TwoYears(params string[] axes) => new(
        "radar",
        "Auto-évaluation 2025 par engagement",
        axes,
        [
            new("2025", axes.Select((_, i) => (double?)(100 - 10 * i)).ToList()),
            new("2024", axes.Select((_, i) => (double?)(50 + 5 * i)).ToList()),
        ]);

    [Fact]
    public void The_chart_is_an_image_named_by_its_title_and_described_with_every_score_in_french()
    {
        var chart = new RadarChartModel(
            "radar",
            "Scores 2025",
            ["E1", "E2", "E3"],
            [new("2025", [75, 87.5, null]), new("2024", [50, 60, 40])]);

        var svg = Parse(chart);

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("radar-titre radar-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Scores 2025", svg.Element(Svg + "title")!.Value);
        Assert.Equal("radar-titre", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("radar-desc", svg.Element(Svg + "desc")!.Attribute("id")!.Value);
        Assert.Equal(
            "Scores par engagement, de 0 à 100 : 2025 : E1 75, E2 87,5, E3 non évalué ; 2024 : E1 50, E2 60, E3 40.",
            svg.Element(Svg + "desc")!.Value);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(12)]
    public void Each_series_is_a_polygon_with_one_vertex_and_one_dot_per_axis(int axisCount)
    {
        var axes = Enumerable.Range(1, axisCount).Select(i => $"E{i}").ToArray();

        var svg = Parse(TwoYears(axes));

        var polygons = SeriesPolygons(svg);
        Assert.Equal(2, polygons.Count);
        Assert.All(polygons, p => Assert.Equal(axisCount, Points(p).Count));
        Assert.Equal(axisCount, Dots(svg, 0).Count);
        Assert.Equal(axisCount, Dots(svg, 1).Count);
        Assert.Equal(axisCount, Points(OuterGrid(svg)).Count);
        Assert.Equal(axes, svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "sp-chart__axis").Select(t => t.Value));
    }

    [Fact]
    public void A_full_score_on_the_first_axis_is_straight_up_on_the_outer_polygon_and_the_axes_turn_clockwise()
    {
        var chart = new RadarChartModel("r", "R", FourAxes, [new("2025", [100, 50, 0, 25])]);

        var svg = Parse(chart);

        var outer = Points(OuterGrid(svg));
        var centre = (X: outer[0].X, Y: outer[1].Y);
        var series = Points(SeriesPolygons(svg).Single());

        // The first axis points up (smallest y) and the second to the right: clockwise on screen.
        Assert.Equal(outer[0], series[0]);
        Assert.Equal(outer.Min(p => p.Y), series[0].Y);
        Assert.True(outer[1].X > centre.X);
        Assert.Equal(outer[2].X, centre.X, 2);
        Assert.True(outer[2].Y > centre.Y);
        Assert.True(outer[3].X < centre.X);

        // 50 is half-way from the centre along the second axis, 0 is the centre, 25 a quarter up the fourth.
        Assert.Equal((centre.X + outer[1].X) / 2, series[1].X, 2);
        Assert.Equal(centre.Y, series[1].Y, 2);
        Assert.Equal(centre, series[2]);
        Assert.Equal(centre.X - (centre.X - outer[3].X) / 4, series[3].X, 2);
    }

    [Fact]
    public void A_value_is_placed_against_the_given_maximum_and_beyond_it_stays_on_the_outer_polygon()
    {
        var chart = new RadarChartModel("r", "R", ["E1", "E2", "E3"], [new("2025", [2, 4, 9])], Maximum: 4);

        var svg = Parse(chart);

        var outer = Points(OuterGrid(svg));
        var series = Points(SeriesPolygons(svg).Single());
        var centreY = outer[0].Y + (outer[1].Y - outer[0].Y) / 1.5;
        Assert.Equal((outer[0].Y + centreY) / 2, series[0].Y, 2);
        Assert.Equal(outer[1], series[1]);
        Assert.Equal(outer[2], series[2]);
        var scale = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "sp-chart__scale").Select(t => t.Value);
        Assert.Equal(["1", "2", "3", "4"], scale);
        Assert.StartsWith("Scores par engagement, de 0 à 4 : ", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_values_are_written_along_the_first_axis_in_french()
    {
        var svg = Parse(new RadarChartModel("r", "R", FourAxes, [new("2025", [1, 2, 3, 4])], Maximum: 10));

        var scale = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "sp-chart__scale").ToList();

        Assert.Equal(["2,5", "5", "7,5", "10"], scale.Select(t => t.Value));
        var outer = Points(OuterGrid(svg));
        Assert.All(scale, t => Assert.True(double.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture) - outer[0].X is >= 0 and < 10));
        var ys = scale.Select(t => double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ys.OrderByDescending(y => y), ys);
    }

    [Fact]
    public void A_missing_value_is_drawn_at_the_centre_without_a_dot()
    {
        var chart = new RadarChartModel("r", "R", FourAxes, [new("2025", [80, null, 60, 40]), new("2024", [70, 70])]);

        var svg = Parse(chart);

        var outer = Points(OuterGrid(svg));
        var centre = (X: outer[0].X, Y: outer[1].Y);
        var polygons = SeriesPolygons(svg);
        Assert.Equal(centre, Points(polygons[0])[1]);
        Assert.Equal(3, Dots(svg, 0).Count);
        Assert.DoesNotContain(Dots(svg, 0), d => d.Attribute("cx")!.Value == centre.X.ToString(CultureInfo.InvariantCulture)
            && d.Attribute("cy")!.Value == centre.Y.ToString(CultureInfo.InvariantCulture));

        // A series shorter than the axes: the values it lacks count as missing.
        Assert.Equal(4, Points(polygons[1]).Count);
        Assert.Equal(centre, Points(polygons[1])[3]);
        Assert.Equal(2, Dots(svg, 1).Count);
        Assert.EndsWith("2024 : E1 70, E2 70, E3 non évalué, E4 non évalué.", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_series_is_solid_and_lightly_filled_and_the_second_dashed_unfilled_in_another_colour()
    {
        var svg = Parse(TwoYears(FourAxes));

        var polygons = SeriesPolygons(svg);
        var current = polygons[0];
        var previous = polygons[1];

        Assert.Null(current.Attribute("stroke-dasharray"));
        Assert.Equal(current.Attribute("stroke")!.Value, current.Attribute("fill")!.Value);
        var opacity = double.Parse(current.Attribute("fill-opacity")!.Value, CultureInfo.InvariantCulture);
        Assert.InRange(opacity, 0.05, 0.4);

        Assert.False(string.IsNullOrWhiteSpace(previous.Attribute("stroke-dasharray")?.Value));
        Assert.Equal("none", previous.Attribute("fill")!.Value);
        Assert.NotEqual(current.Attribute("stroke")!.Value, previous.Attribute("stroke")!.Value);

        // The current year is drawn last so that it stays on top.
        var order = svg.Descendants(Svg + "polygon").Where(p => p.Attribute("class")?.Value == "sp-chart__series").ToList();
        Assert.Same(current, order[^1]);
    }

    [Fact]
    public void The_legend_below_names_both_series_and_shows_the_second_dashed()
    {
        var svg = Parse(TwoYears(FourAxes));

        var legend = svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "sp-chart__legend").ToList();

        Assert.Equal(["2025", "2024"], legend.Select(g => g.Element(Svg + "text")!.Value));
        Assert.Null(legend[0].Element(Svg + "line")!.Attribute("stroke-dasharray"));
        Assert.Equal(
            SeriesPolygons(svg)[1].Attribute("stroke-dasharray")!.Value,
            legend[1].Element(Svg + "line")!.Attribute("stroke-dasharray")?.Value);
        Assert.Equal(SeriesPolygons(svg)[1].Attribute("stroke")!.Value, legend[1].Element(Svg + "line")!.Attribute("stroke")!.Value);

        var bottomOfRadar = Points(OuterGrid(svg)).Max(p => p.Y);
        var axisLabelsBottom = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "sp-chart__axis")
            .Max(t => double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture));
        Assert.All(legend, g => Assert.True(double.Parse(g.Element(Svg + "text")!.Attribute("y")!.Value, CultureInfo.InvariantCulture) > Math.Max(bottomOfRadar, axisLabelsBottom)));
        var viewBoxHeight = double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[3], CultureInfo.InvariantCulture);
        Assert.All(legend, g => Assert.True(double.Parse(g.Element(Svg + "text")!.Attribute("y")!.Value, CultureInfo.InvariantCulture) < viewBoxHeight));
    }

    [Fact]
    public void Names_titles_and_axes_are_encoded()
    {
        var chart = new RadarChartModel(
            "r",
            "Radar <script>",
            ["E1 <b>", "E2 & co", "E3"],
            [new("Année <i>2025</i>", [10, 20, 30]), new("2024 \"précédente\"", [5, 5, 5])]);

        var html = SvgRadarChart.Build(chart);
        var svg = XElement.Parse(html);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Equal("Radar <script>", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Année <i>2025</i>");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "E2 & co");
        Assert.Contains("2024 \"précédente\" : E1 <b> 5, E2 & co 5", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void There_is_no_style_anywhere_and_coordinates_have_at_most_two_decimals_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var chart = new RadarChartModel("r", "R", Enumerable.Range(1, 7).Select(i => $"E{i}").ToList(),
                [new("2025", [33.333, 66.667, 12.5, null, 99.9, 1, 50]), new("2024", [10, 20, 30, 40, 50, 60, 70])]);

            var html = SvgRadarChart.Build(chart);
            var svg = XElement.Parse(html);

            Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null || e.Name.LocalName == "style");
            var numbers = svg.Descendants()
                .SelectMany(e => e.Attributes().Where(a => a.Name.LocalName is "x" or "y" or "cx" or "cy" or "x1" or "y1" or "x2" or "y2"))
                .Select(a => a.Value)
                .Concat(svg.Descendants(Svg + "polygon").SelectMany(p => p.Attribute("points")!.Value.Split(' ', ',')))
                .ToList();
            Assert.NotEmpty(numbers);
            Assert.All(numbers, n =>
            {
                Assert.DoesNotContain(",", n, StringComparison.Ordinal);
                Assert.True(double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _), n);
                var dot = n.IndexOf('.', StringComparison.Ordinal);
                Assert.True(dot < 0 || n.Length - dot - 1 <= 2, n);
                Assert.False(n.StartsWith("-0", StringComparison.Ordinal) && double.Parse(n, CultureInfo.InvariantCulture) == 0, n);
            });
            Assert.Equal(html, SvgRadarChart.Build(chart));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void With_fewer_than_three_axes_only_a_short_french_text_is_shown(int axisCount)
    {
        var axes = Enumerable.Range(1, axisCount).Select(i => $"E{i}").ToList();
        var chart = new RadarChartModel("r", "Scores", axes, [new("2025", axes.Select(_ => (double?)50).ToList())]);

        var svg = Parse(chart);

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("Scores", svg.Element(Svg + "title")!.Value);
        Assert.Empty(svg.Descendants(Svg + "polygon"));
        Assert.Empty(svg.Descendants(Svg + "circle"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Pas assez d'engagements pour un graphique en radar.");
        Assert.Equal("Pas assez d'engagements pour un graphique en radar.", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Render_gives_the_same_markup_as_build()
    {
        var chart = TwoYears(FourAxes);

        using var writer = new StringWriter();
        SvgRadarChart.Render(chart).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal(SvgRadarChart.Build(chart), writer.ToString());
    }
}
