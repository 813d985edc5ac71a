using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class MeetingConfiguration :
    IEntityTypeConfiguration<Meeting>,
    IEntityTypeConfiguration<MeetingParticipant>,
    IEntityTypeConfiguration<MeetingTheme>,
    IEntityTypeConfiguration<AgendaItem>,
    IEntityTypeConfiguration<MeetingDecision>,
    IEntityTypeConfiguration<ActionItem>,
    IEntityTypeConfiguration<MeetingAttendee>,
    IEntityTypeConfiguration<MeetingRevision>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasIndex(m => m.ExternalId).IsUnique();
        builder.HasIndex(m => m.StartsAt);
        builder.HasIndex(m => m.UpdatedAt);
        builder.HasIndex(m => m.HostOrganizationId);
        builder.Property(m => m.ExternalId).HasMaxLength(FieldLengths.ExternalId);
        builder.Property(m => m.ImportHash).HasMaxLength(64);
        builder.Property(m => m.Title).HasMaxLength(FieldLengths.Line);
        builder.Property(m => m.Location).HasMaxLength(FieldLengths.Line);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.Property(m => m.Mode).HasConversion(m => m.ToCode(), s => MeetingModes.Parse(s)).HasMaxLength(16);
        // A version the application counts, one more at every save.
        builder.Property(m => m.Version).HasConversion<long>().IsConcurrencyToken();
        builder.HasOne(m => m.HostOrganization).WithMany().HasForeignKey(m => m.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Themes).WithOne().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ActionItems).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Practices).WithOne(p => p.Meeting).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.ToTable("meeting_participants");
        builder.HasKey(p => new { p.MeetingId, p.OrganizationId });
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MeetingTheme> builder)
    {
        builder.ToTable("meeting_themes");
        builder.HasKey(t => new { t.MeetingId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("meeting_agenda_items");
        builder.Property(a => a.Title).HasMaxLength(FieldLengths.Line);
    }

    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("meeting_decisions");
        builder.Property(d => d.Text).HasMaxLength(FieldLengths.Decision);
    }

    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("meeting_action_items");
        builder.Property(a => a.Title).HasMaxLength(FieldLengths.Line);
        builder.HasIndex(a => a.OwnerOrganizationId);
        builder.HasIndex(a => a.OwnerUserId);
        builder.HasOne(a => a.OwnerOrganization).WithMany().HasForeignKey(a => a.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerUser).WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.ToTable("meeting_attendees");
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(a => a.UserId);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingRevision> builder)
    {
        builder.ToTable("meeting_revisions");
        builder.HasIndex(r => new { r.MeetingId, r.Number }).IsUnique();
        builder.Property(r => r.AuthorName).HasMaxLength(FieldLengths.Name);
        builder.Property(r => r.Snapshot).HasColumnType("jsonb");
        builder.Property(r => r.ChangedFields).HasColumnType("text[]");
        builder.Property(r => r.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
