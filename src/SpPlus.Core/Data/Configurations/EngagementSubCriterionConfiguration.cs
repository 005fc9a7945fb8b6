using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Data.Configurations;

public class EngagementSubCriterionConfiguration : IEntityTypeConfiguration<EngagementSubCriterion>
{
    public void Configure(EntityTypeBuilder<EngagementSubCriterion> builder)
    {
        builder.Property(c => c.Wording).HasMaxLength(500).IsRequired();
        builder.HasOne(c => c.Engagement).WithMany(e => e.SubCriteria).HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.EngagementId, c.Order });
    }
}
