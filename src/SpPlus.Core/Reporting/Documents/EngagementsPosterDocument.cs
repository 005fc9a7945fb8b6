using System.Globalization;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reporting.Pdf;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>What the engagements poster shows: the framework in force and its engagements, by number.</summary>
public sealed record EngagementsPosterData(int FrameworkYear, string FrameworkName, IReadOnlyList<PublicEngagement> Engagements, string OpinionUrl);

/// <summary>The engagements poster (« affiche des engagements »): the engagements in force, one A4 page for display.</summary>
public static class EngagementsPosterDocument
{
    /// <summary>No-break spaces keep « Services Publics + » on one line.</summary>
    public const string Title = "Nos engagements Services\u00A0Publics\u00A0+";

    /// <summary>"affiche-engagements-2021.pdf".</summary>
    public static string FileName(int frameworkYear) => $"affiche-engagements-{frameworkYear}.pdf";

    public static string FileName(EngagementsPosterData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileName(data.FrameworkYear);
    }

    /// <summary>The active framework's engagements (two queries, as the public engagements page); null when none is active.</summary>
    public static async Task<EngagementsPosterData?> LoadAsync(SpPlusDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var framework = await db.ActiveFrameworkAsync(cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var engagements = await db.PublicEngagementsAsync(framework.Id, cancellationToken);
        return new EngagementsPosterData(framework.Year, framework.Name, engagements, await db.OpinionFormUrlAsync(cancellationToken));
    }

    /// <summary>The PDF (pure). Engagements are grouped under « + proches », « + efficaces », « + simples » when the framework groups them.</summary>
    public static byte[] Build(EngagementsPosterData data, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = Title,
            TitleSize = 28,
            Subtitle = "Pour des services publics plus proches, plus efficaces et plus simples",
            SubtitleSize = 14,
            HeaderText = "Services Publics +",
            Subject = $"Engagements Services Publics + ({data.FrameworkYear})",
            GeneratedAt = generatedAt,
        });

        var engagements = data.Engagements.OrderBy(e => e.Number).ToList();
        if (engagements.Count == 0)
        {
            report.Paragraph("Aucun engagement n'est en vigueur.");
        }
        else if (engagements.All(e => e.Group is null))
        {
            report.NumberedItems(engagements.Select(Item).ToList(), 14);
        }
        else
        {
            // Consecutive engagements of the same group under one banner; an engagement without group stands alone.
            var runs = new List<(EngagementGroup? Group, List<PublicEngagement> Items)>();
            foreach (var engagement in engagements)
            {
                if (runs.Count == 0 || runs[^1].Group != engagement.Group)
                {
                    runs.Add((engagement.Group, []));
                }

                runs[^1].Items.Add(engagement);
            }

            for (var r = 0; r < runs.Count; r++)
            {
                var (group, items) = runs[r];
                if (group is { } g)
                {
                    report.KeepTogether(90).Spacer(r == 0 ? 0 : 6).Banner(g.Label(), 18, PdfTone.Red);
                }

                report.NumberedItems(items.Select(Item).ToList(), 13.5);
            }
        }

        report.QrCallout(
            data.OpinionUrl,
            "Votre avis compte",
            "Racontez-nous votre expérience sur la plateforme nationale Services Publics + : vos avis nous aident à nous améliorer.",
            84);
        return report.ToArray();
    }

    private static PdfListItem Item(PublicEngagement engagement) =>
        new(engagement.Number.ToString(CultureInfo.InvariantCulture), engagement.Wording);
}
