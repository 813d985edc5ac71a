using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class FeedTokenConfiguration : IEntityTypeConfiguration<FeedToken>
{
    public void Configure(EntityTypeBuilder<FeedToken> builder)
    {
        builder.ToTable("feed_tokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.ProtectedToken).HasMaxLength(1000);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        // One active token a member: two concurrent "new link" clicks cannot leave two.
        builder.HasIndex(t => t.UserId).IsUnique().HasFilter("revoked_at IS NULL");
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
