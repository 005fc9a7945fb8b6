using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;

namespace SpPlus.Core.Reviews;

/// <summary>
/// The only code that moves a reviewed document: it checks the rule table, changes the state, renews the concurrency
/// token, appends a <see cref="ReviewEvent"/> and saves, in one transaction.
/// </summary>
public sealed class ReviewService(SpPlusDbContext db, TimeProvider time, ILogger<ReviewService> logger)
{
    public const string ConflictMessage =
        "Ce document a été modifié par quelqu'un d'autre pendant que vous le consultiez. Rechargez la page pour voir son état actuel.";

    public sealed record Request(ReviewAction Action, string? Comment = null, int? MeetingId = null, Guid? ExpectedToken = null);

    /// <summary>Checks one transition without applying it; returns the French reasons for a refusal.</summary>
    public static OperationResult Check(IReviewable document, ReviewActor actor, Request request)
    {
        var rule = ReviewRules.Find(document.ReviewKind, document.State, request.Action);
        if (rule is null)
        {
            return OperationResult.Failure(
                $"L'action « {request.Action.Label(document.ReviewKind)} » n'est pas possible sur un document à l'état « {document.State.Label()} ».");
        }

        if (!rule.AllowedParties.Overlaps(ReviewRules.PartiesOf(actor, document.StructureId)))
        {
            return OperationResult.Failure($"Vous n'êtes pas autorisé à effectuer l'action « {request.Action.Label(document.ReviewKind)} » sur ce document.");
        }

        var errors = new List<string>();
        if (rule.CommentRequired && string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add(request.Action == ReviewAction.Reopen
                ? "Indiquez le motif de la réouverture."
                : "Indiquez un commentaire expliquant ce qui doit être corrigé.");
        }

        if (request.Comment is { Length: > 2000 })
        {
            errors.Add("Le commentaire doit contenir au plus 2000 caractères.");
        }

        if (rule.MeetingRequired && request.MeetingId is null)
        {
            errors.Add("Indiquez la réunion du COPIL au cours de laquelle la validation a été décidée.");
        }

        if (request.ExpectedToken is { } expected && expected != document.ConcurrencyToken)
        {
            errors.Add(ConflictMessage);
        }

        return errors.Count == 0 ? OperationResult.Success : OperationResult.Failure(errors);
    }

    /// <summary>Applies one transition and saves.</summary>
    public Task<OperationResult> ApplyAsync(IReviewable document, ReviewActor actor, Request request, CancellationToken cancellationToken = default) =>
        ApplyManyAsync([document], actor, request, cancellationToken);

    /// <summary>
    /// Applies the same transition to several documents (approve or publish a quarter's reports together): all of
    /// them or none. Refusals name the document's position in the list only when there are several.
    /// </summary>
    public async Task<OperationResult> ApplyManyAsync(
        IReadOnlyList<IReviewable> documents, ReviewActor actor, Request request, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return OperationResult.Failure("Sélectionnez au moins un document.");
        }

        var errors = new List<string>();
        foreach (var document in documents)
        {
            var check = Check(document, actor, documents.Count > 1 ? request with { ExpectedToken = null } : request);
            errors.AddRange(check.Errors);
        }

        if (errors.Count == 0 && request.MeetingId is { } meetingId
            && documents.Any(d => ReviewRules.Find(d.ReviewKind, d.State, request.Action)?.MeetingRequired == true)
            && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.Kind == MeetingKind.Copil, cancellationToken))
        {
            errors.Add("La réunion choisie n'est pas une réunion du COPIL enregistrée dans le portail.");
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Refused review action {Action} by {UserId} on {Count} document(s): {Errors}",
                request.Action, actor.UserId, documents.Count, string.Join(" | ", errors.Distinct()));
            return OperationResult.Failure(errors.Distinct());
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var document in documents)
        {
            var rule = ReviewRules.Find(document.ReviewKind, document.State, request.Action)!;
            db.Set<ReviewEvent>().Add(new ReviewEvent
            {
                DocumentKind = document.ReviewKind,
                DocumentId = document.Id,
                StructureId = document.StructureId,
                Action = request.Action,
                FromState = document.State,
                ToState = rule.To,
                ActorUserId = actor.UserId,
                ActorName = actor.DisplayName,
                AtUtc = now,
                Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
                MeetingId = rule.MeetingRequired ? request.MeetingId : null,
            });
            document.State = rule.To;
            document.StateChangedAtUtc = now;
            document.ConcurrencyToken = Guid.NewGuid();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Concurrency conflict on review action {Action} by {UserId}", request.Action, actor.UserId);
            return OperationResult.Failure(ConflictMessage);
        }

        foreach (var document in documents)
        {
            logger.LogInformation("Review: {Kind} {DocumentId} of structure {StructureId} {Action} by {UserId} -> {State}",
                document.ReviewKind, document.Id, document.StructureId, request.Action, actor.UserId, document.State);
        }

        return OperationResult.Success;
    }

    /// <summary>A document's history, oldest first, with the meeting of each validation.</summary>
    public Task<List<ReviewEvent>> HistoryAsync(ReviewDocumentKind kind, int documentId, CancellationToken cancellationToken = default) =>
        db.Set<ReviewEvent>().AsNoTracking()
            .Include(e => e.Meeting)
            .Where(e => e.DocumentKind == kind && e.DocumentId == documentId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
