using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows", table => table.HasCheckConstraint(
            "ck_follows_one_target",
            "num_nonnulls(theme_id, organization_id, practice_id, meeting_id) = 1"));
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(f => f.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Practice>().WithMany().HasForeignKey(f => f.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // One follow per member and target; NULLS NOT DISTINCT is not needed: exactly one target is set.
        builder.HasIndex(f => new { f.UserId, f.ThemeId }).IsUnique().HasFilter("theme_id IS NOT NULL");
        builder.HasIndex(f => new { f.UserId, f.OrganizationId }).IsUnique().HasFilter("organization_id IS NOT NULL");
        builder.HasIndex(f => new { f.UserId, f.PracticeId }).IsUnique().HasFilter("practice_id IS NOT NULL");
        builder.HasIndex(f => new { f.UserId, f.MeetingId }).IsUnique().HasFilter("meeting_id IS NOT NULL");
    }
}

internal sealed class OrganizationThemeConfiguration : IEntityTypeConfiguration<OrganizationTheme>
{
    public void Configure(EntityTypeBuilder<OrganizationTheme> builder)
    {
        builder.ToTable("organization_themes");
        builder.HasKey(t => new { t.OrganizationId, t.ThemeId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThemeLineageConfiguration : IEntityTypeConfiguration<ThemeLineage>
{
    public void Configure(EntityTypeBuilder<ThemeLineage> builder)
    {
        builder.HasNoKey().ToView("theme_lineage");
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.ToTable("digest_deliveries");
        // The exactly-once key: a second claim of the same member and period conflicts with the first.
        builder.HasKey(d => new { d.UserId, d.Period });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.MessageId).HasMaxLength(200);
        builder.Property(d => d.Error).HasMaxLength(1000);
    }
}

internal sealed class PendingDigestBatchConfiguration : IEntityTypeConfiguration<PendingDigestBatch>
{
    public void Configure(EntityTypeBuilder<PendingDigestBatch> builder)
    {
        builder.ToTable("pending_digest_batches");
        builder.HasKey(b => b.JobId);
        builder.Property(b => b.JobId).HasMaxLength(100);
    }
}
