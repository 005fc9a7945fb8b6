using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Data.Configurations;

public class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasIndex(e => new { e.DocumentKind, e.DocumentId });
        builder.HasIndex(e => new { e.StructureId, e.AtUtc });
        builder.HasOne(e => e.Meeting).WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
