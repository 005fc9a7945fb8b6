using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Data.Seeding;

/// <summary>
/// Demo content of continuous improvement: two COPIL meetings (last December, and a few weeks ago) and one CLAC
/// meeting this year; for every active structure last year's self-assessment and action plan, validated in last
/// December's COPIL; this year's assessments and plans in mixed states (validated in this year's COPIL, approved,
/// submitted, draft, returned for correction, not opened yet), with one late action in the validated plan. Every
/// history follows the rule table, by the demo correspondents, referent and COPIL member. Levels vary per structure
/// and year but are the same on every run. The people named are fictitious. Does nothing once any self-assessment exists.
/// </summary>
public sealed class DemoImprovementSeeder(SpPlusDbContext db, TimeProvider time)
{
    /// <summary>The in-progress action of this year's validated plan whose due date is past.</summary>
    public const string LateActionTitle = "Mettre à jour les horaires d'ouverture affichés sur le site internet et sur les répondeurs";

    public const string AssessmentReturnComment =
        "Les preuves manquent pour plusieurs critères notés « atteint » : merci de préciser les documents ou constats qui les justifient.";

    public const string PlanReturnComment =
        "Merci d'indiquer un pilote et une échéance pour chaque action, et de rattacher les actions à un engagement.";

    private const int TitleLength = 250;

    private static readonly string[] Owners =
    [
        "Camille Durand", "Julien Moreau", "Sophie Lambert", "Nicolas Garnier", "Élodie Fontaine", "Thomas Girard", "Claire Rousseau", "Antoine Mercier",
    ];

    private static readonly string[] Evidences =
    [
        "Compte rendu de la visite mystère du printemps et photographies de l'accueil.",
        "Tableau de suivi du standard (taux de décroché mensuel).",
        "Note de service diffusée aux agents et liste d'émargement de la formation.",
        "Extrait du site internet et affichage à l'accueil, vérifiés le jour de l'évaluation.",
        "Résultats de l'enquête de satisfaction menée auprès des usagers reçus au guichet.",
    ];

    private enum Stage
    {
        None,
        Draft,
        Returned,
        Submitted,
        Approved,
        Validated,
    }

    private sealed record Actor(string Id, string Name);

    private sealed record Step(ReviewAction Action, ReviewState From, ReviewState To, Actor Actor, DateTime At, string? Comment = null, int? MeetingId = null);

    private sealed record Criterion(int Id, int EngagementId, int EngagementNumber, string Wording);

    private sealed record Context(
        Actor Referent, Actor Copil, DateOnly Today, DateTime Now, int Year,
        Meeting PreviousCopil, Meeting CurrentCopil, Meeting Clac,
        IReadOnlyDictionary<int, int> Engagements, int? IndicatorId);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SelfAssessments.AnyAsync(cancellationToken))
        {
            return;
        }

        var grid = await db.AssessmentGrids.AsNoTracking()
            .Where(g => g.Framework!.Status == FrameworkStatus.Active)
            .OrderByDescending(g => g.Version)
            .Select(g => new { g.Id, g.FrameworkId })
            .FirstOrDefaultAsync(cancellationToken);
        var referent = await UserAsync($"referent@{DemoDataSeeder.EmailDomain}", cancellationToken);
        var copil = await UserAsync($"copil@{DemoDataSeeder.EmailDomain}", cancellationToken);
        var clac = await UserAsync($"clac@{DemoDataSeeder.EmailDomain}", cancellationToken);
        if (grid is null || referent is null || copil is null)
        {
            return;
        }

        var criteria = await db.AssessmentCriteria.AsNoTracking()
            .Where(c => c.GridId == grid.Id)
            .OrderBy(c => c.Engagement!.Number).ThenBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new Criterion(c.Id, c.EngagementId, c.Engagement!.Number, c.Wording))
            .ToListAsync(cancellationToken);
        var structures = await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        if (criteria.Count == 0 || structures.Count == 0)
        {
            return;
        }

        var engagements = await db.Engagements.AsNoTracking().Where(e => e.FrameworkId == grid.FrameworkId)
            .ToDictionaryAsync(e => e.Number, e => e.Id, cancellationToken);
        var indicatorId = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var correspondents = await db.Users
            .Where(u => u.Email!.StartsWith("correspondant.") && u.Email.EndsWith("@" + DemoDataSeeder.EmailDomain))
            .Select(u => new { u.Id, u.DisplayName, Structures = u.Structures.Select(s => s.StructureId).ToList() })
            .ToListAsync(cancellationToken);
        var experiences = await db.Experiences
            .Where(e => e.StructureId != null && e.ImprovementActionId == null && e.PublishedOn != null)
            .OrderBy(e => e.PublishedOn).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var today = time.Today();
        var year = time.CurrentYear();
        var (previousCopil, currentCopil, clacMeeting) = await SeedMeetingsAsync(referent, copil, clac, today, now, year, cancellationToken);
        var context = new Context(referent, copil, today, now, year, previousCopil, currentCopil, clacMeeting, engagements, indicatorId);

        for (var s = 0; s < structures.Count; s++)
        {
            var structure = structures[s];
            var correspondent = correspondents.FirstOrDefault(c => c.Structures.Contains(structure.Id)) is { } found
                ? new Actor(found.Id, found.DisplayName)
                : referent;
            var own = experiences.Where(e => e.StructureId == structure.Id).ToList();

            // Last year: validated in December's COPIL.
            var lastAssessment = await AssessmentAsync(context, structure.Id, year - 1, grid.Id, criteria, s, rateAll: true, cancellationToken);
            var previousSteps = ValidatedSteps(context, correspondent, previousCopil, new DateOnly(year - 1, 11, 3 + (s % 6)), new DateOnly(year - 1, 11, 20 + (s % 6)));
            await ApplyAsync(lastAssessment, previousSteps, cancellationToken);
            var lastPlan = await PlanAsync(structure.Id, year - 1, At(new DateOnly(year - 1, 10, 1), 9, now), cancellationToken);
            var lastExperience = own.FirstOrDefault(e => e.PublishedOn < DateOnly.FromDateTime(previousCopil.HeldAt));
            await LastYearActionsAsync(context, lastPlan, lastAssessment, lastExperience, correspondent, s, cancellationToken);
            await ApplyAsync(lastPlan, ValidatedSteps(context, correspondent, previousCopil, new DateOnly(year - 1, 11, 10 + (s % 6)), new DateOnly(year - 1, 11, 24 + (s % 6))), cancellationToken);
            if (lastExperience is not null)
            {
                own.Remove(lastExperience);
            }

            // This year: one structure in each state, the last one without an assessment or a plan yet.
            var stage = StageOf(s);
            if (stage == Stage.None)
            {
                continue;
            }

            var assessment = await AssessmentAsync(context, structure.Id, year, grid.Id, criteria, s, rateAll: stage != Stage.Draft, cancellationToken);
            await ApplyAsync(assessment, CurrentSteps(context, correspondent, stage, ReviewDocumentKind.SelfAssessment), cancellationToken);
            var plan = await PlanAsync(structure.Id, year, At(Mid(new DateOnly(year, 1, 1), CurrentCopilDay(context), 0.1), 9, now), cancellationToken);
            await CurrentYearActionsAsync(context, plan, assessment, stage, own.FirstOrDefault(), correspondent, s, cancellationToken);
            await ApplyAsync(plan, CurrentSteps(context, correspondent, stage, ReviewDocumentKind.ActionPlan), cancellationToken);
        }
    }

    /// <summary>Validated, approved, submitted, draft, returned for correction, then not opened, in the structures' order.</summary>
    private static Stage StageOf(int index) => (index % 6) switch
    {
        0 => Stage.Validated,
        1 => Stage.Approved,
        2 => Stage.Submitted,
        3 => Stage.Draft,
        4 => Stage.Returned,
        _ => Stage.None,
    };

    private async Task<(Meeting PreviousCopil, Meeting CurrentCopil, Meeting Clac)> SeedMeetingsAsync(
        Actor referent, Actor copil, Actor? clac, DateOnly today, DateTime now, int year, CancellationToken cancellationToken)
    {
        var currentCopilDay = CurrentCopilDay(today, year);
        var clacDay = Max(currentCopilDay.AddDays(-14), new DateOnly(year, 1, 1));

        var previousCopil = new Meeting
        {
            Kind = MeetingKind.Copil,
            HeldAt = new DateOnly(year - 1, 12, 12).ToDateTime(new TimeOnly(14, 0)),
            Place = "Préfecture de l'Aube — salle du conseil",
            Agenda = "1. Bilan de l'année de la démarche Services Publics +\n"
                + "2. Validation des auto-évaluations des structures\n"
                + "3. Validation des plans d'action\n"
                + "4. Calendrier de l'année à venir",
            Minutes = "Le référent présente le bilan de l'année : toutes les structures ont conduit leur auto-évaluation sur la grille du référentiel. "
                + "Les points forts portent sur l'accueil et l'orientation des usagers ; les marges de progrès sur la joignabilité téléphonique "
                + "et la communication des résultats.\n\n"
                + "Les auto-évaluations et les plans d'action approuvés par le référent sont passés en revue structure par structure. "
                + "Le comité insiste sur la nécessité de nommer un pilote et une échéance pour chaque action.",
            CreatedAtUtc = At(new DateOnly(year - 1, 12, 12), 17, now),
            CreatedByUserId = referent.Id,
            UpdatedAtUtc = At(new DateOnly(year - 1, 12, 12), 17, now),
            Participants =
            [
                new MeetingParticipant { UserId = referent.Id, Name = referent.Name },
                new MeetingParticipant { UserId = copil.Id, Name = copil.Name },
                new MeetingParticipant { Name = "Hélène Marchand", Quality = "Secrétaire générale de la préfecture" },
                new MeetingParticipant { Name = "Bruno Lefèvre", Quality = "Directeur départemental des territoires" },
                new MeetingParticipant { Name = "Nadia Chevalier", Quality = "Directrice départementale de l'emploi, du travail, des solidarités et de la protection des populations" },
            ],
            Decisions =
            [
                new MeetingDecision { Order = 1, Text = "Les auto-évaluations de l'année de toutes les structures sont validées." },
                new MeetingDecision { Order = 2, Text = "Les plans d'action de toutes les structures sont validés ; leur avancement sera présenté au prochain COPIL." },
                new MeetingDecision { Order = 3, Text = "Les résultats de qualité de service seront affichés dans chaque accueil avant la fin du premier trimestre." },
            ],
        };

        var currentCopil = new Meeting
        {
            Kind = MeetingKind.Copil,
            HeldAt = currentCopilDay.ToDateTime(new TimeOnly(10, 0)),
            Place = "Préfecture de l'Aube — salle Chaource",
            Agenda = "1. Suivi des plans d'action de l'an dernier\n"
                + "2. Auto-évaluations de l'année : premiers dossiers approuvés\n"
                + "3. Suggestions du comité local des usagers (CLAC)\n"
                + "4. Questions diverses",
            Minutes = "Le référent présente l'avancement des plans d'action de l'an dernier : la majorité des actions sont réalisées, "
                + "quelques-unes restent en cours et deux ont été abandonnées faute de moyens.\n\n"
                + "Le comité examine les premiers dossiers de l'année approuvés par le référent. Il prend connaissance des suggestions du CLAC "
                + "et demande qu'elles figurent dans les plans d'action des structures concernées.",
            CreatedAtUtc = At(currentCopilDay, 12, now),
            CreatedByUserId = referent.Id,
            UpdatedAtUtc = At(currentCopilDay, 12, now),
            Participants =
            [
                new MeetingParticipant { UserId = referent.Id, Name = referent.Name },
                new MeetingParticipant { UserId = copil.Id, Name = copil.Name },
                new MeetingParticipant { Name = "Hélène Marchand", Quality = "Secrétaire générale de la préfecture" },
                new MeetingParticipant { Name = "Pascal Renaud", Quality = "Sous-préfet de Bar-sur-Aube" },
            ],
            Decisions =
            [
                new MeetingDecision { Order = 1, Text = "L'auto-évaluation et le plan d'action de la préfecture pour l'année sont validés." },
                new MeetingDecision { Order = 2, Text = "Les suggestions du CLAC sont inscrites dans les plans d'action des structures concernées." },
                new MeetingDecision { Order = 3, Text = "Les actions en retard feront l'objet d'un point d'étape avec leur pilote avant le prochain comité." },
                new MeetingDecision { Order = 4, Text = "Les autres dossiers de l'année seront examinés au prochain COPIL." },
            ],
        };

        var clacParticipants = new List<MeetingParticipant> { new() { UserId = referent.Id, Name = referent.Name } };
        if (clac is not null)
        {
            clacParticipants.Add(new MeetingParticipant { UserId = clac.Id, Name = clac.Name });
        }

        clacParticipants.AddRange(
        [
            new MeetingParticipant { Name = "Martine Roux", Quality = "représentante de l'UDAF" },
            new MeetingParticipant { Name = "Gérard Petitjean", Quality = "association de consommateurs" },
            new MeetingParticipant { Name = "Inès Benali", Quality = "usagère, membre du comité" },
        ]);
        var clacMeeting = new Meeting
        {
            Kind = MeetingKind.Clac,
            HeldAt = clacDay.ToDateTime(new TimeOnly(17, 30)),
            Place = "Maison des associations de Troyes",
            Agenda = "1. Présentation des résultats de qualité de service\n"
                + "2. Retour des usagers sur l'accueil et le téléphone\n"
                + "3. Suggestions du comité",
            Minutes = "Les résultats de qualité de service de l'année écoulée sont présentés aux membres du comité.\n\n"
                + "Les représentants des usagers relèvent que la liste des pièces justificatives diffère parfois entre le site internet et les courriers. "
                + "Ils suggèrent de la rédiger en langage clair, identique sur tous les supports, et de proposer des créneaux de rendez-vous en fin de journée.",
            CreatedAtUtc = At(clacDay, 19, now),
            CreatedByUserId = referent.Id,
            UpdatedAtUtc = At(clacDay, 19, now),
            Participants = clacParticipants,
            Decisions =
            [
                new MeetingDecision { Order = 1, Text = "Suggestion du comité : rédiger en langage clair la liste des pièces justificatives, identique sur le site et dans les courriers." },
                new MeetingDecision { Order = 2, Text = "Suggestion du comité : proposer des créneaux de rendez-vous en fin de journée une fois par semaine." },
                new MeetingDecision { Order = 3, Text = "Les suggestions sont transmises au COPIL pour être inscrites dans les plans d'action." },
            ],
        };

        db.Meetings.AddRange(previousCopil, clacMeeting, currentCopil);
        await db.SaveChangesAsync(cancellationToken);
        return (previousCopil, currentCopil, clacMeeting);
    }

    /// <summary>This year's COPIL: three weeks before today, but in this year and never after today.</summary>
    private static DateOnly CurrentCopilDay(DateOnly today, int year) =>
        Max(today.AddDays(-21), Min(new DateOnly(year, 1, 15), today));

    private static DateOnly CurrentCopilDay(Context context) => DateOnly.FromDateTime(context.CurrentCopil.HeldAt);

    /// <summary>An assessment on the grid, all its criteria rated or (a draft) about half of them.</summary>
    private async Task<SelfAssessment> AssessmentAsync(
        Context context, int structureId, int year, int gridId, IReadOnlyList<Criterion> criteria, int index, bool rateAll, CancellationToken cancellationToken)
    {
        var assessment = new SelfAssessment
        {
            StructureId = structureId,
            Year = year,
            GridId = gridId,
            State = ReviewState.Draft,
            CreatedAtUtc = year < context.Year
                ? At(new DateOnly(year, 9, 15), 9, context.Now)
                : At(Mid(new DateOnly(year, 1, 1), CurrentCopilDay(context), 0.05), 9, context.Now),
        };
        for (var c = 0; c < criteria.Count; c++)
        {
            if (!rateAll && c % 2 == 1)
            {
                continue;
            }

            var level = LevelOf(index, c, year - context.Year);
            assessment.Ratings.Add(new CriterionRating
            {
                CriterionId = criteria[c].Id,
                Level = level,
                Evidence = level != MaturityLevel.NotApplicable && (c + index) % 3 == 0 ? Evidences[(c + index + year) % Evidences.Length] : null,
                Comment = level switch
                {
                    MaturityLevel.NotApplicable => "Sans objet pour cette structure.",
                    MaturityLevel.NotEngaged => "Rien n'est en place pour l'instant : une action est prévue au plan.",
                    MaturityLevel.Exemplary when c % 2 == 0 => "Pratique présentée aux autres structures du département.",
                    _ => null,
                },
            });
        }

        // Every assessment has at least one weak criterion for the plan to point to.
        if (!assessment.Ratings.Any(r => r.Level is { } l && l.IsWeak()))
        {
            assessment.Ratings[0].Level = MaturityLevel.InProgress;
        }

        db.SelfAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>
    /// A level that depends on the structure, the criterion and the year (0 this year, -1 last year): about one
    /// in ten non applicable, the others spread from 1 to 4, a little higher this year than last.
    /// </summary>
    private static MaturityLevel LevelOf(int structure, int criterion, int yearOffset)
    {
        var h = ((structure * 7) + (criterion * 3) + (criterion * criterion) + (structure * criterion)) % 10;
        if (h == 0)
        {
            return MaturityLevel.NotApplicable;
        }

        var lastYear = h switch
        {
            <= 2 => MaturityLevel.NotEngaged,
            <= 5 => MaturityLevel.InProgress,
            <= 8 => MaturityLevel.Achieved,
            _ => MaturityLevel.Exemplary,
        };

        // This year, one criterion in three has gone up a level since last year.
        return yearOffset < 0 || lastYear == MaturityLevel.Exemplary || (criterion + structure) % 3 != 0 ? lastYear : lastYear + 1;
    }

    private async Task<ActionPlan> PlanAsync(int structureId, int year, DateTime createdAtUtc, CancellationToken cancellationToken)
    {
        var plan = new ActionPlan { StructureId = structureId, Year = year, State = ReviewState.Draft, CreatedAtUtc = createdAtUtc };
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>Last year's plan: three to five actions, done, in progress (due later, so not late) or abandoned.</summary>
    private async Task LastYearActionsAsync(
        Context context, ActionPlan plan, SelfAssessment assessment, Experience? experience, Actor correspondent, int index, CancellationToken cancellationToken)
    {
        var year = plan.Year;
        var created = plan.CreatedAtUtc;
        var afterValidation = new DateOnly(context.Year, 1, 1);
        var weak = await WeakCriterionAsync(assessment, cancellationToken);
        var actions = new List<ImprovementAction>
        {
            new()
            {
                Title = Shorten($"Progresser sur le critère « {weak.Wording} »"),
                Description = "Action issue de l'auto-évaluation : faire passer ce critère au niveau « atteint » d'ici la fin de l'année.",
                EngagementId = weak.EngagementId,
                Origin = ActionOrigin.Criterion,
                SourceCriterionId = weak.Id,
                SourceAssessmentId = assessment.Id,
                Status = ActionStatus.Done,
                Progress = 100,
                Priority = ActionPriority.High,
                CompletedOn = Mid(afterValidation, context.Today, 0.4),
            },
            new()
            {
                Title = "Signaler plus clairement l'entrée accessible aux personnes à mobilité réduite",
                Description = "Poser une signalétique visible depuis la rue et réparer la sonnette de l'entrée accessible.",
                EngagementId = EngagementId(context, 1),
                Origin = ActionOrigin.ClacSuggestion,
                OriginDetail = "Suggestion des représentants des usagers : l'entrée accessible est mal indiquée et la sonnette ne fonctionne pas toujours.",
                Status = ActionStatus.Done,
                Progress = 100,
                ShowToUsers = true,
                CompletedOn = Mid(afterValidation, context.Today, 0.25),
            },
            new()
            {
                Title = "Afficher les résultats de qualité de service dans le hall d'accueil",
                Description = "Afficher chaque trimestre les résultats publiés et le lien vers la page des résultats en ligne.",
                EngagementId = EngagementId(context, 6),
                Origin = ActionOrigin.Other,
                OriginDetail = "Décision du COPIL de décembre.",
                Status = ActionStatus.InProgress,
                Progress = 60,
                DueOn = context.Today.AddDays(30 + (15 * index)),
            },
        };

        if (experience is not null)
        {
            actions.Add(new ImprovementAction
            {
                Title = Shorten($"Donner suite à l'avis « {experience.Title} »"),
                Description = "Analyser la situation décrite par l'usager avec le service concerné et corriger ce qui peut l'être.",
                EngagementId = EngagementId(context, 7),
                Origin = ActionOrigin.Experience,
                SourceExperienceId = experience.Id,
                Status = ActionStatus.Done,
                Progress = 100,
                ShowToUsers = index % 2 == 0,
                CompletedOn = Mid(afterValidation, context.Today, 0.5),
            });
        }

        if (index % 2 == 1 || experience is null)
        {
            actions.Add(new ImprovementAction
            {
                Title = "Former les agents d'accueil à l'accueil des personnes en situation de handicap",
                Description = "Une demi-journée de formation par agent d'accueil, avec l'appui d'une association spécialisée.",
                EngagementId = EngagementId(context, 3),
                Origin = ActionOrigin.Other,
                Status = ActionStatus.Abandoned,
                Progress = 20,
                Priority = ActionPriority.Low,
                DueOn = new DateOnly(year, 12, 31),
            });
        }

        for (var a = 0; a < actions.Count; a++)
        {
            var action = actions[a];
            action.PlanId = plan.Id;
            action.OwnerName = Owners[(index + a) % Owners.Length];
            action.StartOn ??= new DateOnly(year, 3 + a, 1);
            action.DueOn ??= new DateOnly(year, 9 + Math.Min(a, 3), 30);
            action.CreatedAtUtc = created;
            action.UpdatedAtUtc = created;
            Log(action, correspondent, afterValidation, context, a);
        }

        db.ImprovementActions.AddRange(actions);
        await db.SaveChangesAsync(cancellationToken);
        if (experience is not null)
        {
            experience.ImprovementActionId = actions.Single(a => a.Origin == ActionOrigin.Experience).Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>This year's plan: the validated one has actions in progress, one of them late; the others are still being prepared.</summary>
    private async Task CurrentYearActionsAsync(
        Context context, ActionPlan plan, SelfAssessment assessment, Stage stage, Experience? experience, Actor correspondent, int index, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var copilDay = CurrentCopilDay(context);
        var weak = await WeakCriterionAsync(assessment, cancellationToken);
        var actions = new List<ImprovementAction>
        {
            new()
            {
                Title = Shorten($"Progresser sur le critère « {weak.Wording} »"),
                Description = "Action issue de l'auto-évaluation de l'année : le critère est encore noté « non engagé » ou « en cours ».",
                EngagementId = weak.EngagementId,
                Origin = ActionOrigin.Criterion,
                SourceCriterionId = weak.Id,
                SourceAssessmentId = assessment.Id,
                Status = stage == Stage.Validated ? ActionStatus.InProgress : ActionStatus.Planned,
                Progress = stage == Stage.Validated ? 20 : 0,
                Priority = ActionPriority.High,
                DueOn = today.AddDays(60 + (10 * index)),
            },
            new()
            {
                Title = "Rédiger en langage clair la liste des pièces justificatives, identique sur le site et dans les courriers",
                Description = "Relire les listes de pièces de chaque démarche avec un usager volontaire, puis les harmoniser sur tous les supports.",
                EngagementId = EngagementId(context, 5),
                Origin = ActionOrigin.ClacSuggestion,
                SourceMeetingId = context.Clac.Id,
                OriginDetail = "Les représentants des usagers relèvent des différences entre le site internet et les courriers.",
                Status = stage == Stage.Validated ? ActionStatus.Done : ActionStatus.Planned,
                Progress = stage == Stage.Validated ? 100 : 0,
                ShowToUsers = true,
                CompletedOn = stage == Stage.Validated ? Mid(copilDay, today, 0.5) : null,
                DueOn = today.AddDays(90),
            },
        };

        if (stage == Stage.Validated)
        {
            actions.Add(new ImprovementAction
            {
                Title = LateActionTitle,
                Description = "Plusieurs usagers ont trouvé porte close en se fiant aux horaires du site : vérifier et corriger toutes les mentions des horaires.",
                EngagementId = EngagementId(context, 2),
                Origin = ActionOrigin.Other,
                OriginDetail = "Constat de la visite mystère.",
                Status = ActionStatus.InProgress,
                Progress = 40,
                Priority = ActionPriority.High,
                StartOn = today.AddDays(-60),
                DueOn = today.AddDays(-12),
            });
            actions.Add(new ImprovementAction
            {
                Title = "Créer un annuaire des interlocuteurs pour mieux orienter les usagers",
                Description = "Un annuaire à jour des services et de leurs compétences, à disposition des agents d'accueil et du standard.",
                EngagementId = EngagementId(context, 4),
                Origin = ActionOrigin.Other,
                Status = ActionStatus.Planned,
                DueOn = today.AddDays(120),
            });
        }
        else if (index % 2 == 1 && context.IndicatorId is { } indicatorId)
        {
            actions.Add(new ImprovementAction
            {
                Title = "Réduire l'écart à la cible sur le premier indicateur suivi",
                Description = "Analyser les causes de l'écart constaté sur les derniers trimestres et adapter l'organisation de l'accueil.",
                EngagementId = EngagementId(context, 2),
                Origin = ActionOrigin.Indicator,
                SourceIndicatorId = indicatorId,
                Status = ActionStatus.Planned,
                DueOn = today.AddDays(150),
            });
        }
        else if (experience is not null)
        {
            actions.Add(new ImprovementAction
            {
                Title = Shorten($"Donner suite à l'avis « {experience.Title} »"),
                Description = "Étudier avec le service concerné les améliorations possibles et en informer l'usager.",
                EngagementId = EngagementId(context, 7),
                Origin = ActionOrigin.Experience,
                SourceExperienceId = experience.Id,
                Status = ActionStatus.Planned,
                DueOn = today.AddDays(100),
            });
        }
        else
        {
            actions.Add(new ImprovementAction
            {
                Title = "Proposer des créneaux de rendez-vous en fin de journée une fois par semaine",
                Description = "Ouvrir un créneau de 17 h à 19 h le jeudi, à titre d'essai pendant trois mois.",
                EngagementId = EngagementId(context, 2),
                Origin = ActionOrigin.ClacSuggestion,
                SourceMeetingId = context.Clac.Id,
                Status = ActionStatus.Planned,
                DueOn = today.AddDays(110),
            });
        }

        var created = plan.CreatedAtUtc;
        for (var a = 0; a < actions.Count; a++)
        {
            var action = actions[a];
            action.PlanId = plan.Id;
            action.OwnerName = Owners[(index + a + 3) % Owners.Length];
            action.StartOn ??= Max(new DateOnly(context.Year, 1, 1), Min(action.DueOn!.Value.AddDays(-90), today));
            action.CreatedAtUtc = created;
            action.UpdatedAtUtc = created;
            if (stage == Stage.Validated)
            {
                Log(action, correspondent, copilDay, context, a);
            }
        }

        db.ImprovementActions.AddRange(actions);
        await db.SaveChangesAsync(cancellationToken);
        if (actions.FirstOrDefault(a => a.Origin == ActionOrigin.Experience) is { } linked && experience is not null)
        {
            experience.ImprovementActionId = linked.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The updates that led the action from "prévue" to its status, logged after the plan's validation (<paramref name="from"/>).</summary>
    private static void Log(ImprovementAction action, Actor author, DateOnly from, Context context, int index)
    {
        if (action.Status == ActionStatus.Planned)
        {
            return;
        }

        var started = Mid(from, context.Today, 0.15 + (0.05 * index));
        var halfway = action.Status == ActionStatus.InProgress ? action.Progress : 50;
        action.Updates.Add(new ActionUpdate
        {
            AtUtc = At(started, 11, context.Now),
            AuthorUserId = author.Id,
            AuthorName = author.Name,
            FromStatus = ActionStatus.Planned,
            ToStatus = ActionStatus.InProgress,
            FromProgress = 0,
            ToProgress = action.Status == ActionStatus.Abandoned ? action.Progress : halfway,
            Comment = "Action lancée avec le pilote.",
        });
        var last = action.Status switch
        {
            ActionStatus.Done => new ActionUpdate
            {
                AtUtc = At(action.CompletedOn ?? context.Today, 15, context.Now),
                FromStatus = ActionStatus.InProgress,
                ToStatus = ActionStatus.Done,
                FromProgress = halfway,
                ToProgress = 100,
                Comment = "Action réalisée.",
            },
            ActionStatus.Abandoned => new ActionUpdate
            {
                AtUtc = At(Mid(started, context.Today, 0.5), 15, context.Now),
                FromStatus = ActionStatus.InProgress,
                ToStatus = ActionStatus.Abandoned,
                FromProgress = action.Progress,
                ToProgress = action.Progress,
                Comment = "Abandonnée faute de crédits de formation cette année ; à reprogrammer.",
            },
            _ => null,
        };
        if (last is not null)
        {
            last.AuthorUserId = author.Id;
            last.AuthorName = author.Name;
            action.Updates.Add(last);
        }

        action.UpdatedAtUtc = action.Updates[^1].AtUtc;
    }

    private async Task<AssessmentCriterion> WeakCriterionAsync(SelfAssessment assessment, CancellationToken cancellationToken)
    {
        var weakIds = assessment.Ratings.Where(r => r.Level is { } l && l.IsWeak()).Select(r => r.CriterionId).ToList();
        return await db.AssessmentCriteria.AsNoTracking()
            .Where(c => weakIds.Contains(c.Id))
            .OrderBy(c => c.Engagement!.Number).ThenBy(c => c.Order)
            .FirstAsync(cancellationToken);
    }

    /// <summary>Submit by the correspondent, approve by the referent, validate by the COPIL member in the meeting.</summary>
    private static List<Step> ValidatedSteps(Context context, Actor correspondent, Meeting meeting, DateOnly submittedOn, DateOnly approvedOn) =>
    [
        new(ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, correspondent, At(submittedOn, 10, context.Now)),
        new(ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved, context.Referent, At(approvedOn, 14, context.Now)),
        new(ReviewAction.Validate, ReviewState.Approved, ReviewState.Validated, context.Copil,
            At(DateOnly.FromDateTime(meeting.HeldAt), 16, context.Now), MeetingId: meeting.Id),
    ];

    private static List<Step> CurrentSteps(Context context, Actor correspondent, Stage stage, ReviewDocumentKind kind)
    {
        var start = new DateOnly(context.Year, 1, 1);
        var copilDay = CurrentCopilDay(context);
        var today = context.Today;
        var planOffset = kind == ReviewDocumentKind.ActionPlan ? 0.05 : 0;
        return stage switch
        {
            Stage.Validated => ValidatedSteps(context, correspondent, context.CurrentCopil, Mid(start, copilDay, 0.4 + planOffset), Mid(start, copilDay, 0.7 + planOffset)),
            Stage.Approved =>
            [
                new(ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, correspondent, At(Mid(copilDay, today, 0.2 + planOffset), 10, context.Now)),
                new(ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved, context.Referent, At(Mid(copilDay, today, 0.5 + planOffset), 14, context.Now)),
            ],
            Stage.Submitted =>
            [
                new(ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, correspondent, At(Mid(copilDay, today, 0.6 + planOffset), 10, context.Now)),
            ],
            Stage.Returned =>
            [
                new(ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, correspondent, At(Mid(copilDay, today, 0.3 + planOffset), 10, context.Now)),
                new(ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft, context.Referent, At(Mid(copilDay, today, 0.6 + planOffset), 14, context.Now),
                    kind == ReviewDocumentKind.SelfAssessment ? AssessmentReturnComment : PlanReturnComment),
            ],
            _ => [],
        };
    }

    /// <summary>Records the steps as review events (in order: the last one is the document's last action) and moves the document.</summary>
    private async Task ApplyAsync(IReviewable document, IReadOnlyList<Step> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            db.ReviewEvents.Add(new ReviewEvent
            {
                DocumentKind = document.ReviewKind,
                DocumentId = document.Id,
                StructureId = document.StructureId,
                Action = step.Action,
                FromState = step.From,
                ToState = step.To,
                ActorUserId = step.Actor.Id,
                ActorName = step.Actor.Name,
                AtUtc = step.At,
                Comment = step.Comment,
                MeetingId = step.MeetingId,
            });
            document.State = step.To;
            document.StateChangedAtUtc = step.At;
            if (step.Action == ReviewAction.Validate)
            {
                switch (document)
                {
                    case SelfAssessment assessment:
                        assessment.ValidatedAtUtc = step.At;
                        break;
                    case ActionPlan plan:
                        plan.ValidatedAtUtc = step.At;
                        break;
                }
            }

            // One save per step keeps the events' ids in the order of the history.
            await db.SaveChangesAsync(cancellationToken);
        }

        document.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int? EngagementId(Context context, int number) => context.Engagements.TryGetValue(number, out var id) ? id : null;

    private async Task<Actor?> UserAsync(string email, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new Actor(user.Id, user.DisplayName);
    }

    private static string Shorten(string text) => text.Length <= TitleLength ? text : text[..(TitleLength - 2)].TrimEnd() + "… »";

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/> (a fraction of the way).</summary>
    private static DateOnly Mid(DateOnly from, DateOnly to, double fraction) =>
        to <= from ? from : from.AddDays((int)Math.Round((to.DayNumber - from.DayNumber) * fraction));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>That hour in Paris on that day, in UTC, never in the future.</summary>
    private static DateTime At(DateOnly day, int hour, DateTime now)
    {
        var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), LocalTime.Paris);
        return at < now ? at : now.AddMinutes(-1);
    }
}
