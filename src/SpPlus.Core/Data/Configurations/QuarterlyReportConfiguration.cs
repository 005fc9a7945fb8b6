using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Data.Configurations;

public class QuarterlyReportConfiguration : IEntityTypeConfiguration<QuarterlyReport>
{
    public void Configure(EntityTypeBuilder<QuarterlyReport> builder)
    {
        builder.ConfigureReviewable();
        builder.Ignore(r => r.Quarter);
        builder.HasOne(r => r.Structure).WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StructureId, r.Year, r.QuarterNumber }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.QuarterNumber, r.State });
    }
}
