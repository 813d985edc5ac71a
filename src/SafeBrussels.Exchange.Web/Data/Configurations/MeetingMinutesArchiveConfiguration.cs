using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class MeetingMinutesArchiveConfiguration : IEntityTypeConfiguration<MeetingMinutesArchive>
{
    public void Configure(EntityTypeBuilder<MeetingMinutesArchive> builder)
    {
        builder.ToTable("meeting_minutes_archive");
        builder.HasIndex(a => a.MeetingId);
        builder.Property(a => a.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
