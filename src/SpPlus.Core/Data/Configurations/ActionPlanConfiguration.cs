using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Data.Configurations;

public class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ConfigureReviewable();
        builder.HasOne(p => p.Structure).WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.StructureId, p.Year }).IsUnique();
        builder.HasIndex(p => new { p.Year, p.State });
        builder.HasMany(p => p.Actions).WithOne(a => a.Plan).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.OriginDetail).HasMaxLength(1000);
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();

        // The sources are never deleted while an action points to them: no cascade, and no cycle with the
        // experiences and document reports that point back to their action.
        builder.HasOne(a => a.Engagement).WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SourceCriterion).WithMany().HasForeignKey(a => a.SourceCriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SourceAssessment).WithMany().HasForeignKey(a => a.SourceAssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SourceExperience).WithMany().HasForeignKey(a => a.SourceExperienceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SourceIndicator).WithMany().HasForeignKey(a => a.SourceIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SourceMeeting).WithMany().HasForeignKey(a => a.SourceMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Updates).WithOne(u => u.Action).HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(a => new { a.PlanId, a.Status });
        builder.HasIndex(a => a.DueOn);
    }
}

public class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.Property(u => u.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(u => u.AuthorName).HasMaxLength(256).IsRequired();
        builder.Property(u => u.Comment).HasMaxLength(2000);
        builder.HasIndex(u => new { u.ActionId, u.AtUtc });
    }
}
