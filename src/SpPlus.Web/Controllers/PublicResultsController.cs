using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Indicators;
using SpPlus.Web.Areas.Engagements.Models;

namespace SpPlus.Web.Controllers;

/// <summary>
/// The public results (anonymous): the structures and their latest published quarter, each structure's published
/// values with their history, and the open-data file. Only published reports ever appear here.
/// </summary>
[AllowAnonymous]
public sealed class PublicResultsController(IndicatorResultsService results, SpPlusDbContext db) : Controller
{
    public const string OpenDataFileName = "resultats-services-publics-plus.csv";

    public static readonly string[] OpenDataColumns =
        ["structure", "code_indicateur", "indicateur", "trimestre", "valeur", "unite", "objectif", "date_publication"];

    [HttpGet("/resultats")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new PublicResultsIndexViewModel
        {
            Structures = await results.PublicStructuresAsync(cancellationToken),
            OpinionFormUrl = await db.OpinionFormUrlAsync(cancellationToken),
        });

    [HttpGet("/resultats/{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken)
    {
        var structure = await results.PublicResultsAsync(slug, cancellationToken);
        if (structure is null)
        {
            return NotFound();
        }

        // The engagements in force and the structure's local commitments, as on the public engagements page.
        var framework = await db.ActiveFrameworkAsync(cancellationToken);
        var engagements = framework is null ? [] : await db.PublicEngagementsAsync(framework.Id, cancellationToken);
        var commitments = await db.PublicCommitmentsAsync([structure.Id], framework?.Id, cancellationToken);

        return View(new PublicResultsViewModel
        {
            Results = structure,
            FrameworkYear = framework?.Year,
            Engagements = EngagementSection.Build(engagements.Select(PublicEngagementsController.EngagementItemOf)),
            Commitments = commitments[structure.Id].ToList(),
            DoneActions = await db.PublicDoneActionsAsync(structure.Id, framework?.Id, cancellationToken: cancellationToken),
            OpinionFormUrl = await db.OpinionFormUrlAsync(cancellationToken),
        });
    }

    /// <summary>
    /// The open-data file of every published value: UTF-8 with a byte order mark (so that Excel reads the accents),
    /// ';'-separated, a dot as decimal separator, ISO dates; written row by row as the database returns them.
    /// </summary>
    [HttpGet("/resultats/donnees.csv")]
    public async Task Csv(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{OpenDataFileName}\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(string.Join(';', OpenDataColumns) + "\r\n");
        await foreach (var row in results.OpenDataAsync(cancellationToken))
        {
            await writer.WriteAsync(CsvLine(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string CsvLine(OpenDataRow row)
    {
        var published = Core.Common.LocalTime.DateOf(row.PublishedAtUtc);
        string[] fields =
        [
            row.Structure,
            row.IndicatorCode,
            row.IndicatorLabel,
            row.Quarter.ToSlug(),
            Number(row.Value),
            row.Unit.Symbol(),
            row.Target is { } target ? Number(target) : "",
            published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ];
        return string.Join(';', fields.Select(Escape)) + "\r\n";
    }

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}

public sealed class PublicResultsViewModel
{
    public required PublicStructureResults Results { get; init; }

    /// <summary>The year of the framework in force; null when none is active.</summary>
    public int? FrameworkYear { get; init; }

    public required IReadOnlyList<EngagementSection> Engagements { get; init; }

    public required IReadOnlyList<PublicCommitment> Commitments { get; init; }

    /// <summary>« Vous nous l'avez demandé, on l'a fait »: the actions done at users' request, the most recent first.</summary>
    public required IReadOnlyList<PublicDoneAction> DoneActions { get; init; }

    /// <summary>Where the « Donner mon avis » button leads (the setting, or the national platform).</summary>
    public required string OpinionFormUrl { get; init; }
}

public sealed class PublicResultsIndexViewModel
{
    public required IReadOnlyList<PublicStructureSummary> Structures { get; init; }

    /// <summary>Where the « Donner mon avis » button leads (the setting, or the national platform).</summary>
    public required string OpinionFormUrl { get; init; }
}
