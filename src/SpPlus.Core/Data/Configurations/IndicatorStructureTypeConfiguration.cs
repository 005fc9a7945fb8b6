using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Indicators;

namespace SpPlus.Core.Data.Configurations;

public class IndicatorStructureTypeConfiguration : IEntityTypeConfiguration<IndicatorStructureType>
{
    public void Configure(EntityTypeBuilder<IndicatorStructureType> builder)
    {
        builder.HasKey(t => new { t.IndicatorId, t.StructureType });
    }
}
