using SpPlus.Core.Imports;
using SpPlus.Core.Indicators;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace SpPlus.Core.Reporting.Excel;

/// <summary>
/// Writes the quarterly entry template, streamed: a "Saisie" sheet (started like every export, see <see cref="ExcelStyles"/>)
/// and a hidden "Modèle" sheet with the marker.
/// </summary>
public static class QuarterlyTemplateWriter
{
    private static readonly double[] Widths = [24, 48, 14, 14, 10, 14, 14, 12, 18, 24, 36, 48];

    public static async Task WriteAsync(Stream output, QuarterlyTemplateTarget target, IEnumerable<QuarterlyTemplateLine> lines, CancellationToken cancellationToken = default)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, ExcelStyles.Options(), cancellationToken);
        // The header as in every export (styled, frozen, with its filter): the import reads the cells' text only.
        await ExcelStyles.StartSheetAsync(spreadsheet, QuarterlyTemplate.EntrySheet, QuarterlyTemplate.Headers, Widths, ExcelStyles.Register(spreadsheet), cancellationToken);
        foreach (var line in lines)
        {
            var indicator = line.Indicator;
            var current = line.Current;
            await spreadsheet.AddRowAsync(
            [
                new Cell(indicator.Code),
                new Cell(indicator.Label),
                new Cell(indicator.Kind.Label()),
                new Cell(indicator.Unit.Label()),
                new Cell(indicator.Target),
                new Cell(current?.Numerator),
                new Cell(current?.Denominator),
                new Cell(current?.Value),
                new Cell(current?.Count),
                new Cell(current?.IsNotApplicable == true ? "oui" : "non"),
                new Cell(current?.NotApplicableReason),
                new Cell(current?.Comment),
            ], cancellationToken);
        }

        await spreadsheet.StartWorksheetAsync(QuarterlyTemplate.MarkerSheet, new WorksheetOptions { Visibility = WorksheetVisibility.Hidden }, cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(QuarterlyTemplate.Marker)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(target.StructureSlug)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(target.Quarter.ToSlug())], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(target.StructureName)], cancellationToken);
        await spreadsheet.FinishAsync(cancellationToken);
    }
}
