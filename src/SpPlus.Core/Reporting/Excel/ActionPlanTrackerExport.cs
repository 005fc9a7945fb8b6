using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Reviews;
using SpreadCheetah;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>The action-plan tracker, streamed: one row per improvement action of the plans given.</summary>
public static class ActionPlanTrackerExport
{
    public const string Sheet = "Suivi des actions";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Structure", "Année", "État du plan", "Action", "Engagement", "Origine", "Pilote", "Début", "Échéance", "Statut",
        "En retard", "Avancement (%)", "Priorité", $"« {ActionLabels.ShowToUsersLabel} »", "Dernière mise à jour",
    ];

    private static readonly double[] Widths = [36, 8, 14, 48, 12, 28, 24, 12, 12, 13, 11, 15, 10, 24, 20];

    public static string FileName(int year) => $"suivi-plans-action-{year}.xlsx";

    /// <param name="source">The actions to export, already scoped by the caller's read rules.</param>
    /// <param name="today">Today in Europe/Paris, for the "en retard" column.</param>
    public static async Task WriteAsync(Stream output, IQueryable<ImprovementAction> source, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, ExcelStyles.Options(), cancellationToken);
        var styles = ExcelStyles.Register(spreadsheet);
        await ExcelStyles.StartSheetAsync(spreadsheet, Sheet, Headers, Widths, styles, cancellationToken);

        var rows = source
            .OrderBy(a => a.Plan!.Structure!.Name).ThenBy(a => a.Plan!.StructureId).ThenBy(a => a.Plan!.Year).ThenBy(a => a.Id)
            .Select(a => new
            {
                Structure = a.Plan!.Structure!.Name,
                a.Plan.Year,
                PlanState = a.Plan.State,
                a.Title,
                EngagementNumber = a.Engagement != null ? (int?)a.Engagement.Number : null,
                a.Origin,
                a.OwnerName,
                a.StartOn,
                a.DueOn,
                a.Status,
                a.Progress,
                a.Priority,
                a.ShowToUsers,
                a.UpdatedAtUtc,
            })
            .AsNoTracking()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            await spreadsheet.AddRowAsync(
            [
                new Cell(row.Structure),
                new Cell(row.Year),
                new Cell(row.PlanState.Label()),
                new Cell(row.Title),
                new Cell(row.EngagementNumber),
                new Cell(row.Origin.Label()),
                ExcelStyles.Text(row.OwnerName),
                ExcelStyles.Date(row.StartOn),
                ExcelStyles.Date(row.DueOn),
                new Cell(row.Status.Label()),
                ExcelStyles.YesNo(ActionRules.IsLate(row.Status, row.DueOn, today)),
                new Cell(row.Progress),
                new Cell(row.Priority.Label()),
                ExcelStyles.YesNo(row.ShowToUsers),
                ExcelStyles.Date((DateTime?)row.UpdatedAtUtc),
            ], cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }
}
