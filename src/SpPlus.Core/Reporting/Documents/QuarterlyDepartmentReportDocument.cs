using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Pdf;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>One line of the completeness table: an active structure and the state of its report for the quarter.</summary>
public sealed record DepartmentCompletenessRow(string StructureName, StructureType StructureType, BoardCellState State, bool IsLate);

/// <summary>A structure's value for the quarter, from a published or an approved (not yet published) report.</summary>
public sealed record DepartmentStructureValue(
    string StructureName, double? Value, bool IsNotApplicable, bool IsPublished, int? Numerator, int? Denominator, double? Target, bool? MeetsTarget);

/// <summary>An indicator in the département report: the weighted département trend (published values) and each structure's value.</summary>
public sealed record DepartmentIndicator(
    string Code,
    string Label,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? Target,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<DepartmentStructureValue> Structures)
{
    /// <summary>The département figure of the quarter: the last point of the trend.</summary>
    public double? DepartmentValue => Trend.Count > 0 ? Trend[^1].Value : null;

    public bool? MeetsTarget => IndicatorMath.MeetsTarget(Direction, DepartmentValue, Target);
}

/// <summary>What the quarterly département report shows, for staff.</summary>
public sealed record QuarterlyDepartmentReportData(
    string DepartmentName,
    string? DepartmentCode,
    Quarter Quarter,
    DateOnly Deadline,
    IReadOnlyList<DepartmentCompletenessRow> Completeness,
    IReadOnlyList<Quarter> TrendQuarters,
    IReadOnlyList<DepartmentIndicator> Indicators);

/// <summary>
/// The quarterly département report (« rapport trimestriel départemental »), for staff: the completeness of every
/// active structure, the département figures over the last four quarters (weighted, published values: the rules of
/// <see cref="IndicatorResultsService"/>) and each structure's values of published and approved reports, the
/// approved ones marked as such.
/// </summary>
public static class QuarterlyDepartmentReportDocument
{
    public const string Title = "Rapport trimestriel départemental";

    public const int TrendQuarterCount = 4;

    /// <summary>The legend of the values: which reports they come from and how the département figure is computed.</summary>
    public const string ValuesLegend =
        "Valeurs des rapports publiés et des rapports approuvés (marqués « Approuvé, non publié ») : ces derniers ne sont pas encore publics. " +
        "Le chiffre départemental et son évolution portent sur les seuls résultats publiés : taux = somme des numérateurs / somme des dénominateurs, " +
        "moyennes pondérées par le nombre de mesures ; jamais de moyenne de pourcentages.";

    /// <summary>"rapport-trimestriel-aube-2026-T3.pdf".</summary>
    public static string FileName(string departmentName, Quarter quarter) => $"rapport-trimestriel-{Slug.From(departmentName)}-{quarter.ToSlug()}.pdf";

    public static string FileName(QuarterlyDepartmentReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileName(data.DepartmentName, data.Quarter);
    }

    /// <summary>
    /// The report's data: the completeness board and the département trends of <paramref name="results"/> (the same
    /// reads as the pages), the département, and one query for the structures' published and approved values.
    /// </summary>
    public static async Task<QuarterlyDepartmentReportData?> LoadAsync(
        SpPlusDbContext db, IndicatorResultsService results, Quarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(results);
        var board = await results.BoardAsync(new BoardQuery([quarter]), cancellationToken);
        var trends = await results.TrendsAsync(null, quarter, TrendQuarterCount, cancellationToken);
        if (trends is null)
        {
            return null;
        }

        var department = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Name, d.Code }).FirstOrDefaultAsync(cancellationToken);

        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Report!.Year == quarter.Year && v.Report.QuarterNumber == quarter.Number && v.Report.Structure!.IsActive)
            .Where(v => v.Report!.State == ReviewState.Published || v.Report.State == ReviewState.Approved || v.Report.State == ReviewState.Validated)
            .OrderBy(v => v.Report!.Structure!.Name)
            .Select(v => new
            {
                v.IndicatorId,
                Structure = v.Report!.Structure!.Name,
                IsPublished = v.Report.State == ReviewState.Published,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable),
                Target = v.Indicator!.Targets.Where(t => t.StructureId == v.Report.StructureId).Select(t => (double?)t.Target).FirstOrDefault()
                    ?? v.Indicator.DefaultTarget,
            })
            .ToListAsync(cancellationToken);
        var byIndicator = values.ToLookup(v => v.IndicatorId);

        var indicators = trends.Indicators
            .Select(i => new DepartmentIndicator(i.Code, i.Label, i.Kind, i.Unit, i.Direction, i.Target, i.Points,
                byIndicator[i.IndicatorId].Select(v =>
                {
                    var value = IndicatorMath.Compute(i.Kind, v.Figures);
                    return new DepartmentStructureValue(v.Structure, value, v.Figures.IsNotApplicable, v.IsPublished,
                        v.Figures.Numerator, v.Figures.Denominator, v.Target,
                        v.Figures.IsNotApplicable ? null : IndicatorMath.MeetsTarget(i.Direction, value, v.Target));
                }).ToList()))
            .ToList();

        return new QuarterlyDepartmentReportData(
            department?.Name ?? "Département",
            department?.Code,
            quarter,
            board.Quarters.Count > 0 ? board.Quarters[0].Deadline : IndicatorResultsService.Deadline(quarter, board.DeadlineDays),
            board.Rows.Select(r => new DepartmentCompletenessRow(r.StructureName, r.StructureType, r.Cells[0].State, r.Cells[0].IsLate)).ToList(),
            trends.Quarters,
            indicators);
    }

    /// <summary>The PDF (pure).</summary>
    public static byte[] Build(QuarterlyDepartmentReportData data, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var quarterLabel = DocumentText.QuarterLabel(data.Quarter);
        var departmentLabel = DocumentText.DepartmentLabel(data.DepartmentName, data.DepartmentCode);
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = Title,
            Subtitle = $"{departmentLabel} · {quarterLabel} · document de travail, non destiné au public",
            HeaderText = departmentLabel,
            Subject = $"{Title} — {quarterLabel}",
            GeneratedAt = generatedAt,
        });

        Completeness(report, data);
        Trends(report, data);
        Details(report, data);
        return report.ToArray();
    }

    private static void Completeness(PdfReport report, QuarterlyDepartmentReportData data)
    {
        var rows = data.Completeness;
        int Count(params BoardCellState[] states) => rows.Count(r => states.Contains(r.State));
        var late = rows.Count(r => r.IsLate);
        report.KeyFigures(
        [
            new KeyFigure($"{Count(BoardCellState.Published)} / {rows.Count}", "rapports publiés", Tone: PdfTone.Green),
            new KeyFigure(Count(BoardCellState.Approved).ToString(System.Globalization.CultureInfo.InvariantCulture), "approuvés, à publier"),
            new KeyFigure(Count(BoardCellState.Submitted).ToString(System.Globalization.CultureInfo.InvariantCulture), "soumis, à relire"),
            new KeyFigure(late.ToString(System.Globalization.CultureInfo.InvariantCulture), "en retard", $"Échéance : {DocumentText.Date(data.Deadline)}",
                late > 0 ? PdfTone.Red : PdfTone.Muted),
        ]);

        report.Heading("Complétude des saisies");
        var table = new PdfTable(
        [
            new PdfColumn("Structure", 3.2),
            new PdfColumn("Type", 1.6),
            new PdfColumn("État du rapport", 1.5),
            new PdfColumn("En retard", 1, PdfAlign.Center),
        ]);
        foreach (var row in rows)
        {
            table.AddRow(
                new PdfCell(row.StructureName),
                new PdfCell(row.StructureType.Label()),
                new PdfCell(row.State.Label(), Bold: true, Tone: StateTone(row.State)),
                new PdfCell(row.IsLate ? "Oui" : "Non", Bold: row.IsLate, Tone: row.IsLate ? PdfTone.Red : PdfTone.Muted));
        }

        report.Table(table);
    }

    private static void Trends(PdfReport report, QuarterlyDepartmentReportData data)
    {
        report.Heading("Chiffres départementaux et évolution");
        report.Paragraph(
            "Résultats publiés de toutes les structures actives, pondérés : taux = somme des numérateurs / somme des dénominateurs, " +
            "moyennes pondérées par le nombre de mesures ; jamais de moyenne de pourcentages. « — » : aucun résultat publié.",
            PdfTextStyle.Muted);
        var columns = new List<PdfColumn> { new("Indicateur", 3.4) };
        columns.AddRange(data.TrendQuarters.Select(q => new PdfColumn(q.ToString(), 1, PdfAlign.Right)));
        columns.Add(new PdfColumn("Objectif", 1, PdfAlign.Right));
        columns.Add(new PdfColumn("Objectif atteint ?", 1.3, PdfAlign.Center));
        var table = new PdfTable(columns);
        var last = data.TrendQuarters.Count - 1;
        foreach (var indicator in data.Indicators.Where(i => i.Trend.Any(p => p.Value is not null)))
        {
            // The unit goes with the indicator's name, so that the narrow quarter columns hold bare numbers.
            var cells = new List<PdfCell> { new(DocumentText.LabelWithUnit(indicator.Label, indicator.Unit)) };
            cells.AddRange(indicator.Trend.Select((p, k) => new PdfCell(DocumentText.BareValue(p.Value), Bold: k == last)));
            cells.Add(new PdfCell(DocumentText.BareValue(indicator.Target)));
            cells.Add(StatusCell(indicator.MeetsTarget));
            table.AddRow(cells.ToArray());
        }

        report.Table(table);

        // The rates share one scale: one line each over the four quarters.
        var rates = data.Indicators.Where(i => i.Unit == IndicatorUnit.Percent && i.Trend.Any(p => p.Value is not null)).ToList();
        if (rates.Count > 0)
        {
            report.LineChart(
                "Évolution des taux départementaux (résultats publiés)",
                data.TrendQuarters.Select(q => q.ToString()).ToList(),
                rates.Select(i => new PdfLineSeries(i.Label, i.Trend.Select(p => p.Value).ToList())).ToList(),
                axisLabel: v => DocumentText.Value(v, IndicatorUnit.Percent),
                plotHeight: 140);
        }

        var without = data.Indicators.Where(i => !i.Trend.Any(p => p.Value is not null) && i.Structures.Count == 0).Select(i => i.Label).ToList();
        if (without.Count > 0)
        {
            report.Paragraph("Sans aucun résultat sur la période : " + string.Join(" ; ", without) + ".", PdfTextStyle.Muted);
        }
    }

    private static void Details(PdfReport report, QuarterlyDepartmentReportData data)
    {
        report.Heading($"Résultats par structure — {DocumentText.QuarterLabel(data.Quarter)}");
        report.Paragraph(ValuesLegend, PdfTextStyle.Muted);
        var shown = data.Indicators.Where(i => i.Structures.Count > 0).ToList();
        if (shown.Count == 0)
        {
            report.Paragraph("Aucun rapport publié ou approuvé pour ce trimestre.");
            return;
        }

        foreach (var indicator in shown)
        {
            var table = new PdfTable(
                [
                    new PdfColumn("Structure", 3),
                    new PdfColumn("Résultat", 1.2, PdfAlign.Right),
                    new PdfColumn("Détail", 1.5, PdfAlign.Right),
                    new PdfColumn("Objectif", 1, PdfAlign.Right),
                    new PdfColumn("Objectif atteint ?", 1.3, PdfAlign.Center),
                    new PdfColumn("Rapport", 1.5),
                ],
                caption: indicator.Label);
            foreach (var value in indicator.Structures)
            {
                table.AddRow(
                    new PdfCell(value.StructureName),
                    new PdfCell(value.IsNotApplicable ? "Non applicable" : DocumentText.Value(value.Value, indicator.Unit), Bold: true),
                    new PdfCell(Detail(indicator.Kind, value), Tone: PdfTone.Muted),
                    new PdfCell(DocumentText.Value(value.Target, indicator.Unit)),
                    StatusCell(value.MeetsTarget),
                    new PdfCell(value.IsPublished ? "Publié" : "Approuvé, non publié", Tone: value.IsPublished ? PdfTone.Green : PdfTone.Orange));
            }

            table.AddRow(
                new PdfCell("Département (résultats publiés)", Bold: true),
                new PdfCell(DocumentText.Value(indicator.DepartmentValue, indicator.Unit), Bold: true, Tone: PdfTone.Blue),
                new PdfCell(string.Empty),
                new PdfCell(DocumentText.Value(indicator.Target, indicator.Unit)),
                StatusCell(indicator.MeetsTarget),
                new PdfCell(string.Empty));
            report.Table(table);
        }
    }

    private static string Detail(IndicatorKind kind, DepartmentStructureValue value) =>
        kind == IndicatorKind.Ratio && value is { Numerator: { } n, Denominator: { } d } ? $"{DocumentText.Number(n)} / {DocumentText.Number(d)}" : string.Empty;

    private static PdfCell StatusCell(bool? meets) => meets switch
    {
        true => new PdfCell("Atteint", Tone: PdfTone.Green),
        false => new PdfCell("Non atteint", Tone: PdfTone.Orange),
        _ => new PdfCell("—", Tone: PdfTone.Muted),
    };

    private static PdfTone StateTone(BoardCellState state) => state switch
    {
        BoardCellState.Published or BoardCellState.Approved => PdfTone.Green,
        BoardCellState.Returned => PdfTone.Orange,
        BoardCellState.NotStarted => PdfTone.Red,
        BoardCellState.Submitted => PdfTone.Blue,
        _ => PdfTone.Default,
    };
}
