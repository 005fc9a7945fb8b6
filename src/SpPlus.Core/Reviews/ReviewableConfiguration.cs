using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpPlus.Core.Reviews;

public static class ReviewableConfiguration
{
    /// <summary>The mapping every reviewed document shares: its state (indexed) and its concurrency token.</summary>
    public static void ConfigureReviewable<T>(this EntityTypeBuilder<T> builder) where T : class, IReviewable
    {
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(d => d.State);
        builder.Ignore(d => d.ReviewKind);
    }
}
