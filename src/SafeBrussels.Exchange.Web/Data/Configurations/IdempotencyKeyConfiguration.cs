using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.UserId, k.Scope, k.Key });
        builder.Property(k => k.Scope).HasMaxLength(200);
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxKeyLength);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.ContentType).HasMaxLength(200);
        builder.HasIndex(k => k.CreatedAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
