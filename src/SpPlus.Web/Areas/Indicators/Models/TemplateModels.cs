using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace SpPlus.Web.Areas.Indicators.Models;

public sealed class TemplateUploadViewModel
{
    public int ReportId { get; set; }

    public string StructureName { get; set; } = "";

    public string Quarter { get; set; } = "";

    public Guid ConcurrencyToken { get; set; }

    /// <summary>Every error found in the uploaded file, already worded with its sheet and cell.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];
}

public sealed class TemplateUploadForm
{
    [Display(Name = "Fichier de résultats")]
    public IFormFile? File { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
