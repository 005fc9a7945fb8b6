using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Structures;

namespace SpPlus.Benchmarks;

/// <summary>What a generated database holds.</summary>
public sealed record DataSetSummary(
    int Structures, int Indicators, int Reports, int IndicatorValues, int Experiences, int AnsweredExperiences,
    int SelfAssessments, int Ratings, int ActionPlans, int Actions, Quarter First, Quarter Last);

/// <summary>
/// Builds the benchmark data set in a fresh SQLite file: the reference data, then active structures × active
/// indicators × quarters of published reports ending with <c>lastYear</c>'s fourth quarter, users' experiences over the
/// last three years, and for <c>lastYear</c> one validated self-assessment (every criterion rated) and one validated
/// action plan per structure. Deterministic (fixed seed); fictitious names only.
/// </summary>
public sealed class DataSetGenerator(string path, int structureCount, int quarterCount, int experienceCount, int lastYear, DateTimeOffset now)
{
    /// <summary>The active indicators of the data set: the 11 of the reference plus these 9, of every kind.</summary>
    public const int IndicatorCount = 20;

    private const int ActionsPerPlan = 8;

    private static readonly (string Code, string Label, IndicatorKind Kind, IndicatorUnit Unit, IndicatorDirection Direction, double Target)[] ExtraIndicators =
    [
        ("BENCH-DOSSIERS-COMPLETS", "Taux de dossiers complets au premier dépôt", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 75),
        ("BENCH-RAPPELS-48H", "Taux de rappels effectués sous 48 heures", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 85),
        ("BENCH-ACCUSES-RECEPTION", "Taux de courriers ayant reçu un accusé de réception", IndicatorKind.Ratio, IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, 95),
        ("BENCH-DUREE-APPEL", "Durée moyenne d'un appel", IndicatorKind.Average, IndicatorUnit.Minutes, IndicatorDirection.LowerIsBetter, 8),
        ("BENCH-DELAI-INSTRUCTION", "Délai moyen d'instruction d'une demande", IndicatorKind.Average, IndicatorUnit.Days, IndicatorDirection.LowerIsBetter, 45),
        ("BENCH-DELAI-RDV", "Délai moyen d'obtention d'un rendez-vous", IndicatorKind.Average, IndicatorUnit.WorkingDays, IndicatorDirection.LowerIsBetter, 10),
        ("BENCH-USAGERS-RECUS", "Nombre d'usagers reçus", IndicatorKind.Count, IndicatorUnit.Number, IndicatorDirection.HigherIsBetter, 3000),
        ("BENCH-RDV-HONORES", "Nombre de rendez-vous honorés", IndicatorKind.Count, IndicatorUnit.Number, IndicatorDirection.HigherIsBetter, 1200),
        ("BENCH-RECOMMANDATION", "Score de recommandation", IndicatorKind.Score, IndicatorUnit.Points, IndicatorDirection.HigherIsBetter, 30),
    ];

    private static readonly StructureType[] GeneratedTypes =
        [StructureType.SubPrefecture, StructureType.Ddt, StructureType.Ddetspp, StructureType.Sgcd, StructureType.Other];

    private static readonly string[] Typologies = ["Accueil physique", "Accueil téléphonique", "Démarche en ligne", "Courrier et courriel"];

    private static readonly string[] Titles =
    [
        "Attente trop longue au guichet", "Accueil chaleureux et efficace", "Démarche en ligne difficile à comprendre",
        "Personne ne décroche au téléphone", "Rendez-vous obtenu rapidement", "Réponse claire à mon courriel",
    ];

    private static readonly string[] Descriptions =
    [
        "Je suis venu déposer mon dossier ; l'agent a pris le temps de tout m'expliquer, merci.",
        "J'ai attendu plus d'une heure avant d'être reçu, sans information sur le délai.",
        "Le formulaire en ligne refuse mes pièces justificatives sans dire pourquoi.",
        "Après plusieurs appels sans réponse, j'ai enfin pu parler à quelqu'un de très aimable.",
    ];

    private static readonly string[] ActionTitles =
    [
        "Afficher les horaires d'ouverture à l'entrée et en ligne", "Mettre en place un système de file d'attente",
        "Rappeler sous 48 heures les usagers qui ont laissé un message", "Réécrire la notice de la démarche la plus consultée",
        "Former les agents d'accueil à l'accueil des personnes en situation de handicap", "Installer un espace numérique accompagné",
        "Publier les résultats de qualité de service chaque trimestre", "Envoyer un accusé de réception à chaque courriel",
        "Proposer des rendez-vous le samedi matin", "Simplifier la liste des pièces justificatives",
        "Équiper l'accueil d'une boucle magnétique", "Répondre à chaque avis en moins de quinze jours",
    ];

    private static readonly string[] Owners = ["Camille Durand", "Julien Martin", "Sophie Lefèvre", "Nadia Benali", "Thomas Girard", "Élodie Moreau"];

    private readonly Random _random = new(20_261_128);

    public async Task<DataSetSummary> GenerateAsync(CancellationToken cancellationToken)
    {
        await BenchmarkDatabase.CreateAsync(path, now, cancellationToken);
        await using var db = BenchmarkDatabase.Open(path);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        // A throw-away file: no journal and no fsync while it is filled.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", cancellationToken);

        var structures = await AddStructuresAsync(db, cancellationToken);
        var indicators = await AddIndicatorsAsync(db, structures, cancellationToken);
        var quarters = Quarter.Range(new Quarter(lastYear, 4), quarterCount);
        var reports = await AddReportsAsync(db, structures, quarters, cancellationToken);
        AddIndicatorValues(db, reports, indicators);
        AddExperiences(db, structures);
        await AddImprovementAsync(db, structures, indicators, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);

        return new DataSetSummary(
            await db.Structures.CountAsync(s => s.IsActive, cancellationToken),
            await db.Indicators.CountAsync(i => i.IsActive, cancellationToken),
            await db.QuarterlyReports.CountAsync(r => r.State == ReviewState.Published, cancellationToken),
            await db.IndicatorValues.CountAsync(cancellationToken),
            await db.Experiences.CountAsync(cancellationToken),
            await db.Experiences.CountAsync(e => e.FirstAnswerOn != null, cancellationToken),
            await db.SelfAssessments.CountAsync(a => a.State == ReviewState.Validated, cancellationToken),
            await db.CriterionRatings.CountAsync(cancellationToken),
            await db.ActionPlans.CountAsync(p => p.State == ReviewState.Validated, cancellationToken),
            await db.ImprovementActions.CountAsync(cancellationToken),
            quarters[0],
            quarters[^1]);
    }

    /// <summary>The seeded structures of the Aube, then "Structure 007", "Structure 008"... up to the count asked.</summary>
    private async Task<List<Structure>> AddStructuresAsync(SpPlusDbContext db, CancellationToken cancellationToken)
    {
        var structures = await db.Structures.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var departmentId = structures[0].DepartmentId;
        for (var n = structures.Count + 1; n <= structureCount; n++)
        {
            var structure = new Structure
            {
                DepartmentId = departmentId,
                Name = $"Structure {n:000}",
                Slug = $"structure-{n:000}",
                Type = GeneratedTypes[n % GeneratedTypes.Length],
            };
            db.Structures.Add(structure);
            structures.Add(structure);
        }

        // A small run keeps the first structures only.
        foreach (var extra in structures.Skip(structureCount))
        {
            extra.IsActive = false;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return structures.Take(structureCount).ToList();
    }

    /// <summary>
    /// The 9 extra indicators, and every indicator made applicable to every structure type: the data set gives each
    /// structure a value of each of the 20 indicators every quarter.
    /// </summary>
    private async Task<List<Indicator>> AddIndicatorsAsync(SpPlusDbContext db, List<Structure> structures, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.Include(i => i.StructureTypes).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var sortOrder = indicators.Max(i => i.SortOrder);
        foreach (var (code, label, kind, unit, direction, target) in ExtraIndicators.Take(IndicatorCount - indicators.Count))
        {
            var indicator = new Indicator
            {
                Code = code,
                Label = label,
                Kind = kind,
                Unit = unit,
                Direction = direction,
                DefaultTarget = target,
                MinValue = kind == IndicatorKind.Score ? -100 : 0,
                MaxValue = kind == IndicatorKind.Score ? 100 : null,
                NumeratorLabel = kind == IndicatorKind.Ratio ? "Dossiers conformes" : null,
                DenominatorLabel = kind == IndicatorKind.Ratio ? "Dossiers reçus" : null,
                SortOrder = sortOrder += 10,
            };
            db.Indicators.Add(indicator);
            indicators.Add(indicator);
        }

        foreach (var indicator in indicators)
        {
            foreach (var type in Enum.GetValues<StructureType>().Where(t => indicator.StructureTypes.All(s => s.StructureType != t)))
            {
                indicator.StructureTypes.Add(new IndicatorStructureType { StructureType = type });
            }
        }

        // Some structures have their own target for the first ratio indicators (the export looks targets up per row).
        var ratios = indicators.Where(i => i.Kind == IndicatorKind.Ratio).Take(3).ToList();
        foreach (var structure in structures.Where((_, index) => index % 3 == 0))
        {
            foreach (var indicator in ratios)
            {
                db.IndicatorTargets.Add(new IndicatorTarget { Indicator = indicator, StructureId = structure.Id, Target = 70 + _random.Next(0, 26) });
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return indicators;
    }

    private async Task<List<QuarterlyReport>> AddReportsAsync(
        SpPlusDbContext db, List<Structure> structures, IReadOnlyList<Quarter> quarters, CancellationToken cancellationToken)
    {
        var reports = new List<QuarterlyReport>(structures.Count * quarters.Count);
        foreach (var structure in structures)
        {
            foreach (var quarter in quarters)
            {
                var published = Utc(quarter.LastDay.AddDays(15 + _random.Next(0, 20)), 10);
                reports.Add(new QuarterlyReport
                {
                    StructureId = structure.Id,
                    Year = quarter.Year,
                    QuarterNumber = quarter.Number,
                    State = ReviewState.Published,
                    CreatedAtUtc = Utc(quarter.LastDay.AddDays(1), 8),
                    StateChangedAtUtc = published,
                    PublishedAtUtc = published,
                });
            }
        }

        db.QuarterlyReports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return reports;
    }

    private void AddIndicatorValues(SpPlusDbContext db, List<QuarterlyReport> reports, List<Indicator> indicators)
    {
        using var transaction = db.Database.GetDbConnection().BeginTransaction();
        using var inserter = new BulkInserter<IndicatorValue>(db, transaction);
        foreach (var report in reports)
        {
            foreach (var indicator in indicators)
            {
                inserter.Insert(Value(report.Id, indicator));
            }
        }

        transaction.Commit();
    }

    private IndicatorValue Value(int reportId, Indicator indicator)
    {
        var value = new IndicatorValue { ReportId = reportId, IndicatorId = indicator.Id };
        if (_random.NextDouble() < 0.015)
        {
            value.IsNotApplicable = true;
            value.NotApplicableReason = "Activité suspendue pendant le trimestre (travaux dans les locaux).";
            return value;
        }

        var target = indicator.DefaultTarget ?? 50;
        switch (indicator.Kind)
        {
            case IndicatorKind.Ratio:
                var denominator = _random.Next(40, 1500);
                var rate = Math.Clamp(target / 100 + (_random.NextDouble() * 0.25) - 0.15, 0.3, 1.0);
                value.Denominator = denominator;
                value.Numerator = (int)Math.Round(denominator * rate);
                break;
            case IndicatorKind.Average:
                value.Value = Math.Round(Math.Max(0.5, target * (0.6 + (_random.NextDouble() * 0.8))), 1);
                value.Count = _random.Next(10, 900);
                break;
            case IndicatorKind.Count:
                value.Value = Math.Round(target * (0.5 + _random.NextDouble()));
                break;
            default:
                value.Value = Math.Round(Math.Clamp(target + (_random.NextDouble() * 60) - 35, -100, 100), 1);
                break;
        }

        return value;
    }

    private void AddExperiences(SpPlusDbContext db, List<Structure> structures)
    {
        var first = new DateOnly(lastYear - 2, 1, 1);
        var days = new DateOnly(lastYear, 12, 31).DayNumber - first.DayNumber + 1;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using var transaction = db.Database.GetDbConnection().BeginTransaction();
        using var inserter = new BulkInserter<Experience>(db, transaction);
        for (var n = 1; n <= experienceCount; n++)
        {
            var structure = structures[_random.Next(structures.Count)];
            var published = first.AddDays(_random.Next(days));
            DateOnly? answered = _random.NextDouble() < 0.7 ? Min(published.AddDays(_random.Next(0, 40)), today) : null;
            var sentiment = _random.NextDouble() switch
            {
                < 0.03 => (Sentiment?)null,
                < 0.55 => Sentiment.Positive,
                < 0.78 => Sentiment.Neutral,
                _ => Sentiment.Negative,
            };
            var title = Titles[_random.Next(Titles.Length)];
            inserter.Insert(new Experience
            {
                NationalId = $"BENCH-{n:000000}",
                Source = ExperienceSource.NationalImport,
                StructureId = structure.Id,
                NationalStructureLabel = structure.Name,
                Typology1 = Typologies[_random.Next(Typologies.Length)],
                Title = title,
                Description = Descriptions[_random.Next(Descriptions.Length)],
                NationalState = answered is null ? "Publiée" : "Traitée",
                Sentiment = sentiment,
                TagAccessibility = _random.NextDouble() < 0.25,
                TagInformation = _random.NextDouble() < 0.35,
                TagRelation = _random.NextDouble() < 0.3,
                TagReactivity = _random.NextDouble() < 0.3,
                TagSimplicity = _random.NextDouble() < 0.2,
                PostalCode = "10000",
                WrittenOn = published.AddDays(-_random.Next(0, 4)),
                PublishedOn = published,
                FirstAnswerOn = answered,
                NationalAnswer = answered is null ? null : "Merci pour votre message. Nous avons transmis vos remarques à l'équipe concernée.",
                DueOn = published.AddDays(15),
                CreatedAtUtc = Utc(published, 7),
                LastImportedAtUtc = Utc(published, 7),
            });
        }

        transaction.Commit();
    }

    /// <summary>For <c>lastYear</c>: a validated self-assessment with every criterion rated and a validated plan of 8 actions, per structure.</summary>
    private async Task AddImprovementAsync(SpPlusDbContext db, List<Structure> structures, List<Indicator> indicators, CancellationToken cancellationToken)
    {
        var grid = await db.AssessmentGrids.AsNoTracking()
            .Include(g => g.Criteria)
            .Where(g => g.Framework!.Status == FrameworkStatus.Active)
            .OrderByDescending(g => g.Version)
            .FirstAsync(cancellationToken);
        var validated = Utc(new DateOnly(lastYear, 3, 20), 14);
        var statuses = new[]
        {
            ActionStatus.Done, ActionStatus.Done, ActionStatus.Done, ActionStatus.InProgress,
            ActionStatus.InProgress, ActionStatus.InProgress, ActionStatus.Planned, ActionStatus.Abandoned,
        };

        foreach (var structure in structures)
        {
            var assessment = new SelfAssessment
            {
                StructureId = structure.Id,
                Year = lastYear,
                GridId = grid.Id,
                State = ReviewState.Validated,
                CreatedAtUtc = Utc(new DateOnly(lastYear, 1, 15), 9),
                StateChangedAtUtc = validated,
                ValidatedAtUtc = validated,
                Ratings = grid.Criteria.Select(c => new CriterionRating
                {
                    CriterionId = c.Id,
                    Level = _random.NextDouble() < 0.05 ? MaturityLevel.NotApplicable : (MaturityLevel)_random.Next(1, 5),
                    Evidence = "Constat de l'équipe lors de la revue annuelle.",
                }).ToList(),
            };
            db.SelfAssessments.Add(assessment);

            var weak = assessment.Ratings.Where(r => r.Level is MaturityLevel.NotEngaged or MaturityLevel.InProgress).ToList();
            var engagements = grid.Criteria.Select(c => c.EngagementId).Distinct().ToList();
            var plan = new ActionPlan
            {
                StructureId = structure.Id,
                Year = lastYear,
                State = ReviewState.Validated,
                CreatedAtUtc = Utc(new DateOnly(lastYear, 2, 1), 9),
                StateChangedAtUtc = validated,
                ValidatedAtUtc = validated,
            };
            _random.Shuffle(statuses);
            for (var i = 0; i < ActionsPerPlan; i++)
            {
                plan.Actions.Add(Action(i, statuses[i], assessment, weak, engagements, indicators));
            }

            db.ActionPlans.Add(plan);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private ImprovementAction Action(
        int index, ActionStatus status, SelfAssessment assessment, List<CriterionRating> weak, List<int> engagements, List<Indicator> indicators)
    {
        var start = new DateOnly(lastYear, 1 + _random.Next(0, 6), 1);
        var due = start.AddMonths(2 + _random.Next(0, 6));
        var action = new ImprovementAction
        {
            Title = ActionTitles[_random.Next(ActionTitles.Length)],
            Description = "Action décidée en revue annuelle, suivie en COPIL.",
            EngagementId = engagements[_random.Next(engagements.Count)],
            OwnerName = Owners[_random.Next(Owners.Length)],
            StartOn = start,
            DueOn = due,
            Status = status,
            Progress = status switch
            {
                ActionStatus.Done => 100,
                ActionStatus.InProgress => 10 * _random.Next(1, 10),
                ActionStatus.Abandoned => 10 * _random.Next(0, 5),
                _ => 0,
            },
            Priority = (ActionPriority)_random.Next(1, 4),
            ShowToUsers = status == ActionStatus.Done && _random.NextDouble() < 0.7,
            CompletedOn = status == ActionStatus.Done ? Min(due, new DateOnly(lastYear, 12, 15)) : null,
            CreatedAtUtc = Utc(new DateOnly(lastYear, 2, 1), 10),
            UpdatedAtUtc = Utc(new DateOnly(lastYear, 11, 30), 16),
        };

        switch (index % 4)
        {
            case 0 when weak.Count > 0:
                action.Origin = ActionOrigin.Criterion;
                action.SourceCriterionId = weak[_random.Next(weak.Count)].CriterionId;
                action.SourceAssessment = assessment;
                break;
            case 1:
                action.Origin = ActionOrigin.Indicator;
                action.SourceIndicatorId = indicators[_random.Next(indicators.Count)].Id;
                break;
            case 2:
                action.Origin = ActionOrigin.ClacSuggestion;
                action.OriginDetail = "Suggestion d'un membre du comité local des usagers.";
                break;
            default:
                action.Origin = ActionOrigin.Other;
                action.OriginDetail = "Proposition de l'équipe d'accueil.";
                break;
        }

        return action;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTime Utc(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}
