using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The filters of the experiences list, as the query string carries them.</summary>
public class ExperienceListQuery
{
    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Display(Name = "Statut")]
    public ExperienceStatus? Status { get; set; }

    [Display(Name = "Ressenti")]
    public Sentiment? Sentiment { get; set; }

    [Display(Name = "Thématique")]
    public ExperienceTag? Tag { get; set; }

    [Display(Name = "En retard uniquement")]
    public bool Overdue { get; set; }

    [Display(Name = "Qui me sont attribuées")]
    public bool Mine { get; set; }

    [Display(Name = "Publiées du", Description = "Format attendu : jj/mm/aaaa.")]
    public DateOnly? From { get; set; }

    [Display(Name = "au", Description = "Format attendu : jj/mm/aaaa.")]
    public DateOnly? To { get; set; }

    [Display(Name = "Rechercher dans les titres")]
    [StringLength(200)]
    public string? Search { get; set; }

    public int Page { get; set; } = 1;

    public bool IsFiltered =>
        StructureId is not null || Status is not null || Sentiment is not null || Tag is not null || Overdue || Mine
        || From is not null || To is not null || !string.IsNullOrWhiteSpace(Search);
}

/// <summary>The experiences list: the filters form, the count, a page of rows.</summary>
public sealed class ExperienceListViewModel : ExperienceListQuery
{
    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StatusChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> SentimentChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> TagChoices { get; init; } = [];

    /// <summary>The list shows the correspondent's own structures because no structure was chosen.</summary>
    public bool ShowingOwnStructures { get; init; }

    public required IReadOnlyList<ExperienceListRow> Rows { get; init; }

    public int TotalCount { get; init; }

    public int TotalPages { get; init; }

    /// <summary>For the referent: experiences waiting in the unmapped queue; null for the others.</summary>
    public int? UnmappedCount { get; init; }

    /// <summary>The user may enter an experience by hand for at least one structure.</summary>
    public bool CanCreate { get; init; }
}

/// <summary>One experience's page: the national data, and for the staff who work on it, the internal part.</summary>
public sealed class ExperienceDetailsViewModel
{
    public required ExperienceDetails Experience { get; init; }

    /// <summary>Internal comments, the postal code, the assignee.</summary>
    public bool CanSeeInternal { get; init; }

    /// <summary>Assigning and commenting.</summary>
    public bool CanWork { get; init; }

    /// <summary>The referent may correct the structure.</summary>
    public bool CanMove { get; init; }

    public IReadOnlyList<SelectListItem> AssigneeChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StructureChoices { get; init; } = [];

    [Display(Name = "Attribuer à")]
    public string? AssigneeUserId { get; set; }

    [Display(Name = "Nouveau commentaire interne", Description = "Visible uniquement par le référent et les correspondants de la structure. N'y mettez pas de données personnelles.")]
    public string? CommentText { get; set; }

    [Display(Name = "Structure concernée")]
    public int? MoveStructureId { get; set; }

    public int Id => Experience.Id;

    public string Heading => string.IsNullOrWhiteSpace(Experience.Title) ? $"Expérience n° {Experience.Id}" : Experience.Title;
}

/// <summary>The manual entry form.</summary>
public sealed class ExperienceForm
{
    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Display(Name = "Titre", Description = "Tel que l'usager l'a écrit, 300 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Description", Description = "Le texte de l'usager, 10 000 caractères au plus.")]
    public string? Description { get; set; }

    [Display(Name = "Date de publication", Description = "Format attendu : jj/mm/aaaa. Elle ne peut pas être dans le futur.")]
    public DateOnly? PublishedOn { get; set; }

    [Display(Name = "Date de rédaction (facultatif)", Description = "Format attendu : jj/mm/aaaa. Au plus tard la date de publication.")]
    public DateOnly? WrittenOn { get; set; }

    [Display(Name = "Ressenti de l'usager (facultatif)")]
    public Sentiment? Sentiment { get; set; }

    [Display(Name = "Thématiques (facultatif)")]
    public List<ExperienceTag> Tags { get; set; } = [];

    [Display(Name = "Identifiant national (facultatif)", Description = "L'identifiant de l'expérience sur la plateforme nationale, s'il existe.")]
    public string? NationalId { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> StructureChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> SentimentChoices { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> TagChoices { get; set; } = [];

    /// <summary>The experience that already carries the typed national id, to link to.</summary>
    [BindNever]
    [ValidateNever]
    public int? DuplicateOfId { get; set; }

    public ExperienceInput ToInput() =>
        new(StructureId, Title, Description, PublishedOn, WrittenOn, Sentiment, Tags.ToHashSet(), NationalId);
}

/// <summary>Choices shared by the experiences pages.</summary>
public static class ExperienceChoices
{
    public static IReadOnlyList<SelectListItem> Statuses() =>
        Enum.GetValues<ExperienceStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Sentiments() =>
        Enum.GetValues<Sentiment>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Tags() =>
        Enum.GetValues<ExperienceTag>().Select(t => new SelectListItem(t.Label(), t.ToString())).ToList();
}
