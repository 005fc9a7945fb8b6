using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpreadCheetah;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>
/// The experience log, streamed: one row per experience. Personal and internal data stay out: never the postal code,
/// the assignee, the internal comments nor an answer not yet published (only a published answer's text is written).
/// </summary>
public static class ExperienceLogExport
{
    public const string Sheet = "Expériences";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Identifiant national", "Structure", "Publiée le", "Rédigée le", "Titre", "Description", "Sentiment", "Étiquettes",
        "État national", "Première réponse le", "Échéance", "En retard", "État de la réponse locale", "Réponse publiée",
    ];

    public const string NoLocalAnswer = "Aucune";

    private static readonly double[] Widths = [22, 36, 13, 13, 40, 60, 12, 40, 16, 19, 13, 11, 24, 60];

    public static string FileName(DateOnly date) => $"journal-experiences-{ExcelStyles.FileDate(date)}.xlsx";

    /// <param name="source">The experiences to export, already scoped by the caller's read rules.</param>
    /// <param name="today">Today in Europe/Paris, for the "en retard" column.</param>
    public static async Task WriteAsync(Stream output, IQueryable<Experience> source, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, ExcelStyles.Options(), cancellationToken);
        var styles = ExcelStyles.Register(spreadsheet);
        await ExcelStyles.StartSheetAsync(spreadsheet, Sheet, Headers, Widths, styles, cancellationToken);

        // The projection names every column read: the postal code, assignee, comments and drafts are never loaded.
        var rows = source
            .OrderBy(e => e.PublishedOn).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.NationalId,
                Structure = e.Structure != null ? e.Structure.Name : e.NationalStructureLabel,
                e.PublishedOn,
                e.WrittenOn,
                e.Title,
                e.Description,
                e.Sentiment,
                e.TagAccessibility,
                e.TagInformation,
                e.TagRelation,
                e.TagReactivity,
                e.TagSimplicity,
                e.NationalState,
                e.FirstAnswerOn,
                e.DueOn,
                AnswerState = e.Answer != null ? (ReviewState?)e.Answer.State : null,
                PublishedAnswer = e.Answer != null && e.Answer.State == ReviewState.Published ? e.Answer.Text : null,
                e.NationalAnswer,
            })
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            var tags = new List<string>();
            AddTag(tags, row.TagAccessibility, ExperienceTag.Accessibility);
            AddTag(tags, row.TagInformation, ExperienceTag.Information);
            AddTag(tags, row.TagRelation, ExperienceTag.Relation);
            AddTag(tags, row.TagReactivity, ExperienceTag.Reactivity);
            AddTag(tags, row.TagSimplicity, ExperienceTag.Simplicity);
            await spreadsheet.AddRowAsync(
            [
                ExcelStyles.Text(row.NationalId),
                ExcelStyles.Text(row.Structure),
                ExcelStyles.Date(row.PublishedOn),
                ExcelStyles.Date(row.WrittenOn),
                ExcelStyles.Text(row.Title),
                ExcelStyles.Text(row.Description),
                ExcelStyles.Text(row.Sentiment?.Label()),
                new Cell(string.Join(", ", tags)),
                ExcelStyles.Text(row.NationalState),
                ExcelStyles.Date(row.FirstAnswerOn),
                ExcelStyles.Date(row.DueOn),
                ExcelStyles.YesNo(ExperienceService.IsOverdue(row.AnswerState, row.FirstAnswerOn, row.DueOn, today)),
                new Cell(row.AnswerState?.Label() ?? NoLocalAnswer),
                ExcelStyles.Text(row.PublishedAnswer ?? row.NationalAnswer),
            ], cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static void AddTag(List<string> tags, bool present, ExperienceTag tag)
    {
        if (present)
        {
            tags.Add(tag.Label());
        }
    }
}
