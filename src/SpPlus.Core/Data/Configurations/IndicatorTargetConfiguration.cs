using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Data.Configurations;

public class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.HasOne(t => t.Indicator).WithMany(i => i.Targets).HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Structure).WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.IndicatorId, t.StructureId }).IsUnique();
    }
}
