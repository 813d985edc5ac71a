using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class UnknownSignInConfiguration : IEntityTypeConfiguration<UnknownSignIn>
{
    public void Configure(EntityTypeBuilder<UnknownSignIn> builder)
    {
        builder.ToTable("unknown_sign_ins");
        builder.HasKey(u => u.NameHash);
        builder.HasIndex(u => u.UpdatedAt);
    }
}
