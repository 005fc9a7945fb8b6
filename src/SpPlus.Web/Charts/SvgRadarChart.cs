using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SpPlus.Web.Charts;

/// <summary>
/// One polygon of a radar chart: its name ("2025") and one value per axis, in the order of the axes. A missing value
/// (not assessed) is drawn at the centre without a dot; values beyond the axes are ignored.
/// </summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A radar chart: what <see cref="SvgRadarChart"/> draws. The axes are short labels ("E1".."E9"); the first series is
/// the current year, the second the previous year. <paramref name="Maximum"/> is the value at the outer polygon.
/// </summary>
public sealed record RadarChartModel(
    string Id,
    string Title,
    IReadOnlyList<string> Axes,
    IReadOnlyList<RadarSeries> Series,
    double Maximum = 100);

/// <summary>
/// A server-rendered radar chart in inline SVG: one axis per category starting at 12 o'clock and turning clockwise,
/// concentric grid polygons at a quarter, half, three quarters and the whole of the scale with their values along the
/// first axis, one polygon per series with a dot on each vertex, and a legend below. The first series is drawn with a
/// solid line and a light fill, the others dashed and unfilled in another colour, so that they differ by more than
/// colour. Same look and rules as <see cref="SvgLineChart"/>: an image with a title and a description, presentation
/// attributes only, no style (the CSP allows them).
/// </summary>
public static class SvgRadarChart
{
    public const int MinimumAxes = 3;
    public const string NotEnoughAxesText = "Pas assez d'engagements pour un graphique en radar.";

    private const int Width = 640;
    private const double CentreX = 320;
    private const double CentreY = 200;
    private const double Radius = 150;
    private const double LabelGap = 16;
    private const double LegendTop = CentreY + Radius + 52;
    private const double LegendRow = 26;
    private const double LegendLeft = 230;

    public const string CurrentColour = SvgLineChart.LineColour;
    public const string PreviousColour = "#a94400";
    private const string OtherColour = "#3a3a3a";
    private const string GridColour = "#dddddd";
    private const string TextColour = "#3a3a3a";
    private const string FontFamily = "Marianne, arial, sans-serif";
    private const string FillOpacity = "0.15";

    private static readonly double[] GridFractions = [0.25, 0.5, 0.75, 1];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(RadarChartModel chart) => new HtmlString(Build(chart));

    /// <summary>The height of the drawing with a legend of <paramref name="seriesCount"/> rows.</summary>
    public static int HeightFor(int seriesCount) => (int)(LegendTop + Math.Max(seriesCount, 1) * LegendRow);

    public static string Build(RadarChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var encoder = HtmlEncoder.Default;
        var titleId = $"{chart.Id}-titre";
        var descId = $"{chart.Id}-desc";
        var svg = new StringBuilder();

        if (chart.Axes.Count < MinimumAxes)
        {
            const int emptyHeight = 60;
            svg.Append(Invariant,
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart\" viewBox=\"0 0 {Width} {emptyHeight}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
            svg.Append(Invariant, $"<title id=\"{titleId}\">{encoder.Encode(chart.Title)}</title>");
            svg.Append(Invariant, $"<desc id=\"{descId}\">{encoder.Encode(NotEnoughAxesText)}</desc>");
            svg.Append(Invariant,
                $"<text class=\"sp-chart__empty\" x=\"{Width / 2}\" y=\"{emptyHeight / 2 + 5}\" text-anchor=\"middle\" font-size=\"14\" font-family=\"{FontFamily}\" fill=\"{TextColour}\">{encoder.Encode(NotEnoughAxesText)}</text>");
            svg.Append("</svg>");
            return svg.ToString();
        }

        var axisCount = chart.Axes.Count;
        var maximum = ScaleMaximum(chart);
        var height = HeightFor(chart.Series.Count);

        svg.Append(Invariant,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart sp-chart--radar\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        svg.Append(Invariant, $"<title id=\"{titleId}\">{encoder.Encode(chart.Title)}</title>");
        svg.Append(Invariant, $"<desc id=\"{descId}\">{encoder.Encode(Description(chart))}</desc>");

        // Concentric grid polygons, then the spokes.
        foreach (var fraction in GridFractions)
        {
            var points = string.Join(" ", Enumerable.Range(0, axisCount).Select(i => Point(i, axisCount, fraction)));
            svg.Append(Invariant,
                $"<polygon class=\"sp-chart__grid\" points=\"{points}\" fill=\"none\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
        }

        for (var i = 0; i < axisCount; i++)
        {
            var (x, y) = Coordinates(i, axisCount, 1);
            svg.Append(Invariant,
                $"<line x1=\"{F(CentreX)}\" y1=\"{F(CentreY)}\" x2=\"{F(x)}\" y2=\"{F(y)}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
        }

        // The values of the grid along the first axis (straight up), just right of it.
        foreach (var fraction in GridFractions)
        {
            var y = CentreY - Radius * fraction;
            svg.Append(Invariant,
                $"<text class=\"sp-chart__scale\" x=\"{F(CentreX + 4)}\" y=\"{F(y - 3)}\" text-anchor=\"start\" font-size=\"11\" font-family=\"{FontFamily}\" fill=\"{TextColour}\">{encoder.Encode(ResultFormat.Number(Math.Round(maximum * fraction, 6)))}</text>");
        }

        // The axis labels, outside the outer polygon.
        for (var i = 0; i < axisCount; i++)
        {
            var angle = Angle(i, axisCount);
            var cos = Math.Cos(angle);
            var sin = Math.Sin(angle);
            var x = CentreX + (Radius + LabelGap) * cos;
            var y = CentreY + (Radius + LabelGap) * sin + 4.5 + 5 * sin;
            var anchor = Math.Abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
            svg.Append(Invariant,
                $"<text class=\"sp-chart__axis\" x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"bold\" font-family=\"{FontFamily}\" fill=\"{TextColour}\">{encoder.Encode(Shorten(chart.Axes[i]))}</text>");
        }

        // One polygon per series, the first on top: drawn last.
        for (var s = chart.Series.Count - 1; s >= 0; s--)
        {
            var series = chart.Series[s];
            var colour = ColourOf(s);
            var points = string.Join(" ", Enumerable.Range(0, axisCount).Select(i => Point(i, axisCount, Fraction(ValueAt(series, i), maximum))));
            var look = s == 0
                ? $"fill=\"{colour}\" fill-opacity=\"{FillOpacity}\""
                : $"fill=\"none\" stroke-dasharray=\"{DashOf(s)}\"";
            svg.Append(Invariant,
                $"<polygon class=\"sp-chart__series\" data-series=\"{s}\" points=\"{points}\" {look} stroke=\"{colour}\" stroke-width=\"{(s == 0 ? 3 : 2.5).ToString(Invariant)}\" stroke-linejoin=\"round\"/>");

            for (var i = 0; i < axisCount; i++)
            {
                if (ValueAt(series, i) is not { } value)
                {
                    continue;
                }

                var (x, y) = Coordinates(i, axisCount, Fraction(value, maximum));
                svg.Append(Invariant, $"<circle class=\"sp-chart__point\" data-series=\"{s}\" cx=\"{F(x)}\" cy=\"{F(y)}\" {DotLook(s)}/>");
            }
        }

        // The legend below: a swatch drawn like the series, then its name.
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var colour = ColourOf(s);
            var y = LegendTop + s * LegendRow;
            var dash = s == 0 ? "" : $" stroke-dasharray=\"{DashOf(s)}\"";
            svg.Append(Invariant, $"<g class=\"sp-chart__legend\" data-series=\"{s}\">");
            svg.Append(Invariant,
                $"<line x1=\"{F(LegendLeft)}\" y1=\"{F(y)}\" x2=\"{F(LegendLeft + 36)}\" y2=\"{F(y)}\" stroke=\"{colour}\" stroke-width=\"{(s == 0 ? 3 : 2.5).ToString(Invariant)}\"{dash}/>");
            svg.Append(Invariant, $"<circle cx=\"{F(LegendLeft + 18)}\" cy=\"{F(y)}\" {DotLook(s)}/>");
            svg.Append(Invariant,
                $"<text x=\"{F(LegendLeft + 46)}\" y=\"{F(y + 4.5)}\" text-anchor=\"start\" font-size=\"13\" font-family=\"{FontFamily}\" fill=\"{TextColour}\">{encoder.Encode(chart.Series[s].Name)}</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>What the chart shows, in words: every series with its value on each axis ("non évalué" when missing).</summary>
    public static string Description(RadarChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Axes.Count < MinimumAxes)
        {
            return NotEnoughAxesText;
        }

        var maximum = ScaleMaximum(chart);
        var text = new StringBuilder($"Scores par engagement, de 0 à {ResultFormat.Number(maximum)}");
        if (chart.Series.Count == 0)
        {
            text.Append(" : aucune série.");
            return text.ToString();
        }

        var parts = chart.Series.Select(series =>
        {
            var values = chart.Axes.Select((axis, i) =>
                ValueAt(series, i) is { } value ? $"{axis} {ResultFormat.Number(value)}" : $"{axis} non évalué");
            return $"{series.Name} : {string.Join(", ", values)}";
        });
        text.Append(" : ").Append(string.Join(" ; ", parts)).Append('.');
        return text.ToString();
    }

    private static double ScaleMaximum(RadarChartModel chart) => chart.Maximum > 0 ? chart.Maximum : 100;

    private static double? ValueAt(RadarSeries series, int index) => index < series.Values.Count ? series.Values[index] : null;

    /// <summary>Where a value lies between the centre (0) and the outer polygon (1); a missing value is at the centre.</summary>
    private static double Fraction(double? value, double maximum) => value is { } v ? Math.Clamp(v / maximum, 0, 1) : 0;

    /// <summary>The angle of an axis: the first straight up, the next ones clockwise (the y axis of SVG points down).</summary>
    private static double Angle(int index, int count) => -Math.PI / 2 + 2 * Math.PI * index / count;

    private static (double X, double Y) Coordinates(int index, int count, double fraction)
    {
        var angle = Angle(index, count);
        return (CentreX + Radius * fraction * Math.Cos(angle), CentreY + Radius * fraction * Math.Sin(angle));
    }

    private static string Point(int index, int count, double fraction)
    {
        var (x, y) = Coordinates(index, count, fraction);
        return $"{F(x)},{F(y)}";
    }

    private static string ColourOf(int series) => series switch
    {
        0 => CurrentColour,
        1 => PreviousColour,
        _ => OtherColour,
    };

    private static string DashOf(int series) => series == 1 ? "6 4" : "2 3";

    /// <summary>The dots: filled on the first series, hollow on the others.</summary>
    private static string DotLook(int series) => series == 0
        ? $"r=\"4.5\" fill=\"{CurrentColour}\" stroke=\"#ffffff\" stroke-width=\"1.5\""
        : $"r=\"4\" fill=\"#ffffff\" stroke=\"{ColourOf(series)}\" stroke-width=\"2\"";

    /// <summary>A label that fits beside the drawing; the full label is in the description and the data table.</summary>
    private static string Shorten(string label) => label.Length <= 18 ? label : label[..17].TrimEnd() + "…";

    /// <summary>A coordinate with at most two decimals, culture-independent, never "-0".</summary>
    private static string F(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", Invariant);
    }
}
