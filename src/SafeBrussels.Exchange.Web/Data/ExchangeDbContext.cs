using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SafeBrussels.Exchange.Web.Data;

public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The Data Protection key ring, shared by every app instance on the database: a cookie, an antiforgery token, an
    /// invitation, unsubscribe or feed link made by one instance is read by the others.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<MeetingRevision> MeetingRevisions => Set<MeetingRevision>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<MeetingPractice> MeetingPractices => Set<MeetingPractice>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<GlossaryEntry> GlossaryEntries => Set<GlossaryEntry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<OrganizationTheme> OrganizationThemes => Set<OrganizationTheme>();

    public DbSet<ThemeLineage> ThemeLineage => Set<ThemeLineage>();

    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<PendingDigestBatch> PendingDigestBatches => Set<PendingDigestBatch>();

    public DbSet<MeetingMinutesArchive> MeetingMinutesArchive => Set<MeetingMinutesArchive>();

    /// <summary>The append-only audit trail (see <see cref="AuditEntry"/>).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UnknownSignIn> UnknownSignIns => Set<UnknownSignIn>();

    /// <summary>Submissions made with a key, whose repeats get the first answer (see <see cref="IdempotencyKey"/>).</summary>
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ExchangeDbContext).Assembly);
    }
}
