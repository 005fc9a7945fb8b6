using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SpPlus.Core.Indicators;

namespace SpPlus.Web.Charts;

/// <summary>One indicator's values over quarters against its target: what <c>_IndicatorChart</c> draws and tabulates.</summary>
public sealed record IndicatorChartModel(
    string Id,
    string Title,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? Target,
    IReadOnlyList<ChartPoint> Points)
{
    public static IndicatorChartModel From(string idPrefix, IndicatorTrend trend) => new(
        $"{idPrefix}-{trend.Code.ToLowerInvariant()}",
        trend.Label,
        trend.Unit,
        trend.Direction,
        trend.Target,
        trend.Points.Select(p => new ChartPoint(p.Quarter.ToString(), p.Value, p.IsNotApplicable)).ToList());
}

public sealed record ChartPoint(string Label, double? Value, bool IsNotApplicable = false);

/// <summary>
/// A server-rendered line chart in inline SVG: quarters on the x axis, the values as a line with dots (broken where a
/// quarter has no value), the target as a dashed line. Accessible as an image with a title and a description (the
/// figures themselves are in the data table beside it). Only presentation attributes, no style: the CSP allows them.
/// </summary>
public static class SvgLineChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 36;
    private const int Top = 16;
    private const int Bottom = 40;

    public const string LineColour = "#000091";
    public const string TargetColour = "#ce0500";
    private const string GridColour = "#dddddd";
    private const string TextColour = "#3a3a3a";

    public static IHtmlContent Render(IndicatorChartModel chart) => new HtmlString(Build(chart));

    public static string Build(IndicatorChartModel chart)
    {
        var encoder = HtmlEncoder.Default;
        var titleId = $"{chart.Id}-titre";
        var descId = $"{chart.Id}-desc";
        var values = chart.Points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var (min, max, step) = Scale(values, chart.Target, chart.Unit);

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var count = Math.Max(chart.Points.Count, 1);
        double X(int i) => Left + (count == 1 ? plotWidth / 2.0 : plotWidth * i / (double)(count - 1));
        double Y(double v) => Top + plotHeight * (1 - (v - min) / (max - min));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{encoder.Encode(chart.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descId}\">{encoder.Encode(Description(chart))}</desc>");

        // Horizontal grid lines with their values.
        for (var v = min; v <= max + step / 1000; v += step)
        {
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 8}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"13\" font-family=\"Marianne, arial, sans-serif\" fill=\"{TextColour}\">{encoder.Encode(ResultFormat.Number(Math.Round(v, 6)))}</text>");
        }

        // Quarters on the x axis.
        for (var i = 0; i < chart.Points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(X(i))}\" y=\"{Height - 14}\" text-anchor=\"middle\" font-size=\"13\" font-family=\"Marianne, arial, sans-serif\" fill=\"{TextColour}\">{encoder.Encode(chart.Points[i].Label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"{TextColour}\" stroke-width=\"1\"/>");

        // The target, dashed.
        if (chart.Target is { } target)
        {
            var y = F(Y(target));
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"sp-chart__target\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"{TargetColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        // The values: one path per run of consecutive quarters with a value, and a dot on each.
        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (chart.Points[i].Value is { } v)
            {
                path.Append(CultureInfo.InvariantCulture, $"{(pen ? " L" : " M")}{F(X(i))} {F(Y(v))}");
                pen = true;
            }
            else
            {
                pen = false;
            }
        }

        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"sp-chart__line\" d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{LineColour}\" stroke-width=\"3\" stroke-linejoin=\"round\"/>");
        }

        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (chart.Points[i].Value is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle class=\"sp-chart__point\" cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"4.5\" fill=\"{LineColour}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>What the chart shows, in words: the period, the latest value and the target.</summary>
    public static string Description(IndicatorChartModel chart)
    {
        var withValue = chart.Points.Where(p => p.Value is not null).ToList();
        var period = chart.Points.Count > 0 ? $"de {chart.Points[0].Label} à {chart.Points[^1].Label}" : "";
        var text = new StringBuilder($"Évolution trimestrielle {period}.");
        if (withValue.Count == 0)
        {
            text.Append(" Aucune valeur publiée sur la période.");
        }
        else
        {
            var last = withValue[^1];
            text.Append(CultureInfo.InvariantCulture, $" Dernière valeur : {ResultFormat.Value(last.Value, chart.Unit)} ({last.Label}).");
        }

        if (chart.Target is { } target)
        {
            text.Append(CultureInfo.InvariantCulture, $" Objectif : {ResultFormat.Value(target, chart.Unit)} (ligne en pointillés).");
        }

        text.Append(" Les valeurs figurent dans le tableau de données.");
        return text.ToString();
    }

    /// <summary>The y range and grid step: round numbers around the values and the target, percentages within 0–100.</summary>
    public static (double Min, double Max, double Step) Scale(IReadOnlyCollection<double> values, double? target, IndicatorUnit unit)
    {
        var all = values.Concat(target is { } t ? [t] : []).ToList();
        if (all.Count == 0)
        {
            return unit == IndicatorUnit.Percent ? (0, 100, 20) : (0, 10, 2);
        }

        var low = all.Min();
        var high = all.Max();
        var span = high - low;
        var padding = span > 0 ? span * 0.15 : Math.Max(Math.Abs(high) * 0.1, 1);
        low -= padding;
        high += padding;
        if (all.Min() >= 0 && low < 0)
        {
            low = 0;
        }

        if (unit == IndicatorUnit.Percent)
        {
            low = Math.Max(low, 0);
            high = Math.Min(high, 100);
        }

        var step = NiceStep((high - low) / 4);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        if (max <= min)
        {
            max = min + step;
        }

        return (min, max, step);
    }

    private static double NiceStep(double rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
