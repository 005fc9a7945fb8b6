using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Label).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.Formula).HasMaxLength(500);
        builder.Property(i => i.NumeratorLabel).HasMaxLength(200);
        builder.Property(i => i.DenominatorLabel).HasMaxLength(200);
        builder.Property(i => i.NationalCode).HasMaxLength(20);
        builder.HasOne(i => i.Engagement).WithMany().HasForeignKey(i => i.EngagementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.StructureTypes).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
