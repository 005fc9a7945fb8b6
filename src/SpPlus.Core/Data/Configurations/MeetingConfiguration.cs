using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpPlus.Core.Governance;

namespace SpPlus.Core.Data.Configurations;

public class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Place).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Agenda).HasMaxLength(8000);
        builder.Property(m => m.Minutes).HasMaxLength(20_000);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(m => new { m.Kind, m.HeldAt });
        builder.HasIndex(m => m.HeldAt);
        builder.HasMany(m => m.Participants).WithOne(p => p.Meeting).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne(d => d.Meeting).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Quality).HasMaxLength(200);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(2000).IsRequired();
        builder.HasIndex(d => new { d.MeetingId, d.Order });
    }
}
