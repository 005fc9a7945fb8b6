using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Identity;

namespace SpPlus.Core.Data.Configurations;

public class UserStructureConfiguration : IEntityTypeConfiguration<UserStructure>
{
    public void Configure(EntityTypeBuilder<UserStructure> builder)
    {
        builder.HasKey(us => new { us.UserId, us.StructureId });
        builder.HasOne(us => us.User).WithMany(u => u.Structures).HasForeignKey(us => us.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(us => us.Structure).WithMany().HasForeignKey(us => us.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(us => us.StructureId);
    }
}
