using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Charts;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.SelfAssessments.Models;

/// <summary>The list of self-assessments the user may read, its filters and the form to open one.</summary>
public sealed class AssessmentListViewModel
{
    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    [Display(Name = "Année")]
    public int? Year { get; init; }

    [Display(Name = "État")]
    public ReviewState? State { get; init; }

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StateChoices { get; init; } = [];

    public bool IsFiltered { get; init; }

    public bool ShowingOwnStructures { get; init; }

    public required AssessmentListPage List { get; init; }

    /// <summary>The form to open an assessment; null when the user may open none.</summary>
    public OpenAssessmentForm? Open { get; init; }
}

/// <summary>Open a year: create (or find) a structure's self-assessment.</summary>
public sealed class OpenAssessmentForm
{
    [Required]
    [Display(Name = "Structure")]
    public int? OpenStructureId { get; set; }

    [Required]
    [Display(Name = "Année")]
    public int? OpenYear { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> YearChoices { get; set; } = [];
}

/// <summary>An assessment read-only: ratings by engagement, scores against last year, radar chart, review panel.</summary>
public sealed class AssessmentDetailsViewModel
{
    public required AssessmentSheet Sheet { get; init; }

    public required bool CanEdit { get; init; }

    /// <summary>The user may write the structure's action plan: weak criteria offer "Créer une action".</summary>
    public required bool CanCreateActions { get; init; }

    public required ReviewPanelModel Review { get; init; }

    public required RadarChartModel Radar { get; init; }
}

/// <summary>The rating form: one row per criterion of the assessment's grid.</summary>
public sealed class AssessmentEditForm
{
    public Guid Token { get; set; }

    public List<RatingRow> Rows { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public AssessmentSheet? Sheet { get; set; }

    /// <summary>The choices of every criterion: the four levels, then "non applicable".</summary>
    public static IReadOnlyList<SelectListItem> LevelChoices { get; } =
        new[] { MaturityLevel.NotEngaged, MaturityLevel.InProgress, MaturityLevel.Achieved, MaturityLevel.Exemplary, MaturityLevel.NotApplicable }
            .Select(l => new SelectListItem(l.Label(), l.ToString()))
            .ToList();

    public IReadOnlyList<RatingEntry> ToEntries() =>
        Rows.Select(r => new RatingEntry(r.CriterionId, r.Level, r.Evidence, r.Comment)).ToList();

    public static AssessmentEditForm From(AssessmentSheet sheet) => new()
    {
        Token = sheet.ConcurrencyToken,
        Sheet = sheet,
        Rows = sheet.Lines.Select(l => new RatingRow
        {
            CriterionId = l.Criterion.Id,
            Level = l.Rating?.Level,
            Evidence = l.Rating?.Evidence,
            Comment = l.Rating?.Comment,
        }).ToList(),
    };
}

/// <summary>One criterion's inputs. Labels are given by the view (they name the criterion).</summary>
public sealed class RatingRow
{
    public int CriterionId { get; set; }

    [Display(Name = "Niveau")]
    public MaturityLevel? Level { get; set; }

    [Display(Name = "Éléments de preuve")]
    public string? Evidence { get; set; }

    [Display(Name = "Commentaire")]
    public string? Comment { get; set; }
}

/// <summary>Number formatting of the scores: "37,5 %", "+12,5 points".</summary>
public static class ScoreFormat
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string Score(double? score) => score is { } s ? $"{Math.Round(s, 1).ToString("0.#", French)} %" : "—";

    public static string Difference(double? current, double? previous) =>
        current is { } c && previous is { } p
            ? (c - p) switch
            {
                var d when Math.Round(d, 1) == 0 => "0 point",
                var d => $"{(d > 0 ? "+" : "−")}{Math.Round(Math.Abs(d), 1).ToString("0.#", French)} points",
            }
            : "—";
}
