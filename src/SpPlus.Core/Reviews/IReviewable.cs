namespace SpPlus.Core.Reviews;

/// <summary>
/// A document moved by the review workflow. Its state is changed only by <see cref="ReviewService"/>; its
/// concurrency token is renewed on every save so that two people cannot overwrite each other.
/// </summary>
public interface IReviewable
{
    int Id { get; }

    int StructureId { get; }

    ReviewDocumentKind ReviewKind { get; }

    ReviewState State { get; set; }

    Guid ConcurrencyToken { get; set; }

    /// <summary>When the document was last submitted, approved, published... (UTC).</summary>
    DateTime? StateChangedAtUtc { get; set; }
}
