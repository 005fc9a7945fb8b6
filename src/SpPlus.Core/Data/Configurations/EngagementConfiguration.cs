using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Data.Configurations;

public class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.Property(e => e.Wording).HasMaxLength(500).IsRequired();
        builder.HasOne(e => e.Framework).WithMany(f => f.Engagements).HasForeignKey(e => e.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.FrameworkId, e.Number }).IsUnique();
    }
}
