using System.ComponentModel.DataAnnotations;
using SpPlus.Core.Feedback;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The list of answer templates.</summary>
public sealed class AnswerTemplateListViewModel
{
    public IReadOnlyList<AnswerTemplateRow> Rows { get; init; } = [];

    public int Page { get; init; }

    public int TotalPages { get; init; }

    public int TotalCount { get; init; }
}

/// <summary>The template editor (create and edit).</summary>
public sealed class AnswerTemplateForm
{
    [Display(Name = "Titre du modèle", Description = "200 caractères au plus ; deux modèles ne peuvent pas porter le même titre.")]
    public string? Title { get; set; }

    [Display(Name = "Texte du modèle", Description = "10 000 caractères au plus. Les champs entre accolades sont remplacés au moment de rédiger la réponse.")]
    public string? Body { get; set; }

    // Shown, not posted.
    public int? Id { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The placeholders a template may use, with their French description, for the editor's help.</summary>
    public static IReadOnlyList<(string Placeholder, string Description)> Placeholders { get; } =
        AnswerTemplateRenderer.KnownPlaceholders
            .Select(p => (p, AnswerTemplateRenderer.Descriptions.GetValueOrDefault(p, "")))
            .ToList();
}
