using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

/// <summary>Gives the Identity tables plain names and adds the exchange-specific user columns.</summary>
internal sealed class IdentityConfiguration :
    IEntityTypeConfiguration<ApplicationUser>,
    IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserPasskey<Guid>>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.Name);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(2);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.EmailLanguage).HasMaxLength(2);
        builder.Property(u => u.DigestFrequency).HasConversion<string>().HasMaxLength(16).HasDefaultValue(DigestFrequency.Weekly).HasSentinel((DigestFrequency)(-1));
        builder.Property(u => u.DigestDay).HasConversion<string>().HasMaxLength(16).HasDefaultValue(DayOfWeek.Monday).HasSentinel((DayOfWeek)(-1));
        builder.Property(u => u.DigestHour).HasDefaultValue(8).HasSentinel(-1);
        builder.HasOne(u => u.Organization)
            .WithMany(o => o.Members)
            .HasForeignKey(u => u.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrganizationId);
    }

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.ToTable("roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<Guid>> builder) => builder.ToTable("user_passkeys");
}
