using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Data.Configurations;

public class ExperienceConfiguration : IEntityTypeConfiguration<Experience>
{
    public void Configure(EntityTypeBuilder<Experience> builder)
    {
        builder.Property(e => e.NationalId).HasMaxLength(64);
        builder.HasIndex(e => e.NationalId).IsUnique();
        builder.Property(e => e.NationalStructureLabel).HasMaxLength(300);
        builder.Property(e => e.Typology1).HasMaxLength(300);
        builder.Property(e => e.Typology2).HasMaxLength(300);
        builder.Property(e => e.Typology3).HasMaxLength(300);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(10_000);
        builder.Property(e => e.NationalState).HasMaxLength(100);
        builder.Property(e => e.PostalCode).HasMaxLength(10);
        builder.Property(e => e.NationalAnswer).HasMaxLength(10_000);
        builder.Property(e => e.RejectionReason).HasMaxLength(300);
        builder.Ignore(e => e.Tags);
        builder.HasOne(e => e.Structure).WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Assignee).WithMany().HasForeignKey(e => e.AssigneeUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Answer).WithOne(a => a.Experience).HasForeignKey<ExperienceAnswer>(a => a.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Comments).WithOne(c => c.Experience).HasForeignKey(c => c.ExperienceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.StructureId, e.PublishedOn });
        builder.HasIndex(e => e.PublishedOn);
        builder.HasIndex(e => e.DueOn);
        builder.HasIndex(e => e.AssigneeUserId);
        builder.HasOne<ActionPlans.ImprovementAction>().WithMany().HasForeignKey(e => e.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ExperienceCommentConfiguration : IEntityTypeConfiguration<ExperienceComment>
{
    public void Configure(EntityTypeBuilder<ExperienceComment> builder)
    {
        builder.Property(c => c.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(4000).IsRequired();
    }
}

public class ExperienceAnswerConfiguration : IEntityTypeConfiguration<ExperienceAnswer>
{
    public void Configure(EntityTypeBuilder<ExperienceAnswer> builder)
    {
        builder.ConfigureReviewable();
        builder.Property(a => a.Text).HasMaxLength(10_000).IsRequired();
        builder.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        builder.HasIndex(a => a.ExperienceId).IsUnique();
        builder.HasIndex(a => new { a.StructureId, a.State });
        builder.HasOne<AnswerTemplate>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Structures.Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(10_000).IsRequired();
        builder.HasIndex(t => t.Title).IsUnique();
    }
}

public class StructureLabelMappingConfiguration : IEntityTypeConfiguration<StructureLabelMapping>
{
    public void Configure(EntityTypeBuilder<StructureLabelMapping> builder)
    {
        builder.Property(m => m.NormalizedLabel).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Label).HasMaxLength(300).IsRequired();
        builder.HasIndex(m => m.NormalizedLabel).IsUnique();
        builder.HasOne(m => m.Structure).WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ExperienceImportConfiguration : IEntityTypeConfiguration<ExperienceImport>
{
    public void Configure(EntityTypeBuilder<ExperienceImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        builder.Property(i => i.ImportedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.ImportedByName).HasMaxLength(200).IsRequired();
    }
}

public class DocumentReportConfiguration : IEntityTypeConfiguration<DocumentReport>
{
    public void Configure(EntityTypeBuilder<DocumentReport> builder)
    {
        builder.Property(r => r.DocumentName).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Difficulty).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Suggestion).HasMaxLength(4000);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne(r => r.Structure).WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.DocumentReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StructureId, r.Status });
        builder.HasOne<ActionPlans.ImprovementAction>().WithMany().HasForeignKey(r => r.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DocumentReportNoteConfiguration : IEntityTypeConfiguration<DocumentReportNote>
{
    public void Configure(EntityTypeBuilder<DocumentReportNote> builder)
    {
        builder.Property(n => n.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(4000).IsRequired();
    }
}
