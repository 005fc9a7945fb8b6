using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;

namespace SpPlus.Web.Areas.Feedback.Models;

/// <summary>The unmapped queue as one form: a structure and a "save the mapping" box per label, one button per label.</summary>
public sealed class MappingQueueForm
{
    public List<MappingQueueRow> Rows { get; set; } = [];

    /// <summary>The index of the row whose "Affecter" button was pressed.</summary>
    public int? Assign { get; set; }
}

public sealed class MappingQueueRow
{
    /// <summary>The label of the group, as shown (normalised again by the service).</summary>
    public string Label { get; set; } = "";

    [Display(Name = "Structure")]
    public int? StructureId { get; set; }

    [Display(Name = "Enregistrer la correspondance pour les prochains imports")]
    public bool SaveMapping { get; set; } = true;
}

/// <summary>A mapping entered by hand.</summary>
public sealed class MappingAddForm
{
    [Display(Name = "Intitulé de la structure dans l'export national", Description = "Tel qu'il figure dans l'export ; majuscules, accents et ponctuation sont ignorés.")]
    [Required(ErrorMessage = "Saisissez l'intitulé de la structure tel qu'il figure dans l'export national.")]
    [StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
    public string? Label { get; set; }

    [Display(Name = "Structure locale")]
    [Required(ErrorMessage = "Choisissez une structure.")]
    public int? StructureId { get; set; }
}

public sealed class MappingsIndexViewModel
{
    public PagedList<UnmappedGroup> Queue { get; init; } = new([], 1, 1, 0);

    public MappingQueueForm QueueForm { get; set; } = new();

    public PagedList<StructureMappingRow> Mappings { get; init; } = new([], 1, 1, 0);

    public MappingAddForm AddForm { get; set; } = new();

    public IReadOnlyList<SelectListItem> Structures { get; init; } = [];

    public int WaitingCount { get; init; }
}
