using SpPlus.Core.Common;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Data.Seeding;

/// <summary>
/// Demo content of the Feedback area: about forty experiences over the last three quarters across the demo
/// structures (mixed sentiments and tags, some answered on the national platform, a few overdue, three whose national
/// structure is not mapped yet), three answer templates, answers in every state with a consistent review history (the
/// transitions of the rule table, by the demo correspondents and referent), two internal comments, two reports of
/// hard-to-understand documents with their notes and one saved structure mapping. The texts are invented and carry no
/// personal data. Each part is seeded only when its table is empty, so a second run changes nothing.
/// </summary>
public sealed class DemoFeedbackSeeder(SpPlusDbContext db, TimeProvider time)
{
    /// <summary>The national id prefix of the demo experiences (far from the ids of test exports).</summary>
    public const string NationalIdPrefix = "881";

    public const string UnmappedLabel = "Préfecture de l'Aube - Bureau des titres";
    public const string OtherUnmappedLabel = "DDT Aube - Guichet urbanisme";
    public const string MappedLabel = "Sous-préfecture de Nogent sur Seine - Accueil général";

    public const string ReturnComment =
        "Merci de reprendre la formule de politesse et de préciser le délai de traitement annoncé à l'usager.";

    private enum Plan
    {
        Open,
        Draft,
        Returned,
        Submitted,
        Approved,
        PublishedHere,
        AnsweredNationally,
    }

    private sealed record Sample(string Title, string Description, Sentiment? Sentiment, ExperienceTag[] Tags, string Typology);

    private static readonly Sample[] Samples =
    [
        new("Accueil rapide pour mon titre de séjour",
            "J'avais rendez-vous à 9 h pour le renouvellement de mon titre de séjour. J'ai été reçu à l'heure, l'agent a vérifié mon dossier avec soin et m'a expliqué la suite.\nMerci pour ce service efficace.",
            Sentiment.Positive, [ExperienceTag.Reactivity, ExperienceTag.Relation], "Titres de séjour"),
        new("Impossible de joindre le standard",
            "J'ai appelé quatre fois dans la matinée pour une question sur mon permis de conduire. À chaque fois, la musique d'attente puis la ligne coupée au bout de dix minutes.",
            Sentiment.Negative, [ExperienceTag.Accessibility, ExperienceTag.Reactivity], "Accueil téléphonique"),
        new("Dossier de permis de construire bien accompagné",
            "Le service instructeur m'a rappelé pour me signaler une pièce manquante avant la fin du délai, ce qui m'a évité un refus. Les explications étaient claires.",
            Sentiment.Positive, [ExperienceTag.Information, ExperienceTag.Relation], "Urbanisme"),
        new("Formulaire en ligne incompréhensible",
            "Le formulaire de demande d'aide demande des informations que je ne comprends pas (« numéro d'ordre », « nature de l'acte »). Aucune aide n'est proposée sur la page.",
            Sentiment.Negative, [ExperienceTag.Simplicity, ExperienceTag.Information], "Démarches en ligne"),
        new("Attente raisonnable au guichet",
            "Une vingtaine de minutes d'attente au guichet des cartes grises, ce qui reste correct. La salle manquait un peu de places assises.",
            Sentiment.Neutral, [ExperienceTag.Accessibility], "Accueil physique"),
        new("Réponse à mon courriel en deux jours",
            "J'ai posé une question par courriel sur l'inscription de mon entreprise et j'ai reçu une réponse complète deux jours plus tard. Très appréciable.",
            Sentiment.Positive, [ExperienceTag.Reactivity], "Accueil des entreprises"),
        new("Informations contradictoires",
            "Au téléphone on m'a dit qu'un rendez-vous n'était pas nécessaire, mais sur place on m'a demandé d'en prendre un. J'ai perdu une demi-journée.",
            Sentiment.Negative, [ExperienceTag.Information, ExperienceTag.Relation], "Accueil physique"),
        new("Agent très patient",
            "Je ne suis pas à l'aise avec l'informatique. L'agent a pris le temps de m'aider à créer mon compte et à déposer ma demande sur l'ordinateur en libre-service.",
            Sentiment.Positive, [ExperienceTag.Relation, ExperienceTag.Accessibility], "Point numérique"),
        new("Délai de traitement trop long",
            "Ma demande de naturalisation a été déposée il y a plus d'un an et je n'ai aucune nouvelle malgré deux relances.",
            Sentiment.Negative, [ExperienceTag.Reactivity, ExperienceTag.Information], "Naturalisations"),
        new("Accès au bâtiment difficile",
            "L'entrée accessible aux personnes à mobilité réduite est mal indiquée et la sonnette ne fonctionnait pas. Un agent est finalement venu m'ouvrir.",
            Sentiment.Neutral, [ExperienceTag.Accessibility], "Accueil physique"),
        new("Contrôle sanitaire bien expliqué",
            "Lors du contrôle de mon restaurant, l'inspectrice a expliqué chaque point et m'a laissé un document clair sur les améliorations attendues.",
            Sentiment.Positive, [ExperienceTag.Information, ExperienceTag.Relation], "Sécurité sanitaire des aliments"),
        new("Rendez-vous introuvable en ligne",
            "Aucun créneau disponible sur le site de prise de rendez-vous depuis trois semaines. Je ne sais pas comment faire autrement.",
            Sentiment.Negative, [ExperienceTag.Accessibility, ExperienceTag.Simplicity], "Prise de rendez-vous"),
        new("Démarche simple pour la carte grise",
            "La demande de certificat d'immatriculation en ligne s'est faite en dix minutes, avec un suivi par courriel.",
            Sentiment.Positive, [ExperienceTag.Simplicity], "Démarches en ligne"),
        new("Accueil correct mais pièces demandées floues",
            "L'accueil était aimable, mais la liste des justificatifs à fournir n'est pas la même sur le site et sur le courrier reçu.",
            Sentiment.Neutral, [ExperienceTag.Information, ExperienceTag.Simplicity], "Titres de séjour"),
        new("Aide pour mon dossier d'aide agricole",
            "Le conseiller m'a accompagné pour compléter ma déclaration et a répondu à toutes mes questions au téléphone.",
            Sentiment.Positive, [ExperienceTag.Relation, ExperienceTag.Reactivity], "Aides agricoles"),
        new("Courrier reçu après la date limite",
            "La convocation est arrivée la veille du rendez-vous. Impossible de m'organiser pour venir.",
            Sentiment.Negative, [ExperienceTag.Reactivity], "Courrier"),
        new("Renseignement obtenu sans difficulté",
            "J'ai demandé où déposer mon dossier de demande de subvention, l'agent m'a orienté vers le bon service.",
            Sentiment.Neutral, [ExperienceTag.Information], "Accueil physique"),
        new("Avis sans ressenti précisé",
            "Je souhaitais savoir si les horaires d'ouverture changent pendant l'été. La réponse m'a été donnée sur place.",
            null, [], "Accueil physique"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var structures = await db.Structures.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug, s.Name }).ToListAsync(cancellationToken);
        if (structures.Count == 0)
        {
            return;
        }

        var templates = await SeedTemplatesAsync(cancellationToken);
        await SeedMappingAsync(structures.Select(s => (s.Id, s.Slug)).ToList(), cancellationToken);
        await SeedDocumentReportsAsync(structures.Select(s => (s.Id, s.Slug)).ToList(), cancellationToken);

        if (await db.Experiences.AnyAsync(cancellationToken))
        {
            return;
        }

        var referent = await db.Users.Where(u => u.Email == $"referent@{DemoDataSeeder.EmailDomain}")
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (referent is null)
        {
            return;
        }

        var correspondents = await db.Users
            .Where(u => u.Email!.StartsWith("correspondant.") && u.Email.EndsWith("@" + DemoDataSeeder.EmailDomain))
            .Select(u => new { u.Id, u.DisplayName, Structures = u.Structures.Select(s => s.StructureId).ToList() })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var today = LocalTime.DateOf(now);
        var delay = SettingKeys.DefaultAnswerDelayDays;
        var commented = new List<(int ExperienceId, string AuthorId, string AuthorName, DateTime At, string Text)>();

        // 37 experiences placed in a structure: the eight newest every other day (being worked on), then one a week
        // going back about seven months.
        for (var i = 0; i < 37; i++)
        {
            var structure = structures[i % structures.Count];
            var sample = Samples[(i + i / structures.Count) % Samples.Length];
            var publishedOn = today.AddDays(-(i < 8 ? 1 + 2 * i : 15 + (i - 7) * 7));
            var plan = PlanFor(i);
            var manual = i % 9 == 4;
            var experience = new Experience
            {
                NationalId = manual ? null : $"{NationalIdPrefix}{1001 + i}",
                Source = manual ? ExperienceSource.Manual : ExperienceSource.NationalImport,
                StructureId = structure.Id,
                NationalStructureLabel = manual ? null : structure.Name,
                Typology1 = manual ? null : "Services de l'État dans le département",
                Typology2 = manual ? null : structure.Name,
                Typology3 = manual ? null : sample.Typology,
                Title = sample.Title,
                Description = sample.Description,
                NationalState = manual ? null : plan == Plan.AnsweredNationally ? "Traitée" : "Publiée",
                Sentiment = sample.Sentiment,
                PostalCode = manual ? null : PostalCodes[i % PostalCodes.Length],
                WrittenOn = publishedOn.AddDays(-(i % 3)),
                PublishedOn = publishedOn,
                DueOn = ExperienceService.DueOn(publishedOn, delay),
                CreatedAtUtc = At(publishedOn, now),
                LastImportedAtUtc = manual ? null : At(publishedOn.AddDays(1), now),
            };
            experience.SetTags(sample.Tags.ToHashSet());

            if (plan == Plan.AnsweredNationally)
            {
                experience.FirstAnswerOn = Min(publishedOn.AddDays(2 + i % 19), today);
                experience.NationalAnswer = Render(templates, sample.Sentiment, structure.Name, experience.WrittenOn);
            }

            var correspondent = correspondents.FirstOrDefault(c => c.Structures.Contains(structure.Id));
            var author = correspondent is null ? (referent.Id, referent.DisplayName) : (correspondent.Id, correspondent.DisplayName);
            if (i % 4 == 1 && plan is Plan.Open or Plan.Draft or Plan.Returned)
            {
                experience.AssigneeUserId = author.Item1;
            }

            db.Experiences.Add(experience);
            await db.SaveChangesAsync(cancellationToken);

            if (plan is not (Plan.Open or Plan.AnsweredNationally))
            {
                await AnswerAsync(experience, plan, templates, structure.Name, author, (referent.Id, referent.DisplayName), today, now, cancellationToken);
            }

            if (i is 0 or 8)
            {
                commented.Add((experience.Id, author.Item1, author.Item2, At(publishedOn.AddDays(1), now),
                    i == 0
                        ? "Vérifier avec le chef de service si la situation décrite a déjà été corrigée avant de répondre."
                        : "Le service concerné a été prévenu : attendre son retour pour préciser les mesures prises dans la réponse."));
            }
        }

        // Three experiences whose national structure label is not mapped yet: the referent's queue.
        string[] unmappedLabels = [UnmappedLabel, UnmappedLabel, OtherUnmappedLabel];
        for (var u = 0; u < unmappedLabels.Length; u++)
        {
            var sample = Samples[(u * 5 + 3) % Samples.Length];
            var publishedOn = today.AddDays(-(5 + u * 11));
            var experience = new Experience
            {
                NationalId = $"{NationalIdPrefix}{1101 + u}",
                Source = ExperienceSource.NationalImport,
                NationalStructureLabel = unmappedLabels[u],
                Typology1 = "Services de l'État dans le département",
                Typology3 = sample.Typology,
                Title = sample.Title,
                Description = sample.Description,
                NationalState = "Publiée",
                Sentiment = sample.Sentiment,
                WrittenOn = publishedOn.AddDays(-1),
                PublishedOn = publishedOn,
                DueOn = ExperienceService.DueOn(publishedOn, delay),
                CreatedAtUtc = At(publishedOn, now),
                LastImportedAtUtc = At(publishedOn.AddDays(1), now),
            };
            experience.SetTags(sample.Tags.ToHashSet());
            db.Experiences.Add(experience);
        }

        foreach (var c in commented)
        {
            db.ExperienceComments.Add(new ExperienceComment { ExperienceId = c.ExperienceId, AuthorUserId = c.AuthorId, AuthorName = c.AuthorName, AtUtc = c.At, Text = c.Text });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] PostalCodes = ["10000", "10100", "10200", "10300", "10400", "10500", "10600"];

    /// <summary>
    /// The newest experiences are being worked on (every state of the workflow), four older ones are overdue (not
    /// answered, or an answer returned for correction), the others are answered, on the national platform or here.
    /// </summary>
    private static Plan PlanFor(int i) => i switch
    {
        0 => Plan.Open,
        1 => Plan.Draft,
        2 => Plan.Open,
        3 => Plan.Returned,
        4 => Plan.Submitted,
        5 => Plan.Open,
        6 => Plan.Approved,
        7 => Plan.Submitted,
        8 => Plan.Open,
        9 => Plan.Returned,
        10 => Plan.Open,
        13 => Plan.Open,
        _ when i % 3 == 0 => Plan.PublishedHere,
        _ => Plan.AnsweredNationally,
    };

    private async Task AnswerAsync(
        Experience experience, Plan plan, IReadOnlyList<AnswerTemplate> templates, string structureName,
        (string Id, string Name) author, (string Id, string Name) referent, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var template = TemplateFor(templates, experience.Sentiment);
        var published = experience.PublishedOn!.Value;
        var answer = new ExperienceAnswer
        {
            ExperienceId = experience.Id,
            StructureId = experience.StructureId!.Value,
            Text = Render(templates, experience.Sentiment, structureName, experience.WrittenOn),
            TemplateId = template?.Id,
            State = ReviewState.Draft,
            CreatedAtUtc = At(published.AddDays(1), now),
            UpdatedAtUtc = At(published.AddDays(1), now),
            UpdatedByUserId = author.Id,
        };
        db.ExperienceAnswers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);

        var events = new List<(ReviewAction Action, ReviewState From, ReviewState To, (string Id, string Name) Actor, int Day, string? Comment)>();
        if (plan != Plan.Draft)
        {
            events.Add((ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted, author, 2, null));
        }

        if (plan == Plan.Returned)
        {
            events.Add((ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft, referent, 3, ReturnComment));
        }

        if (plan is Plan.Approved or Plan.PublishedHere)
        {
            events.Add((ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved, referent, 4, null));
        }

        if (plan == Plan.PublishedHere)
        {
            events.Add((ReviewAction.Publish, ReviewState.Approved, ReviewState.Published, author, 6, null));
        }

        foreach (var e in events)
        {
            var at = At(published.AddDays(e.Day), now);
            db.ReviewEvents.Add(new ReviewEvent
            {
                DocumentKind = ReviewDocumentKind.ExperienceAnswer,
                DocumentId = answer.Id,
                StructureId = answer.StructureId,
                Action = e.Action,
                FromState = e.From,
                ToState = e.To,
                ActorUserId = e.Actor.Id,
                ActorName = e.Actor.Name,
                AtUtc = at,
                Comment = e.Comment,
            });
            answer.State = e.To;
            answer.StateChangedAtUtc = at;
            if (e.Action == ReviewAction.Publish)
            {
                var postedOn = Min(published.AddDays(e.Day), today);
                answer.PostedOn = postedOn;
                experience.FirstAnswerOn = postedOn;
                experience.NationalState = "Traitée";
            }
        }

        answer.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<AnswerTemplate>> SeedTemplatesAsync(CancellationToken cancellationToken)
    {
        if (!await db.AnswerTemplates.AnyAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            db.AnswerTemplates.AddRange(
                new AnswerTemplate
                {
                    Title = "Remerciements (avis positif)",
                    Body = "Bonjour,\n\nNous vous remercions pour votre message du {date_experience} et pour la confiance que vous accordez à {structure}. "
                        + "Vos encouragements sont transmis à l'équipe qui vous a reçu.\n\nNous restons à votre disposition.\n\n{signature}",
                    UpdatedAtUtc = now,
                },
                new AnswerTemplate
                {
                    Title = "Excuses (avis négatif)",
                    Body = "Bonjour,\n\nNous vous remercions d'avoir pris le temps de partager votre expérience du {date_experience} et vous prions de nous excuser "
                        + "pour la gêne occasionnée. Votre remarque a été transmise au service concerné de {structure}, qui étudie les améliorations possibles.\n\n"
                        + "Nous restons à votre disposition pour toute précision.\n\n{signature}",
                    UpdatedAtUtc = now,
                },
                new AnswerTemplate
                {
                    Title = "Réponse neutre",
                    Body = "Bonjour,\n\nNous vous remercions pour votre retour du {date_experience}. Vos remarques aident {structure} à améliorer l'accueil "
                        + "et l'information des usagers.\n\nNous restons à votre disposition.\n\n{signature}",
                    UpdatedAtUtc = now,
                });
            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.AnswerTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task SeedMappingAsync(IReadOnlyList<(int Id, string Slug)> structures, CancellationToken cancellationToken)
    {
        if (await db.StructureLabelMappings.AnyAsync(cancellationToken)
            || structures.FirstOrDefault(s => s.Slug == "sous-prefecture-nogent-sur-seine") is not { Id: > 0 } nogent)
        {
            return;
        }

        db.StructureLabelMappings.Add(new StructureLabelMapping
        {
            Label = MappedLabel,
            NormalizedLabel = StructureLabels.Normalize(MappedLabel),
            StructureId = nogent.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDocumentReportsAsync(IReadOnlyList<(int Id, string Slug)> structures, CancellationToken cancellationToken)
    {
        if (await db.DocumentReports.AnyAsync(cancellationToken))
        {
            return;
        }

        var referent = await db.Users.Where(u => u.Email == $"referent@{DemoDataSeeder.EmailDomain}")
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var prefecture = structures.FirstOrDefault(s => s.Slug == ReferenceData.PrefectureSlug);
        var ddt = structures.FirstOrDefault(s => s.Slug == "ddt-aube");
        if (referent is null || prefecture.Id == 0 || ddt.Id == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = LocalTime.DateOf(now);
        db.DocumentReports.AddRange(
            new DocumentReport
            {
                StructureId = prefecture.Id,
                DocumentName = "Courrier de demande de pièces complémentaires (titre de séjour)",
                Kind = DocumentKind.Letter,
                ReceivedOn = today.AddDays(-40),
                Difficulty = "Le courrier cite des articles du code sans dire concrètement quelles pièces envoyer ni avant quelle date.",
                Suggestion = "Mettre en tête la liste des pièces attendues et la date limite, puis les références juridiques en bas de page.",
                Status = DocumentReportStatus.InProgress,
                CreatedAtUtc = now.AddDays(-35),
                CreatedByUserId = referent.Id,
                Notes =
                [
                    new DocumentReportNote
                    {
                        AtUtc = now.AddDays(-30), AuthorUserId = referent.Id, AuthorName = referent.DisplayName, Status = DocumentReportStatus.InProgress,
                        Text = "Transmis au bureau des étrangers, qui propose une nouvelle version du modèle de courrier.",
                    },
                ],
            },
            new DocumentReport
            {
                StructureId = ddt.Id,
                DocumentName = "Formulaire de déclaration préalable de travaux",
                Kind = DocumentKind.Form,
                ReceivedOn = today.AddDays(-90),
                Difficulty = "La notice renvoie à des cases numérotées qui ne correspondent pas à la version du formulaire en ligne.",
                Suggestion = null,
                Status = DocumentReportStatus.Simplified,
                CreatedAtUtc = now.AddDays(-85),
                CreatedByUserId = referent.Id,
                Notes =
                [
                    new DocumentReportNote
                    {
                        AtUtc = now.AddDays(-80), AuthorUserId = referent.Id, AuthorName = referent.DisplayName, Status = DocumentReportStatus.InProgress,
                        Text = "Le service urbanisme vérifie la concordance entre la notice et le formulaire.",
                    },
                    new DocumentReportNote
                    {
                        AtUtc = now.AddDays(-60), AuthorUserId = referent.Id, AuthorName = referent.DisplayName, Status = DocumentReportStatus.Simplified,
                        Text = "La notice mise à jour est en ligne et les agents d'accueil en ont été informés.",
                    },
                ],
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AnswerTemplate? TemplateFor(IReadOnlyList<AnswerTemplate> templates, Sentiment? sentiment)
    {
        var title = sentiment switch
        {
            Sentiment.Positive => "Remerciements",
            Sentiment.Negative => "Excuses",
            _ => "Réponse neutre",
        };
        return templates.FirstOrDefault(t => t.Title.StartsWith(title, StringComparison.Ordinal)) ?? templates.FirstOrDefault();
    }

    private static string Render(IReadOnlyList<AnswerTemplate> templates, Sentiment? sentiment, string structureName, DateOnly? experienceDate)
    {
        var body = TemplateFor(templates, sentiment)?.Body
            ?? "Bonjour,\n\nNous vous remercions pour votre message, transmis au service concerné de {structure}.\n\n{signature}";
        return AnswerTemplateRenderer.Render(body, new AnswerTemplateValues(structureName, experienceDate, $"Le service d'accueil — {structureName}"));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>10:00 in Paris on that day, in UTC, never in the future.</summary>
    private static DateTime At(DateOnly day, DateTime now)
    {
        var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0)), LocalTime.Paris);
        return at < now ? at : now.AddMinutes(-1);
    }
}
