using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The names of the commands the answer editor's buttons post.</summary>
public static class AnswerCommands
{
    public const string Save = "Save";
    public const string CheckAndSubmit = "Check";
    public const string SubmitAnyway = "SubmitAnyway";
}

/// <summary>"Rédiger la réponse": the template to start from, empty for a blank page. Posted with the prefix "Start".</summary>
public sealed class AnswerStartForm
{
    public const string Prefix = "Start";

    public int ExperienceId { get; set; }

    [Display(Name = "Modèle de réponse")]
    public int? TemplateId { get; set; }
}

/// <summary>The answer editor: the experience for context beside the text of the draft.</summary>
public sealed class AnswerEditForm
{
    [Display(Name = "Texte de la réponse", Description = "La réponse est publiée sur la plateforme nationale : n'y mettez ni adresse, ni téléphone, ni nom de personne.")]
    public string? Text { get; set; }

    public Guid Token { get; set; }

    /// <summary>The button used: <see cref="AnswerCommands"/>.</summary>
    public string? Command { get; set; }

    // Shown, not posted.
    public int Id { get; set; }

    public int ExperienceId { get; set; }

    public string StructureName { get; set; } = "";

    public string? ExperienceTitle { get; set; }

    public string? ExperienceDescription { get; set; }

    public DateOnly? ExperienceDate { get; set; }

    /// <summary>The pre-submit warnings, when the check found some.</summary>
    public IReadOnlyList<AnswerWarning> Warnings { get; set; } = [];

    public AnswerApplyTemplateForm? ApplyTemplate { get; set; }
}

/// <summary>Replacing the draft's text by a template: asked, then confirmed.</summary>
public sealed class AnswerApplyTemplateForm
{
    public const string Prefix = "ApplyTemplate";

    [Display(Name = "Modèle de réponse")]
    public int? TemplateId { get; set; }

    public Guid Token { get; set; }

    public bool Confirmed { get; set; }

    public IReadOnlyList<SelectListItem> TemplateChoices { get; set; } = [];
}

/// <summary>The confirmation page before a template replaces the draft's text.</summary>
public sealed class AnswerConfirmTemplateViewModel
{
    public required int AnswerId { get; init; }

    public required int ExperienceId { get; init; }

    public required string? ExperienceTitle { get; init; }

    public required int TemplateId { get; init; }

    public required string TemplateTitle { get; init; }

    public required Guid Token { get; init; }

    public required string CurrentText { get; init; }

    public required string NewText { get; init; }
}

/// <summary>"Marquer comme publiée sur la plateforme nationale": the date the answer was posted there.</summary>
public sealed class AnswerMarkPublishedForm
{
    public const string Prefix = "MarkPublished";

    [Display(Name = "Date de publication sur la plateforme nationale", Description = "Au format jj/mm/aaaa.")]
    [DataType(DataType.Date)]
    public DateTime? PostedOn { get; set; }

    public Guid Token { get; set; }
}

/// <summary>The answer part of an experience's page (the AnswerSection view component).</summary>
public sealed class AnswerSectionViewModel
{
    public required int ExperienceId { get; init; }

    /// <summary>False while the experience waits in the unmapped queue.</summary>
    public required bool IsPlaced { get; init; }

    public required bool CanWork { get; init; }

    /// <summary>The answer, null when there is none or when the user may not see it in its state.</summary>
    public AnswerSectionAnswer? Answer { get; init; }

    /// <summary>The start form, when there is no answer and the user may write it.</summary>
    public AnswerStartForm? Start { get; init; }

    public IReadOnlyList<SelectListItem> TemplateChoices { get; init; } = [];

    public AnswerMarkPublishedForm? MarkPublished { get; init; }

    public ReviewPanelModel? Review { get; init; }
}

public sealed class AnswerSectionAnswer
{
    public required int Id { get; init; }

    public required ReviewState State { get; init; }

    public required string Text { get; init; }

    public required bool CanEdit { get; init; }

    public DateOnly? PostedOn { get; init; }

    /// <summary>True when the answer was returned for correction (a draft whose last action is a return).</summary>
    public bool IsReturned { get; init; }
}

/// <summary>"Réponses à approuver": the submitted answers, ticked to be approved together.</summary>
public sealed class AnswerApprovalViewModel
{
    public IReadOnlyList<AnswerToApprove> Rows { get; init; } = [];

    public int Page { get; init; }

    public int TotalPages { get; init; }

    public int TotalCount { get; init; }

    public IReadOnlyCollection<int>? Selected { get; init; }

    /// <summary>Ticked: the rows posted again after a refusal, or every row on a first display.</summary>
    public bool IsSelected(int id) => Selected is null || Selected.Contains(id);
}

/// <summary>What "Approuver la sélection" posts.</summary>
public sealed class AnswerApproveForm
{
    public List<int> Selected { get; set; } = [];

    public Dictionary<int, Guid> Tokens { get; set; } = [];

    public int Page { get; set; } = 1;
}
