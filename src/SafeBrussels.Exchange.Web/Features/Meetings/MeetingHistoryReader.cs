using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// The saved versions of a meeting, each readable only by who may read it as it was then (<see
/// cref="SharingPolicy"/>).
/// </summary>
public sealed class MeetingHistoryReader(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit)
{
    /// <summary>
    /// The saved versions of a meeting the viewer may read, newest first (each under the label and audience it was
    /// written under, <see cref="SharingPolicy"/>); null when the meeting is hidden.
    /// </summary>
    public async Task<MeetingHistory?> HistoryAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Meetings.VisibleTo(viewer).Where(m => m.Id == id)
            .Select(m => new { m.Title, m.Tlp, m.HostOrganizationId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Every earlier version is a read of the record too.
        await audit.ReadAsync(viewer, AuditTargets.Meeting, id, found.HostOrganizationId, found.Tlp, cancellationToken);
        var title = found.Title;

        var revisions = await db.MeetingRevisions.AsNoTracking()
            .VisibleTo(db, viewer)
            .Where(r => r.MeetingId == id)
            .OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);
        var total = await db.MeetingRevisions.CountAsync(r => r.MeetingId == id, cancellationToken);
        var readable = revisions.ToDictionary(r => r.Number, r => r.Snapshot);
        return new MeetingHistory(id, title, revisions
            .Select(r => new RevisionView(
                r.Number, r.AuthorName, r.SavedAt, r.Tlp,
                // What changed is told against the version before, only to who may read that one too; compared
                // again here rather than read from the row, so that versions saved when lists read back in another
                // order counted as changed show their real changes too.
                r.Number == 1 ? r.ChangedFields
                : readable.TryGetValue(r.Number - 1, out var before) ? MeetingRevisions.ChangedFields(before, r.Snapshot)
                : null,
                MeetingRevisions.Read(r.Snapshot)))
            .ToList(), total - revisions.Count);
    }
}
