using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;

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
