using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>Reads the audit trail for its page, under <see cref="SharingPolicy"/> inside the query.</summary>
public sealed class AuditService(IDbContextFactory<ExchangeDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<Page<AuditRow>> ListAsync(Viewer viewer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking().VisibleTo(viewer);
        if (query.OrganizationId is { } organizationId)
        {
            entries = entries.Where(e => e.ActorOrganizationId == organizationId || e.TargetOrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.OccurredAt < before);
        }

        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            var pattern = "%" + Like(query.Who.Trim()) + "%";
            var people = db.Users.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern)).Select(u => u.Id);
            entries = entries.Where(e => (e.ActorId != null && people.Contains(e.ActorId.Value))
                || (e.ActorId == null && e.Detail != null && EF.Functions.ILike(e.Detail, pattern)));
        }

        var total = await entries.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var items = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((Math.Max(query.Page, 1) - 1) * size).Take(size)
            .Select(e => new AuditRow(
                e.Id,
                e.OccurredAt,
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.Email).FirstOrDefault(),
                db.Organizations.Where(o => o.Id == e.ActorOrganizationId).Select(o => o.Name).FirstOrDefault(),
                e.Action,
                e.TargetType,
                e.TargetId,
                db.Organizations.Where(o => o.Id == e.TargetOrganizationId).Select(o => o.Name).FirstOrDefault(),
                e.Tlp,
                e.Detail,
                e.ClientAddress))
            .ToListAsync(cancellationToken);
        return new Page<AuditRow>(total, items);
    }

    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
