using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.ActionPlans.Models;

/// <summary>The list of plans the user may read, its filters and the form to open a plan.</summary>
public sealed class PlanListViewModel
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

    public required PagedList<ActionPlanListRow> Plans { get; init; }

    /// <summary>Null when the user may open no plan.</summary>
    public OpenPlanForm? Open { get; init; }
}

/// <summary>Open a plan: create (or find) a structure's plan for a year.</summary>
public sealed class OpenPlanForm
{
    [Display(Name = "Structure")]
    public int? OpenStructureId { get; set; }

    [Display(Name = "Année")]
    public int? OpenYear { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> YearChoices { get; set; } = [];
}

/// <summary>A plan: its actions, what the user may do, and the review panel.</summary>
public sealed class PlanDetailsViewModel
{
    public required ActionPlanSheet Plan { get; init; }

    /// <summary>Actions can be added, edited and removed (a draft, by its correspondents or the referent).</summary>
    public required bool CanEditContent { get; init; }

    /// <summary>The status and progress of the actions can be updated by this user.</summary>
    public required bool CanUpdateProgress { get; init; }

    public required ReviewPanelModel Review { get; init; }
}

/// <summary>The consolidated view "Suivi des actions".</summary>
public sealed class ActionListViewModel
{
    [Display(Name = "Année")]
    public int? Year { get; init; }

    [Display(Name = "Structure")]
    public int? StructureId { get; init; }

    [Display(Name = "Engagement")]
    public int? Engagement { get; init; }

    [Display(Name = "Statut")]
    public ActionStatus? Status { get; init; }

    [Display(Name = "Pilote", Description = "Une partie du nom suffit.")]
    public string? Owner { get; init; }

    [Display(Name = "Actions en retard seulement")]
    public bool Late { get; init; }

    [Display(Name = "« Vous nous l'avez demandé, on l'a fait » seulement")]
    public bool Asked { get; init; }

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> EngagementChoices { get; init; } = [];

    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
        [.. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public bool IsFiltered { get; init; }

    public required PagedList<ActionRow> Actions { get; init; }
}

/// <summary>
/// The form of an action (creation and edit). The rules (required title, lengths, dates, origin) are checked by
/// <see cref="ActionPlanService"/>; the form comes back with what was typed.
/// </summary>
public sealed class ActionForm
{
    public int? StructureId { get; set; }

    public int? Year { get; set; }

    [Display(Name = "Titre de l'action")]
    public string? Title { get; set; }

    [Display(Name = "Description (facultatif)")]
    public string? Description { get; set; }

    [Display(Name = "Engagement")]
    public int? EngagementId { get; set; }

    [Display(Name = "Origine de l'action")]
    public ActionOrigin? Origin { get; set; }

    public int? SourceCriterionId { get; set; }

    public int? SourceAssessmentId { get; set; }

    public int? SourceExperienceId { get; set; }

    public int? SourceDocumentReportId { get; set; }

    [Display(Name = "Indicateur (si l'action réduit l'écart d'un indicateur à sa cible)")]
    public int? SourceIndicatorId { get; set; }

    [Display(Name = "Réunion du CLAC (pour une suggestion du CLAC)")]
    public int? SourceMeetingId { get; set; }

    [Display(Name = "Précision sur l'origine", Description = "La suggestion du CLAC, ou d'où vient l'action. Obligatoire pour une suggestion du CLAC.")]
    public string? OriginDetail { get; set; }

    [Display(Name = "Pilote (facultatif)", Description = "La personne ou le service en charge de l'action.")]
    public string? OwnerName { get; set; }

    [Display(Name = "Date de début (facultatif)")]
    public DateOnly? StartOn { get; set; }

    [Display(Name = "Échéance (facultatif)")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Statut")]
    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    [Display(Name = "Avancement (en %)", Description = "Un nombre entier de 0 à 100. Une action réalisée est à 100 %.")]
    public int? Progress { get; set; }

    [Display(Name = "Priorité")]
    public ActionPriority Priority { get; set; } = ActionPriority.Normal;

    [Display(Name = ActionLabels.ShowToUsersLabel, Description = "À montrer aux usagers et au CLAC une fois l'action réalisée.")]
    public bool ShowToUsers { get; set; }

    public Guid Token { get; set; }

    /// <summary>The structure and year of the plan, shown above the form.</summary>
    [BindNever]
    [ValidateNever]
    public string PlanLabel { get; set; } = "";

    /// <summary>The source shown read-only (a criterion, an experience, a document report), when there is one.</summary>
    [BindNever]
    [ValidateNever]
    public string? SourceLabel { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> EngagementChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> OriginChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> IndicatorChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> MeetingChoices { get; set; } = [];

    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
        [.. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static IReadOnlyList<SelectListItem> PriorityChoices { get; } =
        [.. Enum.GetValues<ActionPriority>().Select(p => new SelectListItem(p.Label(), p.ToString()))];

    public ActionInput ToInput() => new()
    {
        Title = Title,
        Description = Description,
        EngagementId = EngagementId,
        Origin = Origin ?? (ActionOrigin)0,
        SourceCriterionId = SourceCriterionId,
        SourceAssessmentId = SourceAssessmentId,
        SourceExperienceId = SourceExperienceId,
        SourceDocumentReportId = SourceDocumentReportId,
        SourceIndicatorId = SourceIndicatorId,
        SourceMeetingId = SourceMeetingId,
        OriginDetail = OriginDetail,
        OwnerName = OwnerName,
        StartOn = StartOn,
        DueOn = DueOn,
        Status = Status,
        Progress = Progress ?? 0,
        Priority = Priority,
        ShowToUsers = ShowToUsers,
    };

    public static ActionForm From(ActionDetails action) => new()
    {
        StructureId = action.StructureId,
        Year = action.Year,
        Title = action.Title,
        Description = action.Description,
        EngagementId = action.EngagementId,
        Origin = action.Source.Origin,
        SourceCriterionId = action.Source.CriterionId,
        SourceAssessmentId = action.Source.AssessmentId,
        SourceExperienceId = action.Source.ExperienceId,
        SourceIndicatorId = action.Source.IndicatorId,
        SourceMeetingId = action.Source.Meeting?.Id,
        OriginDetail = action.Source.Detail,
        OwnerName = action.OwnerName,
        StartOn = action.StartOn,
        DueOn = action.DueOn,
        Status = action.Status,
        Progress = action.Progress,
        Priority = action.Priority,
        ShowToUsers = action.ShowToUsers,
        Token = action.ConcurrencyToken,
    };
}

/// <summary>An action's page: everything, its source's link, its update log and what the user may do.</summary>
public sealed class ActionDetailsViewModel
{
    public required ActionDetails Action { get; init; }

    public required bool CanEditContent { get; init; }

    public required bool CanUpdateProgress { get; init; }

    /// <summary>The address of the source (criterion, experience, indicator, meeting), when it has one.</summary>
    public string? SourceUrl { get; init; }

    public string? SourceText { get; init; }
}

/// <summary>The progress form: status, percentage and a comment, logged.</summary>
public sealed class ProgressForm
{
    [Display(Name = "Statut")]
    public ActionStatus Status { get; set; }

    [Display(Name = "Avancement (en %)", Description = "Un nombre entier de 0 à 100. Une action réalisée passe à 100 %.")]
    public int? Progress { get; set; }

    [Display(Name = "Commentaire (facultatif)", Description = "Ce qui a été fait depuis la dernière mise à jour.")]
    public string? Comment { get; set; }

    public Guid Token { get; set; }

    [BindNever]
    [ValidateNever]
    public ActionDetails? Action { get; set; }

    public static IReadOnlyList<SelectListItem> StatusChoices => ActionForm.StatusChoices;
}

/// <summary>The confirmation page of a removal.</summary>
public sealed class DeleteActionViewModel
{
    public required ActionDetails Action { get; init; }
}

public static class ActionFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", French) ?? "—";

    public static string Percent(int progress) => $"{progress.ToString(French)}\u00a0%";

    public static string Engagement(int? number, string? wording) => number is { } n ? $"{n}. {wording}" : "—";

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
