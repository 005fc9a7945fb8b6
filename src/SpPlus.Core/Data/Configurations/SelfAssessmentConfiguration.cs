using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.Data.Configurations;

public class AssessmentGridConfiguration : IEntityTypeConfiguration<AssessmentGrid>
{
    public void Configure(EntityTypeBuilder<AssessmentGrid> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.Property(g => g.ChangeNote).HasMaxLength(1000);
        builder.Property(g => g.CreatedByName).HasMaxLength(256);
        builder.HasIndex(g => new { g.FrameworkId, g.Version }).IsUnique();
        builder.HasOne(g => g.Framework).WithMany().HasForeignKey(g => g.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Criteria).WithOne(c => c.Grid).HasForeignKey(c => c.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AssessmentCriterionConfiguration : IEntityTypeConfiguration<AssessmentCriterion>
{
    public void Configure(EntityTypeBuilder<AssessmentCriterion> builder)
    {
        builder.Property(c => c.Wording).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.Guidance).HasMaxLength(2000);
        builder.HasOne(c => c.Engagement).WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.GridId, c.EngagementId, c.Order });
    }
}

public class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.ConfigureReviewable();
        builder.HasOne(a => a.Structure).WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Grid).WithMany().HasForeignKey(a => a.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StructureId, a.Year }).IsUnique();
        builder.HasIndex(a => new { a.Year, a.State });
        builder.HasMany(a => a.Ratings).WithOne(r => r.Assessment).HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CriterionRatingConfiguration : IEntityTypeConfiguration<CriterionRating>
{
    public void Configure(EntityTypeBuilder<CriterionRating> builder)
    {
        builder.Property(r => r.Evidence).HasMaxLength(4000);
        builder.Property(r => r.Comment).HasMaxLength(4000);
        builder.HasOne(r => r.Criterion).WithMany().HasForeignKey(r => r.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AssessmentId, r.CriterionId }).IsUnique();
    }
}
