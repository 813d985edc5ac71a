using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class GlossaryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> builder)
    {
        builder.ToTable("glossary_entries");
        builder.HasIndex(g => g.Key).IsUnique();
        builder.Property(g => g.Key).HasMaxLength(100);
        builder.Property(g => g.Theme).HasMaxLength(64);
        builder.Property(g => g.TermsFr).HasColumnType("text[]");
        builder.Property(g => g.TermsNl).HasColumnType("text[]");
        builder.Property(g => g.TermsEn).HasColumnType("text[]");
    }
}
