using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SpPlus.Web.Charts;

/// <summary>One bar: its label, its value (none: no bar) and the value as written beside it ("87,5 %", "12").</summary>
public sealed record BarItem(string Label, double? Value, string ValueText);

/// <summary>
/// A bar chart: what <see cref="SvgBarChart"/> draws. <paramref name="Maximum"/> fixes the end of the scale (100 for
/// percentages); when null the scale ends on a round number above the largest value.
/// </summary>
public sealed record BarChartModel(string Id, string Title, IReadOnlyList<BarItem> Bars, double? Maximum = null);

/// <summary>
/// A server-rendered horizontal bar chart in inline SVG: one bar per category with its label on the left and its value
/// at the end of the bar, vertical grid lines with their values. Accessible as an image with a title and a description
/// (the figures themselves are in the data table shown right after it). Same look and rules as
/// <see cref="SvgLineChart"/>: presentation attributes only, no style (the CSP allows them).
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int Left = 200;
    private const int Right = 72;
    private const int Top = 12;
    private const int Bottom = 32;
    private const int RowHeight = 36;
    private const int BarHeight = 22;

    public const string BarColour = SvgLineChart.LineColour;
    private const string GridColour = "#dddddd";
    private const string TextColour = "#3a3a3a";

    public static IHtmlContent Render(BarChartModel chart) => new HtmlString(Build(chart));

    /// <summary>The height of the drawing for <paramref name="barCount"/> bars.</summary>
    public static int HeightFor(int barCount) => Top + Math.Max(barCount, 1) * RowHeight + Bottom;

    public static string Build(BarChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var encoder = HtmlEncoder.Default;
        var titleId = $"{chart.Id}-titre";
        var descId = $"{chart.Id}-desc";
        var height = HeightFor(chart.Bars.Count);
        var (max, step) = Scale(chart.Bars.Select(b => b.Value).OfType<double>(), chart.Maximum);
        var plotWidth = Width - Left - Right;
        double X(double v) => Left + plotWidth * Math.Clamp(v, 0, max) / max;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{encoder.Encode(chart.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descId}\">{encoder.Encode(Description(chart))}</desc>");

        // Vertical grid lines with their values under the plot.
        var axisY = height - Bottom;
        for (var v = 0.0; v <= max + step / 1000; v += step)
        {
            var x = F(X(v));
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{axisY}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x}\" y=\"{axisY + 20}\" text-anchor=\"middle\" font-size=\"13\" font-family=\"Marianne, arial, sans-serif\" fill=\"{TextColour}\">{encoder.Encode(ResultFormat.Number(Math.Round(v, 6)))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{axisY}\" stroke=\"{TextColour}\" stroke-width=\"1\"/>");

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var rowTop = Top + i * RowHeight;
            var middle = F(rowTop + RowHeight / 2.0 + 4.5);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 8}\" y=\"{middle}\" text-anchor=\"end\" font-size=\"13\" font-family=\"Marianne, arial, sans-serif\" fill=\"{TextColour}\">{encoder.Encode(Shorten(bar.Label))}</text>");
            var end = (double)Left;
            if (bar.Value is { } value && value > 0)
            {
                end = X(value);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"sp-chart__bar\" x=\"{Left}\" y=\"{F(rowTop + (RowHeight - BarHeight) / 2.0)}\" width=\"{F(end - Left)}\" height=\"{BarHeight}\" fill=\"{BarColour}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"sp-chart__value\" x=\"{F(end + 6)}\" y=\"{middle}\" text-anchor=\"start\" font-size=\"13\" font-weight=\"bold\" font-family=\"Marianne, arial, sans-serif\" fill=\"{TextColour}\">{encoder.Encode(bar.ValueText)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>What the chart shows, in words: each category and its value.</summary>
    public static string Description(BarChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Bars.Count == 0)
        {
            return "Diagramme en barres sans donnée.";
        }

        var parts = string.Join(", ", chart.Bars.Select(b => $"{b.Label} : {b.ValueText}"));
        return $"Diagramme en barres. {parts}. Les valeurs figurent dans le tableau de données.";
    }

    /// <summary>The end of the scale and the grid step: the given maximum, or a round number above the largest value.</summary>
    public static (double Max, double Step) Scale(IEnumerable<double> values, double? maximum)
    {
        var largest = values.DefaultIfEmpty(0).Max();
        var top = maximum is { } fixedMax && fixedMax > 0 ? Math.Max(fixedMax, largest) : Math.Max(largest, 1);
        var step = NiceStep(top / 5);
        var max = Math.Ceiling(top / step - 1e-9) * step;
        return (max, step);
    }

    private static double NiceStep(double rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        // 1, 2 or 5 times a power of ten, and at least 1: the grid of a count never shows fractions.
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.Max(nice * magnitude, 1);
    }

    /// <summary>A label that fits the left margin; the full label is in the data table and the description.</summary>
    private static string Shorten(string label) => label.Length <= 28 ? label : label[..27].TrimEnd() + "…";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
