using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>
/// The counts behind the home dashboard's charts, grouped in SQL over the records the viewer may see
/// (<see cref="SharingPolicy"/> inside each query): records per top-level theme per quarter (meetings by their date,
/// practices by their creation), and which organizations met (hosted or joined) about which theme.
/// Quarters are Brussels-time quarters, as in the lists the charts link to.
/// </summary>
public sealed class DashboardService(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time)
{
    public static readonly int[] PeriodChoices = [4, 8, 12];

    private const string Zone = "Europe/Brussels";

    public DateOnly Today => DateOnly.FromDateTime(ExchangeTime.ToBrussels(time.GetUtcNow()).DateTime);

    public async Task<DashboardCharts> ChartsAsync(Viewer viewer, int quarterCount, CancellationToken cancellationToken = default)
    {
        var quarters = Quarter.Ending(Today, PeriodChoices.Contains(quarterCount) ? quarterCount : PeriodChoices[0]);
        var from = ExchangeTime.FromBrussels(quarters[0].Start.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var to = ExchangeTime.FromBrussels(quarters[^1].End.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => m.StartsAt >= from && m.StartsAt < to);
        var practices = db.Practices.AsNoTracking().VisibleTo(viewer).Where(p => p.CreatedAt >= from && p.CreatedAt < to);

        // Meetings by their date, practices by the day they were recorded.
        var meetingCounts = await CountByQuarterAsync(
            meetings.SelectMany(m => m.Themes, (m, t) => new ThemedRecord { Id = m.Id, Top = t.Theme!.Parent != null ? t.Theme.Parent.Key : t.Theme.Key, At = m.StartsAt }),
            cancellationToken);
        var practiceCounts = await CountByQuarterAsync(
            practices.SelectMany(p => p.Themes, (p, t) => new ThemedRecord { Id = p.Id, Top = t.Theme!.Parent != null ? t.Theme.Parent.Key : t.Theme.Key, At = p.CreatedAt }),
            cancellationToken);
        var perThemeAndQuarter = meetingCounts.Keys.Union(practiceCounts.Keys)
            .Select(key => new ThemeQuarterCount(key.Top, key.Quarter, meetingCounts.GetValueOrDefault(key), practiceCounts.GetValueOrDefault(key)))
            .ToList();

        // Who met about what: the host and every participant organization of each visible meeting, per top-level theme.
        var hosts = meetings.SelectMany(m => m.Themes, (m, t) => new
        {
            MeetingId = m.Id,
            OrganizationId = m.HostOrganizationId,
            Top = t.Theme!.Parent != null ? t.Theme.Parent.Key : t.Theme.Key,
        });
        var guests = meetings
            .SelectMany(m => m.Participants, (m, p) => new { Meeting = m, p.OrganizationId })
            .SelectMany(x => x.Meeting.Themes, (x, t) => new
            {
                MeetingId = x.Meeting.Id,
                x.OrganizationId,
                Top = t.Theme!.Parent != null ? t.Theme.Parent.Key : t.Theme.Key,
            });
        var met = await hosts.Concat(guests).Distinct()
            .GroupBy(x => new { x.OrganizationId, x.Top })
            .Select(g => new { g.Key.OrganizationId, g.Key.Top, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var organizationIds = met.Select(m => m.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Key, o.Name })
            .ToListAsync(cancellationToken);
        var keys = organizations.ToDictionary(o => o.Id, o => o.Key);

        return new DashboardCharts(
            quarters,
            perThemeAndQuarter,
            [.. organizations.Select(o => new OrganizationLabel(o.Key, o.Name))],
            [.. met.Select(m => new OrganizationThemeCount(keys[m.OrganizationId], m.Top, m.Count))]);
    }

    /// <summary>Each record once per top-level theme (a record on a theme and its child counts once), by Brussels quarter.</summary>
    private static async Task<Dictionary<(string Top, Quarter Quarter), int>> CountByQuarterAsync(IQueryable<ThemedRecord> records, CancellationToken cancellationToken)
    {
        var counts = await records
            .Select(r => new { r.Id, r.Top, Local = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(r.At.UtcDateTime, Zone) })
            .Select(x => new { x.Id, x.Top, x.Local.Year, Quarter = ((x.Local.Month - 1) / 3) + 1 })
            .Distinct()
            .GroupBy(x => new { x.Top, x.Year, x.Quarter })
            .Select(g => new { g.Key.Top, g.Key.Year, g.Key.Quarter, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => (c.Top, new Quarter(c.Year, c.Quarter)), c => c.Count);
    }

    /// <summary>A record with one of its top-level themes and the instant it is counted at.</summary>
    private sealed class ThemedRecord
    {
        public Guid Id { get; init; }

        public string Top { get; init; } = "";

        public DateTimeOffset At { get; init; }
    }
}
