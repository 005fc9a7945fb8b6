using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Common;
using SpPlus.Core.Indicators;
using SpPlus.Core.Structures;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.Indicators.Controllers;

/// <summary>The completeness board: who has entered, submitted, been approved or published, per quarter.</summary>
[Area("Indicators")]
[Authorize(Policy = Policies.ReviewBoard)]
public sealed class BoardController(IndicatorResultsService results) : Controller
{
    public const int StructuresPerPage = 30;
    public const int DefaultQuarterCount = 4;

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] BoardFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var lastCompleted = results.LastCompletedQuarter;
        IReadOnlyList<Quarter> quarters = filter.Year is { } year and >= 2000 and <= 2100
            ? [new(year, 1), new(year, 2), new(year, 3), new(year, 4)]
            : Quarter.Range(lastCompleted, DefaultQuarterCount);

        var board = await results.BoardAsync(new BoardQuery(quarters, filter.StructureType, filter.State), cancellationToken);
        var totalPages = Math.Max(1, (board.Rows.Count + StructuresPerPage - 1) / StructuresPerPage);
        page = Math.Clamp(page, 1, totalPages);

        var currentYear = results.Today.Year;
        return View(new BoardViewModel
        {
            Filter = filter,
            Quarters = board.Quarters,
            Rows = board.Rows.Skip((page - 1) * StructuresPerPage).Take(StructuresPerPage).ToList(),
            DeadlineDays = board.DeadlineDays,
            Today = results.Today,
            Page = page,
            TotalPages = totalPages,
            YearChoices = Enumerable.Range(2021, Math.Max(1, currentYear - 2020)).Reverse()
                .Select(y => new SelectListItem(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList(),
            TypeChoices = Enum.GetValues<StructureType>().Select(t => new SelectListItem(t.Label(), t.ToString())).ToList(),
            StateChoices = Enum.GetValues<BoardCellState>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList(),
        });
    }
}

/// <summary>The board's filters, read from the address.</summary>
public sealed class BoardFilter
{
    [Display(Name = "Année", Description = "Par défaut : les quatre derniers trimestres échus.")]
    public int? Year { get; set; }

    [Display(Name = "Type de structure")]
    public StructureType? StructureType { get; set; }

    [Display(Name = "État", Description = "Structures ayant au moins un trimestre dans cet état.")]
    public BoardCellState? State { get; set; }
}

public sealed class BoardViewModel
{
    public required BoardFilter Filter { get; init; }

    public required IReadOnlyList<BoardQuarter> Quarters { get; init; }

    public required IReadOnlyList<BoardRow> Rows { get; init; }

    public int DeadlineDays { get; init; }

    public DateOnly Today { get; init; }

    public int Page { get; init; }

    public int TotalPages { get; init; }

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> TypeChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> StateChoices { get; init; } = [];
}
