using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;
using SpPlus.Web.Charts;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The filters of the metrics page, as submitted (GET).</summary>
public class MetricsFilter
{
    /// <summary>The value of the "whole scope" choice: the département, or all of a correspondent's structures.</summary>
    public const int AllChoice = 0;

    [Display(Name = "Avis publiés du")]
    public DateOnly? From { get; set; }

    [Display(Name = "au (inclus)")]
    public DateOnly? To { get; set; }

    [Display(Name = "Périmètre")]
    public int? StructureId { get; set; }
}

/// <summary>The metrics page: the filters, the figures of the scope, and one row per structure when it spans several.</summary>
public sealed class MetricsViewModel : MetricsFilter
{
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    /// <summary>"le département", "DDT de l'Aube", "vos structures".</summary>
    [BindNever]
    public string ScopeName { get; init; } = "";

    /// <summary>Null when the filters are wrong or the user reads no structure.</summary>
    [BindNever]
    [ValidateNever]
    public FeedbackMetricsResult? Result { get; init; }

    /// <summary>Every structure of the scope when it spans several (with zeros for those without experiences), by name.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<StructureMetricsRow> Structures { get; init; } = [];

    public bool HasNoStructure { get; init; }
}

public sealed record StructureMetricsRow(int StructureId, string Name, FeedbackSummary Summary);

/// <summary>Feedback figures written the French way: « 87,5 % », « 4,2 jours », « 1 234 », « — » when there is none.</summary>
public static class FeedbackFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Accented letters written as they are, as the rest of the pages.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Count(int value) => value.ToString("N0", French);

    public static string Percent(double? value) => value is { } v ? $"{ResultFormat.Number(v)} %" : "—";

    /// <summary>Days: « 0 jour », « 1 jour », « 1,5 jour », « 4,2 jours ».</summary>
    public static string Days(double? value) => value is { } v ? $"{ResultFormat.Number(v)} {(Math.Abs(v) < 2 ? "jour" : "jours")}" : "—";

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>, « — » when the whole is 0.</summary>
    public static string Share(int part, int whole) => whole > 0 ? Percent(100.0 * part / whole) : "—";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    /// <summary>A text typed on several lines, encoded, its line breaks kept as &lt;br&gt;.</summary>
    public static IHtmlContent MultiLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => Encoder.Encode(l));
        return new HtmlString(string.Join("<br>", lines));
    }

    /// <summary>"2026-11-27": a date in an address.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
