namespace SpPlus.Core.Reviews;

/// <summary>The last transition of one reviewed document: what <see cref="ReviewQueries.LastActions"/> yields.</summary>
public sealed class LastReviewAction
{
    public int DocumentId { get; init; }

    public ReviewAction Action { get; init; }
}

/// <summary>
/// Queries on the review history that every kind of document shares, written to be translated to SQL: use them as
/// sub-queries inside a projection or a filter (capture the returned query in a variable, then refer to it in the
/// lambda) so that a list reads what it needs in the same query as its rows.
/// </summary>
public static class ReviewQueries
{
    /// <summary>
    /// Per document of <paramref name="kind"/> that has a history, its last action (the event with the highest id).
    /// A draft whose last action is <see cref="ReviewAction.Return"/> is "returned for correction".
    /// </summary>
    /// <example>
    /// <code>
    /// var lastActions = db.ReviewEvents.LastActions(ReviewDocumentKind.QuarterlyReport);
    /// db.QuarterlyReports.Select(r => new
    /// {
    ///     r.Id,
    ///     LastAction = lastActions.Where(l => l.DocumentId == r.Id).Select(l => (ReviewAction?)l.Action).FirstOrDefault(),
    /// });
    /// </code>
    /// </example>
    public static IQueryable<LastReviewAction> LastActions(this IQueryable<ReviewEvent> events, ReviewDocumentKind kind) =>
        events
            .Where(e => e.DocumentKind == kind)
            .Where(e => !events.Any(later => later.DocumentKind == kind && later.DocumentId == e.DocumentId && later.Id > e.Id))
            .Select(e => new LastReviewAction { DocumentId = e.DocumentId, Action = e.Action });

    /// <summary>
    /// The ids of the documents of <paramref name="kind"/> returned for correction: their last action is a return
    /// (such a document is a draft until it is submitted again, which adds a later event).
    /// </summary>
    public static IQueryable<int> ReturnedIds(this IQueryable<ReviewEvent> events, ReviewDocumentKind kind) =>
        events.LastActions(kind).Where(l => l.Action == ReviewAction.Return).Select(l => l.DocumentId);
}
