using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Feedback;

/// <summary>
/// The answers to experiences: starting the draft (from a template or a blank page), saving its text, the pre-submit
/// check, and moving it through the review workflow. States change only through <see cref="ReviewService"/>; this
/// service adds the answer's own rules:
/// <list type="bullet">
/// <item>one answer per experience, only for an experience placed in a structure, started by the structure's
/// correspondents or the referent (<see cref="ReviewRules.CanEditContent"/>);</item>
/// <item>the text is required (at most <see cref="TextMaxLength"/> characters) to save or submit it;</item>
/// <item>the Publish action of the workflow is "marked as published on the national platform" with the date it was
/// posted there (<see cref="MarkPublishedAsync"/>): it sets <see cref="ExperienceAnswer.PostedOn"/>, and the
/// experience's <see cref="Experience.FirstAnswerOn"/> when it has none yet;</item>
/// <item>reopening a published answer moves it back to draft and clears <see cref="ExperienceAnswer.PostedOn"/>, but
/// <see cref="Experience.FirstAnswerOn"/> stays: once an answer was posted on the national platform, the first answer
/// date is a national fact that a local correction does not undo.</item>
/// </list>
/// </summary>
public sealed class ExperienceAnswerService(SpPlusDbContext db, ReviewService reviews, TimeProvider time)
{
    public const int TextMaxLength = 10_000;

    public const string NotFoundMessage = "Cette réponse n'existe pas ou plus.";
    public const string ExperienceNotFoundMessage = "Cet avis n'existe pas ou plus.";
    public const string UnplacedMessage = "Cet avis n'est rattaché à aucune structure : rattachez-le à une structure avant de rédiger la réponse.";
    public const string NotAllowedMessage = "Vous n'êtes pas autorisé à rédiger la réponse à cet avis.";
    public const string LockedMessage = "La réponse soumise n'est plus modifiable : elle doit être renvoyée pour correction ou rouverte par le référent.";
    public const string TextRequiredMessage = "Saisissez le texte de la réponse.";
    public const string ReplaceNeedsConfirmationMessage = "Cet avis a déjà une réponse : confirmez que son texte doit être remplacé par le modèle.";
    public const string InactiveTemplateMessage = "Ce modèle de réponse n'est plus proposé : choisissez-en un autre.";

    public static string TextTooLongMessage => $"La réponse doit contenir au plus {TextMaxLength.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères.";

    /// <summary>Today in Europe/Paris: the national platform's dates are calendar days there.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The signature <c>{signature}</c> is filled with: the structure's team.</summary>
    public static string Signature(string structureName) => $"L'équipe Services Publics+ de la {structureName}";

    /// <summary>
    /// Starts the draft answer of an experience, filled from the template when one is given: returns its id. When the
    /// experience already has an answer, its id is returned unchanged if no template is given; with a template the
    /// start is refused with <see cref="ReplaceNeedsConfirmationMessage"/>: replacing a text goes through
    /// <see cref="ApplyTemplateAsync"/>, once the user has confirmed it.
    /// </summary>
    public async Task<OperationResult<int>> StartAsync(int experienceId, int? templateId, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var experience = await db.Experiences.Include(e => e.Structure).Include(e => e.Answer)
            .FirstOrDefaultAsync(e => e.Id == experienceId, cancellationToken);
        if (experience is null)
        {
            return OperationResult<int>.Failure(ExperienceNotFoundMessage);
        }

        if (experience.StructureId is not { } structureId)
        {
            return OperationResult<int>.Failure(UnplacedMessage);
        }

        if (!ReviewRules.CanEditContent(ReviewState.Draft, actor, structureId))
        {
            return OperationResult<int>.Failure(NotAllowedMessage);
        }

        if (experience.Answer is { } existing)
        {
            return templateId is null ? OperationResult.Ok(existing.Id) : OperationResult<int>.Failure(ReplaceNeedsConfirmationMessage);
        }

        var text = "";
        if (templateId is { } id)
        {
            var template = await db.AnswerTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (template is null)
            {
                return OperationResult<int>.Failure(AnswerTemplateService.NotFoundMessage);
            }

            if (!template.IsActive)
            {
                return OperationResult<int>.Failure(InactiveTemplateMessage);
            }

            text = Render(template.Body, experience);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var answer = new ExperienceAnswer
        {
            ExperienceId = experience.Id,
            StructureId = structureId,
            Text = text,
            TemplateId = templateId,
            State = ReviewState.Draft,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            UpdatedByUserId = actor.UserId,
        };
        db.ExperienceAnswers.Add(answer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Started at the same moment by someone else: the unique index kept one answer, return it.
            db.Entry(answer).State = EntityState.Detached;
            var other = await db.ExperienceAnswers.AsNoTracking().Where(a => a.ExperienceId == experienceId).Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (other is { } otherId)
            {
                return OperationResult.Ok(otherId);
            }

            throw;
        }

        return OperationResult.Ok(answer.Id);
    }

    /// <summary>
    /// Replaces the text of a draft answer by a template filled for its experience. Call it only once the user has
    /// confirmed that the current text may be replaced. Returns the new concurrency token.
    /// </summary>
    public async Task<OperationResult<Guid>> ApplyTemplateAsync(
        int answerId, int templateId, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var answer = await db.ExperienceAnswers.Include(a => a.Experience).ThenInclude(e => e!.Structure)
            .FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null)
        {
            return OperationResult<Guid>.Failure(NotFoundMessage);
        }

        if (EditRefusal(answer, actor) is { } refusal)
        {
            return OperationResult<Guid>.Failure(refusal);
        }

        var template = await db.AnswerTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return OperationResult<Guid>.Failure(AnswerTemplateService.NotFoundMessage);
        }

        if (!template.IsActive)
        {
            return OperationResult<Guid>.Failure(InactiveTemplateMessage);
        }

        if (answer.ConcurrencyToken != expectedToken)
        {
            return OperationResult<Guid>.Failure(ReviewService.ConflictMessage);
        }

        answer.Text = Render(template.Body, answer.Experience!);
        answer.TemplateId = template.Id;
        return await SaveTextAsync(answer, actor, cancellationToken);
    }

    /// <summary>
    /// Saves the text of a draft answer (required, at most <see cref="TextMaxLength"/> characters) when nobody saved it
    /// since <paramref name="expectedToken"/> was read. Returns the new concurrency token. Nothing is saved on a refusal.
    /// </summary>
    public async Task<OperationResult<Guid>> SaveAsync(
        int answerId, string? text, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var answer = await db.ExperienceAnswers.FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null)
        {
            return OperationResult<Guid>.Failure(NotFoundMessage);
        }

        if (EditRefusal(answer, actor) is { } refusal)
        {
            return OperationResult<Guid>.Failure(refusal);
        }

        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return OperationResult<Guid>.Failure(TextRequiredMessage);
        }

        if (clean.Length > TextMaxLength)
        {
            return OperationResult<Guid>.Failure(TextTooLongMessage);
        }

        if (answer.ConcurrencyToken != expectedToken)
        {
            return OperationResult<Guid>.Failure(ReviewService.ConflictMessage);
        }

        answer.Text = clean;
        return await SaveTextAsync(answer, actor, cancellationToken);
    }

    /// <summary>The pre-submit check: advice in French about personal data and the tone checklist, never a refusal.</summary>
    public static IReadOnlyList<AnswerWarning> Check(string? text) => AnswerTextCheck.Check(Clean(text));

    /// <summary>
    /// Moves one answer through the workflow. A submission needs a text. The Publish action needs the date the answer
    /// was posted on the national platform: here it is today; <see cref="MarkPublishedAsync"/> takes another date.
    /// A reopening clears <see cref="ExperienceAnswer.PostedOn"/> (and keeps the experience's first answer date).
    /// </summary>
    public async Task<OperationResult> ReviewAsync(int answerId, ReviewActor actor, ReviewService.Request request, CancellationToken cancellationToken = default)
    {
        if (request.Action == ReviewAction.Publish)
        {
            return await MarkPublishedAsync(answerId, Today, actor, request.ExpectedToken, cancellationToken);
        }

        var answer = await db.ExperienceAnswers.FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (request.Action == ReviewAction.Submit)
        {
            var check = ReviewService.Check(answer, actor, request);
            if (!check.Succeeded)
            {
                return check;
            }

            if (string.IsNullOrWhiteSpace(answer.Text))
            {
                return OperationResult.Failure("La réponse est vide : rédigez-la avant de la soumettre.");
            }
        }

        var postedBefore = answer.PostedOn;
        if (request.Action == ReviewAction.Reopen)
        {
            answer.PostedOn = null;
        }

        var result = await reviews.ApplyAsync(answer, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            answer.PostedOn = postedBefore;
        }

        return result;
    }

    /// <summary>
    /// Approves several submitted answers together, through <see cref="ReviewService.ApplyManyAsync"/>: all of them or
    /// none. Each refusal names the answer it concerns (structure and experience title). When
    /// <paramref name="expectedTokens"/> gives an answer's concurrency token as the page showed it, an answer changed
    /// since then is refused.
    /// </summary>
    public async Task<OperationResult> ApproveManyAsync(
        IReadOnlyCollection<int> answerIds, ReviewActor actor, IReadOnlyDictionary<int, Guid>? expectedTokens = null,
        CancellationToken cancellationToken = default)
    {
        var ids = answerIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return OperationResult.Failure("Sélectionnez au moins une réponse à approuver.");
        }

        var answers = await db.ExperienceAnswers.Include(a => a.Experience).ThenInclude(e => e!.Structure)
            .Where(a => ids.Contains(a.Id))
            .ToListAsync(cancellationToken);
        if (answers.Count != ids.Count)
        {
            return OperationResult.Failure("Certaines des réponses sélectionnées n'existent plus.");
        }

        answers = answers.OrderBy(a => a.Experience!.Structure?.Name).ThenBy(a => a.Id).ToList();
        var request = new ReviewService.Request(ReviewAction.Approve);
        var errors = new List<string>();
        foreach (var answer in answers)
        {
            var answerErrors = ReviewService.Check(answer, actor, request).Errors.ToList();
            if (answerErrors.Count == 0 && expectedTokens is not null && expectedTokens.TryGetValue(answer.Id, out var expected)
                && expected != answer.ConcurrencyToken)
            {
                answerErrors.Add(ReviewService.ConflictMessage);
            }

            errors.AddRange(answerErrors.Select(e => $"{Name(answer)} : {e}"));
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        return await reviews.ApplyManyAsync(answers, actor, request, cancellationToken);
    }

    /// <summary>
    /// The Publish action of the workflow (Approuvé → Publié): the approved answer was posted on the national platform
    /// on <paramref name="postedOn"/>. The date may be neither in the future nor before the experience's publication;
    /// it becomes the answer's <see cref="ExperienceAnswer.PostedOn"/> and, when the experience has no first answer
    /// date yet, its <see cref="Experience.FirstAnswerOn"/>. Saved in the same transaction as the transition.
    /// </summary>
    public async Task<OperationResult> MarkPublishedAsync(
        int answerId, DateOnly postedOn, ReviewActor actor, Guid? expectedToken, CancellationToken cancellationToken = default)
    {
        var answer = await db.ExperienceAnswers.Include(a => a.Experience).FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        var request = new ReviewService.Request(ReviewAction.Publish, ExpectedToken: expectedToken);
        var check = ReviewService.Check(answer, actor, request);
        if (!check.Succeeded)
        {
            return check;
        }

        var errors = new List<string>();
        if (postedOn > Today)
        {
            errors.Add("La date de publication sur la plateforme nationale ne peut pas être dans le futur.");
        }

        var experience = answer.Experience!;
        if (experience.PublishedOn is { } published && postedOn < published)
        {
            errors.Add($"La date de publication de la réponse ne peut pas précéder celle de l'avis ({published.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture)}).");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        var firstAnswerBefore = experience.FirstAnswerOn;
        answer.PostedOn = postedOn;
        experience.FirstAnswerOn ??= postedOn;
        var result = await reviews.ApplyAsync(answer, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            answer.PostedOn = null;
            experience.FirstAnswerOn = firstAnswerBefore;
        }

        return result;
    }

    /// <summary>
    /// One page of the submitted answers waiting for the referent, oldest submission first, with each text's warning
    /// count computed now; and the total count. Two queries.
    /// </summary>
    public async Task<(IReadOnlyList<AnswerToApprove> Rows, int Total)> SubmittedAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        // States are stored as text: compare them by equality in queries.
        var submitted = db.ExperienceAnswers.AsNoTracking().Where(a => a.State == ReviewState.Submitted);
        var total = await submitted.CountAsync(cancellationToken);
        var rows = await submitted
            .OrderBy(a => a.StateChangedAtUtc).ThenBy(a => a.Id)
            .Skip((Math.Max(1, page) - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new
            {
                a.Id,
                a.ExperienceId,
                StructureName = a.Experience!.Structure!.Name,
                a.Experience.Title,
                a.StateChangedAtUtc,
                a.ConcurrencyToken,
                a.Text,
            })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new AnswerToApprove(r.Id, r.ExperienceId, r.StructureName, r.Title, r.StateChangedAtUtc,
            r.ConcurrencyToken, AnswerTextCheck.Check(r.Text).Count)).ToList(), total);
    }

    /// <summary>The template's body filled for this experience.</summary>
    public static string Render(string body, Experience experience)
    {
        var structureName = experience.Structure?.Name ?? "";
        return AnswerTemplateRenderer.Render(body, new AnswerTemplateValues(
            structureName,
            experience.WrittenOn ?? experience.PublishedOn,
            Signature(structureName),
            experience.Title));
    }

    private static string? EditRefusal(ExperienceAnswer answer, ReviewActor actor)
    {
        if (ReviewRules.CanEditContent(answer.State, actor, answer.StructureId))
        {
            return null;
        }

        return ReviewRules.CanEditContent(ReviewState.Draft, actor, answer.StructureId) ? LockedMessage : NotAllowedMessage;
    }

    private async Task<OperationResult<Guid>> SaveTextAsync(ExperienceAnswer answer, ReviewActor actor, CancellationToken cancellationToken)
    {
        answer.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        answer.UpdatedByUserId = actor.UserId;
        answer.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult<Guid>.Failure(ReviewService.ConflictMessage);
        }

        return OperationResult.Ok(answer.ConcurrencyToken);
    }

    private static string Name(ExperienceAnswer answer)
    {
        var experience = answer.Experience!;
        var title = string.IsNullOrWhiteSpace(experience.Title) ? $"avis n° {experience.Id}" : $"« {experience.Title} »";
        return $"{experience.Structure?.Name ?? "Sans structure"}, {title}";
    }

    /// <summary>The text as typed, line ends made uniform and surrounding blanks removed.</summary>
    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
