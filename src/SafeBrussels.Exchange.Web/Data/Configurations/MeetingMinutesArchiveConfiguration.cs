using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class MeetingMinutesArchiveConfiguration : IEntityTypeConfiguration<MeetingMinutesArchive>
{
    public void Configure(EntityTypeBuilder<MeetingMinutesArchive> builder)
    {
        builder.ToTable("meeting_minutes_archive");
        builder.HasKey(a => a.MeetingId);
        builder.HasOne<Meeting>().WithOne().HasForeignKey<MeetingMinutesArchive>(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
