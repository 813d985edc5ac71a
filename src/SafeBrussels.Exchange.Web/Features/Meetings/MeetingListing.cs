using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// Lists of meetings the viewer may see: the meeting list, the calendar, their action items; and the people who may
/// be named on one. Every read goes through <see cref="SharingPolicy"/> inside the query.
/// </summary>
public sealed class MeetingListing(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time)
{
    public async Task<Page<MeetingListItem>> ListAsync(Viewer viewer, MeetingQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = db.Meetings.AsNoTracking().VisibleTo(viewer);

        if (!string.IsNullOrEmpty(query.Theme))
        {
            // A theme includes its sub-themes (ThemeFilter).
            var theme = query.Theme;
            meetings = meetings.OnTheme(theme);
        }

        if (!string.IsNullOrEmpty(query.Organization))
        {
            var key = query.Organization;
            meetings = meetings.Where(m => m.HostOrganization!.Key == key || m.Participants.Any(p => p.Organization!.Key == key));
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            meetings = meetings.Where(m => m.StartsAt >= fromUtc);
        }

        if (query.Before is { } before)
        {
            var beforeUtc = before.ToUniversalTime();
            meetings = meetings.Where(m => m.StartsAt < beforeUtc);
        }

        var total = await meetings.CountAsync(cancellationToken);
        var ordered = query.OldestFirst
            ? meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            : meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id);
        var pageSize = Math.Clamp(query.PageSize, 1, MeetingQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new MeetingListItem(
                m.Id, m.ExternalId, m.Title, m.HostOrganization!.Key, m.HostOrganization.Name, m.Tlp, m.StartsAt,
                m.Themes.Select(t => t.Theme!.Key).ToList(), m.Language))
            .ToListAsync(cancellationToken);
        return new Page<MeetingListItem>(total, items);
    }

    /// <summary>
    /// The meetings <paramref name="viewer"/> may see starting in [<paramref name="from"/>, <paramref name="to"/>), oldest
    /// first, at most <paramref name="limit"/>: the calendar page and the iCalendar feed.
    /// </summary>
    public async Task<IReadOnlyList<CalendarEvent>> CalendarAsync(
        Viewer viewer, DateTimeOffset from, DateTimeOffset? to, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var fromUtc = from.ToUniversalTime();
        var meetings = db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => m.StartsAt >= fromUtc);
        if (to is { } end)
        {
            var toUtc = end.ToUniversalTime();
            meetings = meetings.Where(m => m.StartsAt < toUtc);
        }

        return await meetings
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(limit)
            .Select(m => new CalendarEvent(m.Id, m.Title, m.HostOrganization!.Name, m.Tlp, m.StartsAt, m.EndsAt, m.Location, m.UpdatedAt, m.Language))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Open action items owned by the viewer or their organization, in meetings they may see; overdue first.</summary>
    public async Task<IReadOnlyList<MyActionItem>> MyActionItemsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(Infrastructure.Localization.ExchangeTime.ToBrussels(time.GetUtcNow()).DateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.AsNoTracking()
            .VisibleTo(viewer)
            .SelectMany(m => m.ActionItems)
            .Where(a => !a.IsDone && (a.OwnerUserId == viewer.UserId || a.OwnerOrganizationId == viewer.OrganizationId))
            .OrderBy(a => a.Due == null).ThenBy(a => a.Due).ThenBy(a => a.Title)
            .Select(a => new MyActionItem(
                a.Id, a.MeetingId, a.Meeting!.Title, a.Title,
                a.OwnerUser != null ? a.OwnerUser.DisplayName : a.OwnerOrganization!.Name,
                a.Due, a.Due != null && a.Due < today))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Active members of the given organizations, to name attendees and action item owners.</summary>
    public async Task<IReadOnlyList<PersonOption>> PeopleAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && organizationIds.Contains(u.OrganizationId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Organization!.Name))
            .ToListAsync(cancellationToken);
    }
}
