using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Pdf;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>An indicator's published value for the quarter, with the target that applies to the structure.</summary>
public sealed record ResultsPosterIndicator(string Label, IndicatorUnit Unit, IndicatorDirection Direction, double? Value, bool IsNotApplicable, double? Target)
{
    /// <summary>The public results page's rule (<see cref="IndicatorMath.MeetsTarget"/>); null without value or target.</summary>
    public bool? MeetsTarget => IsNotApplicable ? null : IndicatorMath.MeetsTarget(Direction, Value, Target);
}

/// <summary>What the results poster shows: published values only, since it is for the public.</summary>
public sealed record ResultsPosterData(
    string StructureName,
    string StructureSlug,
    Quarter Quarter,
    DateOnly? PublishedOn,
    IReadOnlyList<ResultsPosterIndicator> Indicators,
    int? FrameworkYear,
    IReadOnlyList<PublicEngagement> Engagements,
    IReadOnlyList<PublicCommitment> Commitments,
    string OpinionUrl);

/// <summary>
/// The results poster (« affiche des résultats »): one structure, one published quarter, one A4 page for the reception
/// desk — each indicator's value against its target with a tick or a cross, the engagements, a QR code to the national
/// opinion form and the publication date.
/// </summary>
public static class ResultsPosterDocument
{
    public const string Title = "Nos résultats de qualité de service";


    /// <summary>"affiche-resultats-prefecture-aube-2026-T2.pdf".</summary>
    public static string FileName(string structureSlug, Quarter quarter) => $"affiche-resultats-{structureSlug}-{quarter.ToSlug()}.pdf";

    public static string FileName(ResultsPosterData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileName(data.StructureSlug, data.Quarter);
    }

    /// <summary>
    /// The poster's data for an active structure and a quarter it has <b>published</b>; null otherwise (unknown or
    /// inactive structure, quarter not published: a draft, submitted or approved report never reaches the poster).
    /// A fixed number of queries: the values come from <see cref="IndicatorResultsService.TrendsAsync"/>, as on the
    /// public results page.
    /// </summary>
    public static async Task<ResultsPosterData?> LoadAsync(
        SpPlusDbContext db, IndicatorResultsService results, int structureId, Quarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(results);
        var structure = await db.Structures.AsNoTracking()
            .Where(s => s.Id == structureId && s.IsActive)
            .Select(s => new { s.Id, s.Name, s.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return null;
        }

        var published = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.StructureId == structureId && r.Year == quarter.Year && r.QuarterNumber == quarter.Number && r.State == ReviewState.Published)
            .Select(r => new { At = r.PublishedAtUtc ?? r.StateChangedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (published is null)
        {
            return null;
        }

        var trends = await results.TrendsAsync(structureId, quarter, 1, cancellationToken);
        var indicators = (trends?.Indicators ?? [])
            .Where(i => i.Latest is { Value: not null } or { IsNotApplicable: true })
            .Select(i => new ResultsPosterIndicator(i.Label, i.Unit, i.Direction, i.Latest!.Value, i.Latest.IsNotApplicable, i.Target))
            .ToList();

        var framework = await db.ActiveFrameworkAsync(cancellationToken);
        var engagements = framework is null ? [] : await db.PublicEngagementsAsync(framework.Id, cancellationToken);
        var commitments = await db.PublicCommitmentsAsync([structure.Id], framework?.Id, cancellationToken);

        return new ResultsPosterData(
            structure.Name,
            structure.Slug,
            quarter,
            published.At is { } at ? DocumentText.ParisDate(at) : null,
            indicators,
            framework?.Year,
            engagements,
            commitments[structure.Id].ToList(),
            await db.OpinionFormUrlAsync(cancellationToken));
    }

    /// <summary>
    /// The PDF (pure: the same data and date give the same bytes): one A4 sheet for a wall, set in the largest type
    /// that keeps everything on one page (the results' rows first, then the engagements in two columns). When even the
    /// most compact layout leaves no room, the results and the QR code fill the front and the engagements, whole, the back.
    /// </summary>
    public static byte[] Build(ResultsPosterData data, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var density in Enum.GetValues<PdfDensity>())
        {
            // The engagements in one column read best; in two columns of smaller type they leave the results larger.
            foreach (var engagementColumns in (int[])[1, 2])
            {
                var (poster, pages) = Build(data, generatedAt, density, engagementColumns, engagementsOnBack: false);
                if (pages == 1)
                {
                    return poster;
                }
            }
        }

        return Build(data, generatedAt, PdfDensity.Dense, 1, engagementsOnBack: true).Pdf;
    }

    private static (byte[] Pdf, int Pages) Build(
        ResultsPosterData data, DateTime generatedAt, PdfDensity density, int engagementColumns, bool engagementsOnBack)
    {
        var compact = density == PdfDensity.Compact;
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = Title,
            TitleSize = compact ? 21 : 25,
            HeaderText = "Services Publics +",
            Subject = $"{data.StructureName} — {DocumentText.QuarterLabel(data.Quarter)}",
            GeneratedAt = generatedAt,
        });

        report.Banner(data.StructureName, compact ? 18 : 22, PdfTone.Default);
        var period = $"Résultats du {DocumentText.QuarterLabel(data.Quarter)}";
        if (data.PublishedOn is { } publishedOn)
        {
            period += $", publiés le {DocumentText.Date(publishedOn)}";
        }

        report.Banner(period, compact ? 12 : 14, PdfTone.Blue, bold: false);

        if (data.Indicators.Count == 0)
        {
            report.Paragraph("Aucun indicateur n'a de résultat publié pour ce trimestre.");
        }
        else
        {
            // In the most compact layout, the indicators without a result this quarter share one line under the rows.
            var rows = compact ? data.Indicators.Where(i => !i.IsNotApplicable).ToList() : data.Indicators;
            report.StatusRows(rows.Select(Row).ToList(), density);
            if (compact && data.Indicators.Where(i => i.IsNotApplicable).Select(i => i.Label).ToList() is { Count: > 0 } notApplicable)
            {
                report.Paragraph($"Non applicable ce trimestre : {string.Join(" ; ", notApplicable)}.", PdfTextStyle.Small);
            }
        }

        // The call to action before the engagements: the results keep their QR code on the front.
        report.QrCallout(
            data.OpinionUrl,
            "Votre avis compte",
            "Vous avez fait une démarche auprès de notre service ? Scannez ce code pour raconter votre expérience sur la plateforme nationale Services Publics +.",
            compact ? 60 : 84);

        if (data.Commitments.Count > 0 || data.Engagements.Count > 0)
        {
            if (engagementsOnBack)
            {
                report.PageBreak();
            }

            report.Heading("Nos engagements", 2);
            foreach (var commitment in data.Commitments)
            {
                report.Paragraph($"{commitment.Kind.Label()} : {CommitmentText(commitment)}", compact ? PdfTextStyle.SmallBold : PdfTextStyle.Bold);
            }

            if (data.Engagements.Count > 0)
            {
                if (data.FrameworkYear is { } year)
                {
                    report.Paragraph($"Les engagements Services Publics + ({year}) :", PdfTextStyle.Small);
                }

                report.NumberedItems(
                    data.Engagements.Select(e => new PdfListItem(e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Wording)).ToList(),
                    engagementColumns == 1 ? 8.5 : 7.5,
                    engagementColumns);
            }
        }

        var pages = report.PageCount;
        return (report.ToArray(), pages);
    }

    private static PdfStatusRow Row(ResultsPosterIndicator indicator)
    {
        var meets = indicator.MeetsTarget;
        // A non-applicable indicator shows a dash in the value's place, so that the words do not outshine the results.
        return new PdfStatusRow(
            indicator.Label,
            indicator.IsNotApplicable ? "—" : DocumentText.Value(indicator.Value, indicator.Unit),
            indicator.Target is null ? "Pas d'objectif fixé" : $"Objectif : {DocumentText.Value(indicator.Target, indicator.Unit)}",
            meets switch { true => PdfStatus.Positive, false => PdfStatus.Negative, _ => PdfStatus.None },
            indicator.IsNotApplicable ? "Non applicable" : DocumentText.TargetStatus(meets));
    }

    private static string CommitmentText(PublicCommitment commitment)
    {
        var text = commitment.Text;
        if (commitment.AnnouncedDelayDays is { } days)
        {
            text += days == 1 ? " (1 jour)" : $" ({days} jours)";
        }

        if (commitment.Target is not null)
        {
            text += $" — objectif : {commitment.Target}";
        }

        return text;
    }
}
