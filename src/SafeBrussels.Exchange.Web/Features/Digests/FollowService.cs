using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// What a member follows for their digest and when they receive it. A practice or a meeting can be followed only
/// while the member may see it; a theme includes its children (the table <c>theme_lineage</c>). New members start
/// with their organization's usual themes (a database trigger on the users table, whatever creates the member).
/// </summary>
public sealed class FollowService(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time)
{
    public async Task<CommandResult> FollowAsync(Viewer viewer, FollowKind kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exists = kind switch
        {
            FollowKind.Theme => await db.Themes.AnyAsync(t => t.Id == targetId, cancellationToken),
            FollowKind.Organization => await db.Organizations.AnyAsync(o => o.Id == targetId, cancellationToken),
            FollowKind.Practice => await db.CanSeeAsync(viewer, RecordRef.Practice(targetId), cancellationToken),
            _ => await db.CanSeeAsync(viewer, RecordRef.Meeting(targetId), cancellationToken),
        };
        if (!exists)
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        var follow = new Follow { UserId = viewer.UserId, CreatedAt = time.GetUtcNow() };
        _ = kind switch
        {
            FollowKind.Theme => follow.ThemeId = targetId,
            FollowKind.Organization => follow.OrganizationId = targetId,
            FollowKind.Practice => follow.PracticeId = targetId,
            _ => follow.MeetingId = targetId,
        };
        // Following twice is following: the unique indexes make the second insert a no-op.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO follows (id, user_id, theme_id, organization_id, practice_id, meeting_id, created_at)
            VALUES ({follow.Id}, {follow.UserId}, {follow.ThemeId}, {follow.OrganizationId}, {follow.PracticeId}, {follow.MeetingId}, {follow.CreatedAt})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        return CommandResult.Ok;
    }

    public async Task UnfollowAsync(Viewer viewer, FollowKind kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Matching(db, viewer.UserId, kind, targetId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<bool> IsFollowingAsync(Viewer viewer, FollowKind kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Matching(db, viewer.UserId, kind, targetId).AnyAsync(cancellationToken);
    }

    /// <summary>Everything the member follows that they may still see, labelled in <paramref name="language"/>.</summary>
    public async Task<IReadOnlyList<FollowView>> ListAsync(Viewer viewer, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Follows.Where(f => f.UserId == viewer.UserId);
        var themes = await db.Themes.Where(t => mine.Any(f => f.ThemeId == t.Id)).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.Where(o => mine.Any(f => f.OrganizationId == o.Id))
            .OrderBy(o => o.Name).Select(o => new FollowView(FollowKind.Organization, o.Id, o.Name)).ToListAsync(cancellationToken);
        var practices = await db.Practices.VisibleTo(viewer).Where(p => mine.Any(f => f.PracticeId == p.Id))
            .OrderBy(p => p.Title).Select(p => new FollowView(FollowKind.Practice, p.Id, p.Title)).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.VisibleTo(viewer).Where(m => mine.Any(f => f.MeetingId == m.Id))
            .OrderBy(m => m.Title).Select(m => new FollowView(FollowKind.Meeting, m.Id, m.Title)).ToListAsync(cancellationToken);
        return [.. themes.Select(t => new FollowView(FollowKind.Theme, t.Id, t.Label(language))), .. organizations, .. practices, .. meetings];
    }

    /// <summary>The themes in tree order (children after their parent), and the organizations, each marked when followed.</summary>
    public async Task<(IReadOnlyList<FollowChoice> Themes, IReadOnlyList<FollowChoice> Organizations)> ChoicesAsync(
        Viewer viewer, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var followed = await db.Follows.Where(f => f.UserId == viewer.UserId)
            .Select(f => f.ThemeId ?? f.OrganizationId ?? Guid.Empty).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var ordered = themes.Where(t => t.ParentId is null)
            .SelectMany(parent => themes.Where(t => t.Id == parent.Id || t.ParentId == parent.Id).OrderBy(t => t.ParentId is not null).ThenBy(t => t.SortOrder))
            .Select(t => new FollowChoice(t.Id, t.Label(language), t.ParentId is not null, followed.Contains(t.Id),
                t.ParentId is { } parent && followed.Contains(parent)))
            .ToList();
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new FollowChoice(o.Id, o.Name, false, followed.Contains(o.Id)))
            .ToListAsync(cancellationToken);
        return (ordered, organizations);
    }

    public async Task<DigestSettings?> GetSettingsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == viewer.UserId)
            .Select(u => new DigestSettings(u.DigestFrequency, u.DigestDay, u.DigestHour, u.EmailLanguage))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<CommandResult> SaveSettingsAsync(Viewer viewer, DigestSettings settings, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(settings.Frequency))
        {
            return CommandResult.Fail(nameof(DigestSettings.Frequency), "Validation.DigestFrequency");
        }

        if (!Enum.IsDefined(settings.Day))
        {
            return CommandResult.Fail(nameof(DigestSettings.Day), "Validation.DigestDay");
        }

        if (settings.Hour is < 0 or > 23)
        {
            return CommandResult.Fail(nameof(DigestSettings.Hour), "Validation.DigestHour");
        }

        if (settings.Language is not null && !SupportedLanguages.IsSupported(settings.Language))
        {
            return CommandResult.Fail(nameof(DigestSettings.Language), "Validation.Language");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users.Where(u => u.Id == viewer.UserId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.DigestFrequency, settings.Frequency)
                .SetProperty(u => u.DigestDay, settings.Day)
                .SetProperty(u => u.DigestHour, settings.Hour)
                .SetProperty(u => u.EmailLanguage, settings.Language),
            cancellationToken);
        return updated == 1 ? CommandResult.Ok : CommandResult.Fail("", "Error.NotFound");
    }

    /// <summary>The themes new members of the organization start following.</summary>
    public async Task<IReadOnlyList<Guid>> UsualThemesAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OrganizationThemes.Where(t => t.OrganizationId == organizationId).Select(t => t.ThemeId).ToListAsync(cancellationToken);
    }

    /// <summary>Sets the organization's usual themes: its own administrators only (organization or platform administrators of it).</summary>
    public async Task<CommandResult> SetUsualThemesAsync(Viewer viewer, Guid organizationId, IReadOnlyCollection<Guid> themeIds, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanManageMembersOf(organizationId))
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = themeIds.Distinct().ToList();
        if (await db.Themes.CountAsync(t => ids.Contains(t.Id), cancellationToken) != ids.Count)
        {
            return CommandResult.Fail("Themes", "Validation.UnknownTheme");
        }

        // Replaced as a whole, retried as a whole on a transient failure.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.OrganizationThemes.Where(t => t.OrganizationId == organizationId).ExecuteDeleteAsync(cancellationToken);
            db.OrganizationThemes.AddRange(ids.Select(id => new OrganizationTheme { OrganizationId = organizationId, ThemeId = id }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return CommandResult.Ok;
    }

    private static IQueryable<Follow> Matching(ExchangeDbContext db, Guid userId, FollowKind kind, Guid targetId)
    {
        var mine = db.Follows.Where(f => f.UserId == userId);
        return kind switch
        {
            FollowKind.Theme => mine.Where(f => f.ThemeId == targetId),
            FollowKind.Organization => mine.Where(f => f.OrganizationId == targetId),
            FollowKind.Practice => mine.Where(f => f.PracticeId == targetId),
            _ => mine.Where(f => f.MeetingId == targetId),
        };
    }
}
