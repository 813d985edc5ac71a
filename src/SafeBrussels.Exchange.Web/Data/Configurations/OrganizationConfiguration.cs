using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasIndex(o => o.Key).IsUnique();
        builder.Property(o => o.Key).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(FieldLengths.Line);
        builder.Property(o => o.City).HasMaxLength(FieldLengths.Name);
        builder.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(o => o.WorkingLanguages).HasColumnType("text[]");
    }
}
