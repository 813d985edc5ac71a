using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class PracticeConfiguration :
    IEntityTypeConfiguration<Practice>,
    IEntityTypeConfiguration<PracticeTheme>,
    IEntityTypeConfiguration<MeetingPractice>,
    IEntityTypeConfiguration<Comment>
{
    private static readonly JsonSerializerOptions TranslationJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new Infrastructure.Text.ControlCharacters.JsonConverter() },
    };

    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.ToTable("practices");
        builder.HasIndex(p => p.ExternalId).IsUnique();
        builder.HasIndex(p => p.OrganizationId);
        builder.HasIndex(p => p.AdaptedFromId);
        builder.HasIndex(p => p.UpdatedAt);
        builder.Property(p => p.ExternalId).HasMaxLength(FieldLengths.ExternalId);
        builder.Property(p => p.ImportHash).HasMaxLength(64);
        builder.Property(p => p.Language).HasMaxLength(2);
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.Line);
        builder.Property(p => p.Summary).HasMaxLength(FieldLengths.Summary);
        builder.Property(p => p.ContactName).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.ContactEmail).HasMaxLength(FieldLengths.Email);
        builder.Property(p => p.TargetGroups).HasColumnType("text[]");
        builder.Property(p => p.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion(s => s.ToCode(), s => PracticeCodes.ParseStatus(s)).HasMaxLength(16);
        builder.Property(p => p.Evidence).HasConversion(e => e.ToCode(), s => PracticeCodes.ParseEvidence(s)).HasMaxLength(16);
        builder.Property(p => p.Translations)
            .HasColumnType("jsonb")
            .HasConversion(
                t => JsonSerializer.Serialize(t, TranslationJson),
                s => JsonSerializer.Deserialize<List<PracticeTranslation>>(s, TranslationJson) ?? new List<PracticeTranslation>(),
                new ValueComparer<List<PracticeTranslation>>(
                    (a, b) => a!.SequenceEqual(b!),
                    t => t.Aggregate(0, (hash, x) => HashCode.Combine(hash, x.GetHashCode())),
                    t => t.ToList()));
        // A version the application counts, one more at every save.
        builder.Property(p => p.Version).HasConversion<long>().IsConcurrencyToken();
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.AdaptedFrom).WithMany().HasForeignKey(p => p.AdaptedFromId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PracticeTheme> builder)
    {
        builder.ToTable("practice_themes");
        builder.HasKey(t => new { t.PracticeId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MeetingPractice> builder)
    {
        builder.ToTable("meeting_practices");
        builder.HasKey(l => new { l.MeetingId, l.PracticeId });
        builder.HasIndex(l => l.PracticeId);
        builder.HasOne(l => l.Practice).WithMany().HasForeignKey(l => l.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Tlp).HasConversion(t => t.ToLabel(), s => TlpLabels.Parse(s)).HasMaxLength(16);
        builder.ToTable("comments", t => t.HasCheckConstraint(
            "ck_comments_one_parent", "(practice_id IS NULL) <> (meeting_id IS NULL)"));
        builder.HasIndex(c => new { c.PracticeId, c.CreatedAt });
        builder.HasIndex(c => new { c.MeetingId, c.CreatedAt });
        builder.Property(c => c.AuthorName).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.Body).HasMaxLength(FieldLengths.Comment);
        builder.HasOne(c => c.Practice).WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
