using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Data.Configurations;

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.NotApplicableReason).HasMaxLength(500);
        builder.Property(v => v.Comment).HasMaxLength(1000);
        builder.HasOne(v => v.Report).WithMany(r => r.Values).HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ReportId, v.IndicatorId }).IsUnique();
        builder.HasIndex(v => v.IndicatorId);
    }
}
