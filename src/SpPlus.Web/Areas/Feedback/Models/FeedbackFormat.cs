using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using SpPlus.Core.Feedback;
using SpPlus.Web.Charts;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>
/// Dates, texts and figures of the Feedback pages written the French way: « 27/11/2026 », « 87,5 % », « 4,2 jours »,
/// « 1 234 », « — » when there is none. Times stored in UTC go through <see cref="Clock"/>; a <see cref="DateOnly"/>
/// has no time zone and is written as it is.
/// </summary>
public static class FeedbackFormat
{
    /// <summary>Accented letters written as they are, as the rest of the pages.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Count(int value) => value.ToString("N0", Clock.French);

    public static string Percent(double? value) => value is { } v ? $"{ResultFormat.Number(v)} %" : "—";

    /// <summary>Days: « 0 jour », « 1 jour », « 1,5 jour », « 4,2 jours ».</summary>
    public static string Days(double? value) => value is { } v ? $"{ResultFormat.Number(v)} {(Math.Abs(v) < 2 ? "jour" : "jours")}" : "—";

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>, « — » when the whole is 0.</summary>
    public static string Share(int part, int whole) => whole > 0 ? Percent(100.0 * part / whole) : "—";

    /// <summary>« 27/11/2026 », or « — » when there is no date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("dd/MM/yyyy", Clock.French) : "—";

    /// <summary>"2026-11-27": a date in an address.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A text typed on several lines, encoded, its line breaks kept as &lt;br&gt;; nothing when there is no text.</summary>
    public static IHtmlContent MultiLine(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => Encoder.Encode(l));
        return new HtmlString(string.Join("<br>", lines));
    }

    /// <summary>Counts by sentiment, « non renseigné » last when some experiences have none.</summary>
    public static BarChartModel SentimentChart(string id, FeedbackSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var bars = Enum.GetValues<Sentiment>().Select(s => new BarItem(s.Label(), summary.BySentiment[s], Count(summary.BySentiment[s]))).ToList();
        if (summary.WithoutSentiment > 0)
        {
            bars.Add(new BarItem("Non renseigné", summary.WithoutSentiment, Count(summary.WithoutSentiment)));
        }

        return new BarChartModel(id, "Nombre d'expériences par ressenti de l'usager", bars);
    }

    public static BarChartModel TagChart(string id, FeedbackSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var bars = Enum.GetValues<ExperienceTag>().Select(t => new BarItem(t.Label(), summary.ByTag[t], Count(summary.ByTag[t]))).ToList();
        return new BarChartModel(id, "Nombre d'expériences par thème", bars);
    }

    public static BarChartModel QuarterChart(string id, IReadOnlyList<QuarterFeedbackSummary> quarters)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var bars = quarters.Select(q => new BarItem(q.Quarter.ToString(), q.Summary.AnswerRatePercent, Percent(q.Summary.AnswerRatePercent))).ToList();
        return new BarChartModel(id, "Taux de réponse par trimestre de publication", bars, Maximum: 100);
    }
}
