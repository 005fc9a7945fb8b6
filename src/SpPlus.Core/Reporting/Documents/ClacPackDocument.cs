using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Pdf;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>A structure's published results in the year: how many quarters, and the targets met in its latest published quarter.</summary>
public sealed record ClacStructureResults(string StructureName, int PublishedQuarters, Quarter? LatestPublished, int TargetsMet, int TargetsSet);

/// <summary>The experience figures of one structure (counts only: nothing that identifies a user).</summary>
public sealed record ClacStructureFeedback(string StructureName, FeedbackSummary Summary);

/// <summary>A structure's validated self-assessment of the year: overall and per-engagement scores, and last year's overall.</summary>
public sealed record ClacAssessmentScores(string StructureName, AssessmentScoreCard Scores, double? PreviousOverall);

/// <summary>A structure's validated action plan of the year, counted.</summary>
public sealed record ClacPlanProgress(string StructureName, int Actions, int Done, int InProgress, int Late, int Abandoned, double AverageProgress);

/// <summary>An action flagged « vous nous l'avez demandé, on l'a fait » in a validated plan (no pilote: the pack is for the public).</summary>
public sealed record ClacRequestedAction(string StructureName, string Title, int? EngagementNumber, ActionStatus Status, int Progress, DateOnly? DueOn);

/// <summary>What the CLAC pack shows: published results, experience counts, validated assessments and plans of one year.</summary>
public sealed record ClacPackData(
    string DepartmentName,
    string? DepartmentCode,
    int Year,
    DateOnly AsOf,
    int ActiveStructures,
    IReadOnlyList<Quarter> TrendQuarters,
    IReadOnlyList<IndicatorTrend> Indicators,
    IReadOnlyList<ClacStructureResults> Results,
    FeedbackSummary Feedback,
    IReadOnlyList<QuarterFeedbackSummary> FeedbackByQuarter,
    IReadOnlyList<ClacStructureFeedback> FeedbackByStructure,
    IReadOnlyDictionary<int, string> Engagements,
    IReadOnlyList<ClacAssessmentScores> Assessments,
    IReadOnlyList<ClacPlanProgress> Plans,
    IReadOnlyList<ClacRequestedAction> RequestedActions)
{
    /// <summary>The quarters of the year itself (the last four of <see cref="TrendQuarters"/>).</summary>
    public IReadOnlyList<Quarter> YearQuarters => TrendQuarters.Where(q => q.Year == Year).ToList();
}

/// <summary>
/// The CLAC pack (« dossier CLAC »): one year of the département for the local committee that includes users. It holds
/// only what may be shown to the public — <b>published</b> quarterly results (weighted département figures and their
/// trend over two years, and per structure the targets met), experience figures as counts and rates (never a user's
/// text, postal code or name), the scores of <b>validated</b> self-assessments and the progress of <b>validated</b>
/// action plans, with the actions flagged « vous nous l'avez demandé, on l'a fait » (without their pilote). Drafts,
/// submitted and approved documents never reach it, whoever downloads it.
/// </summary>
public static class ClacPackDocument
{
    public const string Title = "Dossier CLAC";

    /// <summary>The département figures cover the year and the year before: eight quarters.</summary>
    public const int TrendQuarterCount = 8;

    public const string RequestedHeading = "Vous nous l'avez demandé, on l'a fait";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"dossier-clac-aube-2026.pdf".</summary>
    public static string FileName(string departmentName, int year) => $"dossier-clac-{Slug.From(departmentName)}-{year.ToString(Invariant)}.pdf";

    public static string FileName(ClacPackData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileName(data.DepartmentName, data.Year);
    }

    /// <summary>
    /// The pack's data in a fixed number of queries, whatever the number of structures: the département trends of
    /// <paramref name="results"/> (published values), one query for the structures' published values of the year, the
    /// metrics of <paramref name="feedback"/> for the experiences published in the year, one query for the validated
    /// assessments of the year and the year before, one for the actions of the validated plans. <paramref name="today"/>
    /// (Europe/Paris) decides which actions are late.
    /// </summary>
    public static async Task<ClacPackData> LoadAsync(
        SpPlusDbContext db, IndicatorResultsService results, FeedbackMetricsService feedback, int year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(feedback);
        var department = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Name, d.Code }).FirstOrDefaultAsync(cancellationToken);
        var structures = await db.Structures.AsNoTracking().Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var names = structures.ToDictionary(s => s.Id, s => s.Name);

        var trends = await results.TrendsAsync(null, new Quarter(year, 4), TrendQuarterCount, cancellationToken)
            ?? throw new InvalidOperationException("The département trends cannot be missing.");
        var structureResults = await StructureResultsAsync(db, year, cancellationToken);

        var metrics = await feedback.SummariseAsync(new FeedbackMetricsQuery(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), cancellationToken);
        var feedbackByStructure = metrics.ByStructure
            .Select(s => new ClacStructureFeedback(names.GetValueOrDefault(s.StructureId, "Structure inconnue"), s.Summary))
            .OrderBy(s => s.StructureName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();

        var (engagements, assessments) = await AssessmentsAsync(db, year, cancellationToken);
        var (plans, requested) = await PlansAsync(db, year, today, cancellationToken);

        return new ClacPackData(
            department?.Name ?? "Département",
            department?.Code,
            year,
            today,
            structures.Count(s => s.IsActive),
            trends.Quarters,
            trends.Indicators,
            structureResults,
            metrics.Overall,
            metrics.ByQuarter,
            feedbackByStructure,
            engagements,
            assessments,
            plans,
            requested);
    }

    private static async Task<IReadOnlyList<ClacStructureResults>> StructureResultsAsync(SpPlusDbContext db, int year, CancellationToken cancellationToken)
    {
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Report!.State == ReviewState.Published && v.Report.Year == year && v.Report.Structure!.IsActive)
            .Select(v => new
            {
                v.Report!.StructureId,
                StructureName = v.Report.Structure!.Name,
                v.Report.QuarterNumber,
                v.Indicator!.Kind,
                v.Indicator.Direction,
                Figures = new IndicatorFigures(v.Numerator, v.Denominator, v.Value, v.Count, v.IsNotApplicable),
                Target = v.Indicator.Targets.Where(t => t.StructureId == v.Report.StructureId).Select(t => (double?)t.Target).FirstOrDefault()
                    ?? v.Indicator.DefaultTarget,
            })
            .ToListAsync(cancellationToken);

        return values
            .GroupBy(v => (v.StructureId, v.StructureName))
            .Select(structure =>
            {
                var latest = structure.Max(v => v.QuarterNumber);
                var judged = structure
                    .Where(v => v.QuarterNumber == latest && !v.Figures.IsNotApplicable && v.Target is not null)
                    .Select(v => IndicatorMath.MeetsTarget(v.Direction, IndicatorMath.Compute(v.Kind, v.Figures), v.Target))
                    .Where(met => met is not null)
                    .ToList();
                return new ClacStructureResults(
                    structure.Key.StructureName,
                    structure.Select(v => v.QuarterNumber).Distinct().Count(),
                    new Quarter(year, latest),
                    judged.Count(met => met == true),
                    judged.Count);
            })
            .OrderBy(s => s.StructureName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();
    }

    private static async Task<(IReadOnlyDictionary<int, string> Engagements, IReadOnlyList<ClacAssessmentScores> Assessments)> AssessmentsAsync(
        SpPlusDbContext db, int year, CancellationToken cancellationToken)
    {
        // Every criterion of each validated assessment's grid with its level, for the year and the year before (the
        // comparison): the scores are those of the assessment pages (AssessmentScores), keyed by engagement number.
        var rows = await db.SelfAssessments.AsNoTracking()
            .Where(a => a.State == ReviewState.Validated && (a.Year == year || a.Year == year - 1))
            .SelectMany(a => a.Grid!.Criteria, (a, c) => new
            {
                AssessmentId = a.Id,
                a.StructureId,
                StructureName = a.Structure!.Name,
                a.Year,
                c.Engagement!.Number,
                c.Engagement.Wording,
                Level = a.Ratings.Where(r => r.CriterionId == c.Id).Select(r => r.Level).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var engagements = rows
            .Where(r => r.Year == year)
            .GroupBy(r => r.Number)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.First().Wording);
        var scores = rows
            .GroupBy(r => (r.AssessmentId, r.StructureId, r.StructureName, r.Year))
            .Select(g => (g.Key.StructureId, g.Key.StructureName, g.Key.Year, Card: AssessmentScores.Compute(g.Select(r => new ScoredRating(r.Number, r.Level)))))
            .ToList();
        var previous = scores.Where(s => s.Year == year - 1).GroupBy(s => s.StructureId).ToDictionary(g => g.Key, g => g.First().Card.Overall);
        var assessments = scores
            .Where(s => s.Year == year)
            .Select(s => new ClacAssessmentScores(s.StructureName, s.Card, previous.GetValueOrDefault(s.StructureId)))
            .OrderBy(s => s.StructureName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();
        return (engagements, assessments);
    }

    private static async Task<(IReadOnlyList<ClacPlanProgress> Plans, IReadOnlyList<ClacRequestedAction> Requested)> PlansAsync(
        SpPlusDbContext db, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => p.State == ReviewState.Validated && p.Year == year)
            .Select(p => new { p.Id, StructureName = p.Structure!.Name })
            .ToListAsync(cancellationToken);
        var actions = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.Plan!.State == ReviewState.Validated && a.Plan.Year == year)
            .Select(a => new { a.Id, a.PlanId, a.Title, EngagementNumber = (int?)a.Engagement!.Number, a.Status, a.Progress, a.DueOn, a.ShowToUsers })
            .ToListAsync(cancellationToken);
        var byPlan = actions.ToLookup(a => a.PlanId);
        var names = plans.ToDictionary(p => p.Id, p => p.StructureName);
        var order = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

        var progress = plans
            .Select(p =>
            {
                var own = byPlan[p.Id].ToList();
                var counted = own.Where(a => a.Status != ActionStatus.Abandoned).ToList();
                return new ClacPlanProgress(
                    p.StructureName,
                    own.Count,
                    own.Count(a => a.Status == ActionStatus.Done),
                    own.Count(a => a.Status == ActionStatus.InProgress),
                    own.Count(a => ActionRules.IsLate(a.Status, a.DueOn, today)),
                    own.Count(a => a.Status == ActionStatus.Abandoned),
                    counted.Count > 0 ? counted.Average(a => a.Progress) : 0);
            })
            .OrderBy(p => p.StructureName, order)
            .ToList();

        // Done first, then the most advanced: what was done for users comes before what is under way.
        var requested = actions
            .Where(a => a.ShowToUsers && a.Status != ActionStatus.Abandoned)
            .OrderBy(a => a.Status == ActionStatus.Done ? 0 : 1)
            .ThenByDescending(a => a.Progress)
            .ThenBy(a => names[a.PlanId], order)
            .ThenBy(a => a.Id)
            .Select(a => new ClacRequestedAction(names[a.PlanId], a.Title, a.EngagementNumber, a.Status, a.Progress, a.DueOn))
            .ToList();
        return (progress, requested);
    }

    /// <summary>The PDF (pure: the same data and date give the same bytes).</summary>
    public static byte[] Build(ClacPackData data, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var year = data.Year.ToString(Invariant);
        var departmentLabel = DocumentText.DepartmentLabel(data.DepartmentName, data.DepartmentCode);
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = $"{Title} {year}",
            Subtitle = $"{departmentLabel} · comité local des usagers · résultats publiés et documents validés au {DocumentText.Date(data.AsOf)}",
            HeaderText = departmentLabel,
            Subject = $"{Title} {year} — {departmentLabel}",
            GeneratedAt = generatedAt,
        });

        Overview(report, data);
        Results(report, data);
        Experiences(report, data);
        Assessments(report, data);
        Plans(report, data);
        Requested(report, data);
        return report.ToArray();
    }

    private static void Overview(PdfReport report, ClacPackData data)
    {
        var done = data.Plans.Sum(p => p.Done);
        var actions = data.Plans.Sum(p => p.Actions);
        report.KeyFigures(
        [
            new KeyFigure($"{N(data.Results.Count)} / {N(data.ActiveStructures)}", "structures ayant publié leurs résultats", Tone: PdfTone.Blue),
            new KeyFigure(N(data.Feedback.Total), "expériences usagers publiées",
                data.Feedback.AnswerRatePercent is { } rate ? $"{Percent(rate)} avec une réponse" : null),
            new KeyFigure($"{N(done)} / {N(actions)}", "actions réalisées", "plans d'action validés", PdfTone.Green),
            new KeyFigure(N(data.RequestedActions.Count(a => a.Status == ActionStatus.Done)), "« vous nous l'avez demandé »",
                "actions réalisées", PdfTone.Blue),
        ]);
        report.Paragraph(
            "Ce dossier ne contient que des informations publiques : les résultats publiés, des chiffres sur les expériences " +
            "déposées par les usagers (jamais leurs noms, messages ni codes postaux), les auto-évaluations et plans d'action " +
            "validés par le comité de pilotage.",
            PdfTextStyle.Muted);
    }

    private static void Results(PdfReport report, ClacPackData data)
    {
        report.Heading("Résultats de qualité de service publiés");
        report.Paragraph(
            "Chiffres du département : résultats publiés de toutes les structures, pondérés (taux = somme des numérateurs / somme " +
            "des dénominateurs ; moyennes pondérées par le nombre de mesures). « — » : aucun résultat publié pour le trimestre.",
            PdfTextStyle.Muted);
        var quarters = data.YearQuarters;
        var shown = data.Indicators.Where(i => i.Points.Any(p => p.Value is not null)).ToList();
        if (shown.Count == 0)
        {
            report.Paragraph($"Aucun résultat publié en {data.Year.ToString(Invariant)} ni l'année précédente.");
        }
        else
        {
            // The unit goes with the indicator's name, so that the narrow quarter columns hold bare numbers.
            var columns = new List<PdfColumn> { new("Indicateur", 3.4) };
            columns.AddRange(quarters.Select(q => new PdfColumn($"T{q.Number.ToString(Invariant)}", 0.9, PdfAlign.Right)));
            columns.Add(new PdfColumn("Objectif", 1, PdfAlign.Right));
            columns.Add(new PdfColumn("Dernier trimestre", 1.4, PdfAlign.Center));
            var table = new PdfTable(columns, caption: $"Chiffres départementaux par trimestre de {data.Year.ToString(Invariant)}");
            foreach (var indicator in shown)
            {
                var cells = new List<PdfCell> { new(DocumentText.LabelWithUnit(indicator.Label, indicator.Unit)) };
                cells.AddRange(quarters.Select(q => new PdfCell(DocumentText.BareValue(indicator.Points.FirstOrDefault(p => p.Quarter == q)?.Value))));
                cells.Add(new PdfCell(DocumentText.BareValue(indicator.Target)));
                var latest = indicator.Points.LastOrDefault(p => p.Quarter.Year == data.Year && p.Value is not null);
                cells.Add(StatusCell(latest is null ? null : IndicatorMath.MeetsTarget(indicator.Direction, latest.Value, indicator.Target)));
                table.AddRow(cells.ToArray());
            }

            report.Table(table);

            var rates = shown.Where(i => i.Unit == IndicatorUnit.Percent).ToList();
            if (rates.Count > 0)
            {
                report.LineChart(
                    "Évolution des taux sur deux ans (chiffres départementaux publiés)",
                    data.TrendQuarters.Select(q => q.ToString()).ToList(),
                    rates.Select(i => new PdfLineSeries(i.Label, i.Points.Select(p => p.Value).ToList())).ToList(),
                    axisLabel: v => DocumentText.Value(v, IndicatorUnit.Percent),
                    plotHeight: 150);
            }
        }

        report.Heading("Résultats publiés par structure", 2);
        if (data.Results.Count == 0)
        {
            report.Paragraph("Aucune structure n'a publié de résultats cette année.");
            return;
        }

        var byStructure = new PdfTable(
        [
            new PdfColumn("Structure", 3.4),
            new PdfColumn("Trimestres publiés", 1.3, PdfAlign.Center),
            new PdfColumn("Dernier trimestre publié", 1.7, PdfAlign.Center),
            new PdfColumn("Objectifs atteints", 1.5, PdfAlign.Center),
        ]);
        foreach (var structure in data.Results)
        {
            byStructure.AddRow(
                new PdfCell(structure.StructureName),
                new PdfCell($"{N(structure.PublishedQuarters)} / 4"),
                new PdfCell(structure.LatestPublished is { } q ? q.ToString() : "—"),
                new PdfCell(structure.TargetsSet == 0 ? "—" : $"{N(structure.TargetsMet)} sur {N(structure.TargetsSet)}", Bold: true,
                    Tone: structure.TargetsSet == 0 ? PdfTone.Muted : structure.TargetsMet == structure.TargetsSet ? PdfTone.Green : PdfTone.Default));
        }

        report.Table(byStructure);
    }

    private static void Experiences(PdfReport report, ClacPackData data)
    {
        var year = data.Year.ToString(Invariant);
        var summary = data.Feedback;
        // The heading stays with its key figures, taller than what a heading keeps by itself.
        report.KeepTogether(130);
        report.Heading("Expériences des usagers (« Je donne mon avis »)");
        if (summary.Total == 0)
        {
            report.Paragraph($"Aucune expérience publiée en {year} sur la plateforme nationale pour les structures du département.");
            return;
        }

        report.KeyFigures(
        [
            new KeyFigure(N(summary.Total), "expériences publiées"),
            new KeyFigure(Percent(summary.AnswerRatePercent), "avec une réponse", $"{N(summary.Answered)} réponses", PdfTone.Green),
            new KeyFigure(Days(summary.AverageDelayDays), "délai moyen de réponse", Tone: PdfTone.Blue),
            new KeyFigure(Percent(summary.AnsweredWithinDelayPercent), $"répondues en {N(summary.AnswerDelayDays)} jours au plus",
                "part de toutes les expériences", PdfTone.Blue),
        ]);

        var sentiments = Enum.GetValues<Sentiment>()
            .Select(s => new PdfBarItem(s.Label(), summary.BySentiment.GetValueOrDefault(s), Share(summary.BySentiment.GetValueOrDefault(s), summary.Total), SentimentTone(s)))
            .ToList();
        if (summary.WithoutSentiment > 0)
        {
            sentiments.Add(new PdfBarItem("Non renseigné", summary.WithoutSentiment, Share(summary.WithoutSentiment, summary.Total), PdfTone.Muted));
        }

        report.BarChart("Ressenti exprimé par les usagers", sentiments, CountScale(sentiments.Select(b => (int)b.Value)));
        var tags = Enum.GetValues<ExperienceTag>().Select(t => new PdfBarItem(t.Label(), summary.ByTag.GetValueOrDefault(t), N(summary.ByTag.GetValueOrDefault(t)))).ToList();
        report.BarChart("Thèmes abordés (une expérience peut en aborder plusieurs)", tags, CountScale(tags.Select(b => (int)b.Value)));

        FeedbackTable(report, "Par trimestre de publication", "Trimestre", 1.4,
            data.FeedbackByQuarter.Select(q => (DocumentText.QuarterLabel(q.Quarter), q.Summary)));
        FeedbackTable(report, "Par structure", "Structure", 3.4, data.FeedbackByStructure.Select(s => (s.StructureName, s.Summary)));
    }

    /// <summary>One row of counts and rates per quarter or structure: the same columns for both.</summary>
    private static void FeedbackTable(
        PdfReport report, string caption, string firstHeader, double firstWidth, IEnumerable<(string Label, FeedbackSummary Summary)> rows)
    {
        var table = new PdfTable(
            [
                new PdfColumn(firstHeader, firstWidth),
                new PdfColumn("Expériences", 1.2, PdfAlign.Right),
                new PdfColumn("Ressenti positif", 1.3, PdfAlign.Right),
                new PdfColumn("Avec une réponse", 1.3, PdfAlign.Right),
                new PdfColumn("Délai moyen", 1.2, PdfAlign.Right),
            ],
            caption: caption);
        foreach (var (label, summary) in rows)
        {
            table.AddRow(
                new PdfCell(label),
                new PdfCell(N(summary.Total), Bold: true),
                new PdfCell(Share(summary.BySentiment.GetValueOrDefault(Sentiment.Positive), summary.Total)),
                new PdfCell(Percent(summary.AnswerRatePercent)),
                new PdfCell(Days(summary.AverageDelayDays)));
        }

        report.Table(table);
    }

    private static void Assessments(PdfReport report, ClacPackData data)
    {
        var year = data.Year.ToString(Invariant);
        // The heading and its note stay with the chart (about 18 points a bar).
        report.KeepTogether(90 + (18 * data.Engagements.Count));
        report.Heading("Auto-évaluations validées");
        if (data.Assessments.Count == 0)
        {
            report.Paragraph($"Aucune auto-évaluation {year} n'a encore été validée par le comité de pilotage.");
            return;
        }

        report.Paragraph(
            "Chaque critère est noté de 1 (non engagé) à 4 (exemplaire) ; un score est la moyenne des notes en pourcentage du maximum. " +
            "Les critères non applicables ne comptent pas.",
            PdfTextStyle.Muted);
        var perEngagement = data.Engagements.Keys
            .Select(number => (Number: number, Scores: data.Assessments.Select(a => a.Scores.ScoreOf(number)).OfType<double>().ToList()))
            .Where(e => e.Scores.Count > 0)
            .Select(e => new PdfBarItem($"Engagement n°\u00A0{N(e.Number)}", e.Scores.Average(), Percent(e.Scores.Average()), ScoreTone(e.Scores.Average())))
            .ToList();
        if (perEngagement.Count > 0)
        {
            var count = data.Assessments.Count;
            report.BarChart($"Score moyen par engagement ({N(count)} {(count > 1 ? "structures" : "structure")})", perEngagement, 100, v => Percent(v));
        }

        var table = new PdfTable(
        [
            new PdfColumn("Structure", 3.2),
            new PdfColumn($"Score {year}", 1.1, PdfAlign.Right),
            new PdfColumn($"Score {(data.Year - 1).ToString(Invariant)}", 1.1, PdfAlign.Right),
            new PdfColumn("Engagement le mieux noté", 1.5, PdfAlign.Center),
            new PdfColumn("Engagement à renforcer", 1.5, PdfAlign.Center),
        ]);
        foreach (var assessment in data.Assessments)
        {
            var scored = assessment.Scores.ByEngagement.Values.Where(e => e.Score is not null).ToList();
            var best = scored.OrderByDescending(e => e.Score).ThenBy(e => e.EngagementKey).FirstOrDefault();
            var weakest = scored.OrderBy(e => e.Score).ThenBy(e => e.EngagementKey).FirstOrDefault();
            table.AddRow(
                new PdfCell(assessment.StructureName),
                new PdfCell(Percent(assessment.Scores.Overall), Bold: true, Tone: ScoreTone(assessment.Scores.Overall)),
                new PdfCell(Percent(assessment.PreviousOverall), Tone: PdfTone.Muted),
                new PdfCell(best is null ? "—" : $"n°\u00A0{N(best.EngagementKey)} ({Percent(best.Score)})"),
                new PdfCell(weakest is null || weakest == best ? "—" : $"n°\u00A0{N(weakest.EngagementKey)} ({Percent(weakest.Score)})"));
        }

        report.Table(table);
        report.Heading("Les engagements", 2);
        report.NumberedItems(data.Engagements.Select(e => new PdfListItem(N(e.Key), e.Value)).ToList(), 8.5);
    }

    private static void Plans(PdfReport report, ClacPackData data)
    {
        report.Heading("Avancement des plans d'action validés");
        if (data.Plans.Count == 0)
        {
            report.Paragraph($"Aucun plan d'action {data.Year.ToString(Invariant)} n'a encore été validé par le comité de pilotage.");
            return;
        }

        report.Paragraph(
            $"Avancement moyen : moyenne des avancements déclarés, hors actions abandonnées. « En retard » : échéance dépassée au " +
            $"{DocumentText.Date(data.AsOf)}, action ni réalisée ni abandonnée.",
            PdfTextStyle.Muted);
        var table = new PdfTable(
        [
            new PdfColumn("Structure", 3.2),
            new PdfColumn("Actions", 0.9, PdfAlign.Right),
            new PdfColumn("Réalisées", 1, PdfAlign.Right),
            new PdfColumn("En cours", 1, PdfAlign.Right),
            new PdfColumn("En retard", 1, PdfAlign.Right),
            new PdfColumn("Avancement moyen", 1.4, PdfAlign.Right),
        ]);
        foreach (var plan in data.Plans)
        {
            table.AddRow(
                new PdfCell(plan.StructureName),
                new PdfCell(N(plan.Actions)),
                new PdfCell(N(plan.Done), Tone: PdfTone.Green),
                new PdfCell(N(plan.InProgress)),
                new PdfCell(N(plan.Late), Bold: plan.Late > 0, Tone: plan.Late > 0 ? PdfTone.Red : PdfTone.Muted),
                new PdfCell(Percent(plan.AverageProgress), Bold: true));
        }

        table.AddRow(
            new PdfCell("Ensemble des plans validés", Bold: true),
            new PdfCell(N(data.Plans.Sum(p => p.Actions)), Bold: true),
            new PdfCell(N(data.Plans.Sum(p => p.Done)), Bold: true, Tone: PdfTone.Green),
            new PdfCell(N(data.Plans.Sum(p => p.InProgress)), Bold: true),
            new PdfCell(N(data.Plans.Sum(p => p.Late)), Bold: true),
            new PdfCell(string.Empty));
        report.Table(table);
    }

    private static void Requested(PdfReport report, ClacPackData data)
    {
        report.Heading(RequestedHeading);
        if (data.RequestedActions.Count == 0)
        {
            report.Paragraph("Aucune action des plans validés n'est encore signalée comme répondant à une demande des usagers.");
            return;
        }

        report.Paragraph(
            "Les actions des plans validés qui répondent à une demande des usagers (expérience déposée, suggestion de la CLAC…), " +
            "les réalisées d'abord.",
            PdfTextStyle.Muted);
        var table = new PdfTable(
        [
            new PdfColumn("Action", 4),
            new PdfColumn("Structure", 2.3),
            new PdfColumn("Engagement", 1.4, PdfAlign.Center),
            new PdfColumn("Où en est-on ?", 1.6),
        ]);
        foreach (var action in data.RequestedActions)
        {
            table.AddRow(
                new PdfCell(action.Title, Bold: action.Status == ActionStatus.Done),
                new PdfCell(action.StructureName),
                new PdfCell(action.EngagementNumber is { } n ? $"n°\u00A0{N(n)}" : "—", Tone: action.EngagementNumber is null ? PdfTone.Muted : PdfTone.Default),
                action.Status == ActionStatus.Done
                    ? new PdfCell("Réalisée", Bold: true, Tone: PdfTone.Green)
                    : new PdfCell($"{action.Status.Label()}, {N(action.Progress)}\u00A0%"
                        + (action.DueOn is { } due ? $"\nÉchéance : {DocumentText.Date(due)}" : string.Empty)));
        }

        report.Table(table);
    }

    private static PdfCell StatusCell(bool? meets) => meets switch
    {
        true => new PdfCell("Objectif atteint", Tone: PdfTone.Green),
        false => new PdfCell("Non atteint", Tone: PdfTone.Orange),
        _ => new PdfCell("—", Tone: PdfTone.Muted),
    };

    private static PdfTone SentimentTone(Sentiment sentiment) => sentiment switch
    {
        Sentiment.Positive => PdfTone.Green,
        Sentiment.Negative => PdfTone.Red,
        _ => PdfTone.Orange,
    };

    private static PdfTone ScoreTone(double? score) => score switch
    {
        >= 75 => PdfTone.Green,
        < 50 => PdfTone.Orange,
        _ => PdfTone.Blue,
    };

    private static string N(int value) => value.ToString("#,##0", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>A count axis with whole-number ticks: the largest count rounded up to a multiple of four.</summary>
    private static double CountScale(IEnumerable<int> counts) => Math.Max(4, Math.Ceiling(counts.DefaultIfEmpty(0).Max() / 4.0) * 4);

    private static string Percent(double? value) => DocumentText.Value(value, IndicatorUnit.Percent);

    private static string Share(int part, int total) => total == 0 ? "—" : $"{N(part)} ({Percent(100.0 * part / total)})";

    private static string Days(double? days) => days is { } d ? $"{DocumentText.Number(d)}\u00A0j" : "—";
}
