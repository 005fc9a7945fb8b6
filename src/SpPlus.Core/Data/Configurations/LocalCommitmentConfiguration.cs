using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Data.Configurations;

public class LocalCommitmentConfiguration : IEntityTypeConfiguration<LocalCommitment>
{
    public void Configure(EntityTypeBuilder<LocalCommitment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.Target).HasMaxLength(200);
        builder.HasOne(c => c.Structure).WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Engagement).WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.StructureId);
    }
}
