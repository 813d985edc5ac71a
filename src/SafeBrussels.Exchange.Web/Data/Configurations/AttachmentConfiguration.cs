using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments", t => t.HasCheckConstraint(
            "ck_attachments_one_record", "(practice_id IS NULL) <> (meeting_id IS NULL)"));
        builder.Property(a => a.FileName).HasMaxLength(FieldLengths.FileName);
        builder.Property(a => a.ContentType).HasMaxLength(120);
        builder.Property(a => a.UploadedByName).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.PracticeId);
        builder.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Practice).WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
