using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// One practice, whole, with its lineage, for whoever may see it (<see cref="SharingPolicy"/>); a read of an
/// AMBER+STRICT or RED practice is audited.
/// </summary>
public sealed class PracticeReader(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit)
{
    /// <summary>The whole record with its lineage and meetings, or null when it does not exist or is hidden (indistinguishable).</summary>
    /// <remarks>A read of an AMBER+STRICT or RED practice is written to the audit trail.</remarks>
    public async Task<PracticeDetail?> GetAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practice = await LoadDetailAsync(db, viewer, id, cancellationToken);
        if (practice is not null)
        {
            await audit.ReadAsync(viewer, AuditTargets.Practice, practice.Id, practice.OrganizationId, practice.Tlp, cancellationToken);
        }

        return practice;
    }

    internal static async Task<PracticeDetail?> LoadDetailAsync(ExchangeDbContext db, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking()
            .VisibleTo(viewer)
            .Include(p => p.Organization)
            .Include(p => p.Author)
            .Include(p => p.Themes).ThenInclude(t => t.Theme)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practice is null)
        {
            return null;
        }

        var lineage = await PracticeLineageReader.LoadLineageAsync(db, viewer, practice, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .VisibleTo(viewer)
            .Where(m => m.Practices.Any(l => l.PracticeId == id))
            .OrderByDescending(m => m.StartsAt)
            .Select(m => new PracticeMeeting(m.Id, m.Title, m.StartsAt, m.HostOrganization!.Name, m.Tlp))
            .ToListAsync(cancellationToken);
        var editable = SharingPolicy.PracticesEditableBy(viewer).Compile();

        return new PracticeDetail(
            practice.Id, practice.ExternalId, practice.OrganizationId, practice.Organization!.Key, practice.Organization.Name,
            practice.Language, practice.Title, practice.Summary, practice.Problem, practice.Approach, practice.Results,
            practice.TargetGroups, practice.Themes.Select(t => t.Theme!.Key).Order(StringComparer.Ordinal).ToList(),
            practice.Tlp, practice.Status, practice.Evidence, practice.StartedOn, practice.ContactName, practice.ContactEmail,
            practice.AdaptationContext, practice.AdaptationChanges, practice.Translations,
            practice.AuthorId, practice.Author?.DisplayName, practice.CreatedAt, practice.UpdatedAt, practice.Version,
            editable(practice), lineage, meetings);
    }
}
