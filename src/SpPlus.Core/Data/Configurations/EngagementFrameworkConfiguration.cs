using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.Data.Configurations;

public class EngagementFrameworkConfiguration : IEntityTypeConfiguration<EngagementFramework>
{
    public void Configure(EntityTypeBuilder<EngagementFramework> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(150).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.HasIndex(f => f.Year).IsUnique();
        builder.HasIndex(f => f.Status);
    }
}
