using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// One meeting, whole, for whoever may see it (<see cref="SharingPolicy"/>); a read of an AMBER+STRICT or RED
/// meeting is audited.
/// </summary>
public sealed class MeetingReader(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit)
{
    /// <summary>The whole record, or null when it does not exist or <paramref name="viewer"/> may not see it (the two are indistinguishable).</summary>
    /// <remarks>A read of an AMBER+STRICT or RED meeting is written to the audit trail.</remarks>
    public async Task<MeetingDetail?> GetAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadDetailAsync(db, viewer, id, cancellationToken);
        if (meeting is not null)
        {
            await audit.ReadAsync(viewer, AuditTargets.Meeting, meeting.Id, meeting.HostOrganizationId, meeting.Tlp, cancellationToken);
        }

        return meeting;
    }

    internal static async Task<MeetingDetail?> LoadDetailAsync(ExchangeDbContext db, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var editable = SharingPolicy.MeetingsEditableBy(viewer).Compile();
        var meeting = await db.Meetings.AsNoTracking()
            .VisibleTo(viewer)
            .Include(m => m.HostOrganization)
            .Include(m => m.Author)
            .Include(m => m.Participants).ThenInclude(p => p.Organization)
            .Include(m => m.Themes).ThenInclude(t => t.Theme)
            .Include(m => m.Agenda)
            .Include(m => m.Decisions)
            .Include(m => m.ActionItems).ThenInclude(a => a.OwnerOrganization)
            .Include(m => m.ActionItems).ThenInclude(a => a.OwnerUser)
            .Include(m => m.Attendees).ThenInclude(a => a.User)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        // Cited practices: only those the viewer may see.
        var practices = await db.Practices.AsNoTracking().VisibleTo(viewer)
            .Where(p => db.MeetingPractices.Any(l => l.MeetingId == id && l.PracticeId == p.Id))
            .OrderBy(p => p.Title)
            .Select(p => new Practices.PracticeOption(p.Id, p.Title, p.Organization!.Name, p.Language))
            .ToListAsync(cancellationToken);

        return new MeetingDetail(
            meeting.Id,
            meeting.ExternalId,
            meeting.HostOrganizationId,
            meeting.HostOrganization!.Key,
            meeting.HostOrganization.Name,
            meeting.Participants.Select(p => new OrganizationRef(p.OrganizationId, p.Organization!.Key, p.Organization.Name)).OrderBy(p => p.Name).ToList(),
            meeting.Title,
            meeting.StartsAt.ToOffset(TimeSpan.FromMinutes(meeting.StartsOffsetMinutes)),
            meeting.EndsAt?.ToOffset(TimeSpan.FromMinutes(meeting.EndsOffsetMinutes)),
            meeting.Mode,
            meeting.Location,
            meeting.Language,
            meeting.Themes.Select(t => t.Theme!.Key).Order().ToList(),
            meeting.Tlp,
            meeting.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemInput { Title = a.Title, Notes = a.Notes }).ToList(),
            meeting.Minutes,
            meeting.Decisions.OrderBy(d => d.Position).Select(d => d.Text).ToList(),
            meeting.ActionItems.OrderBy(a => a.Position).Select(a => new ActionItemView(
                a.Id, a.Title, a.OwnerOrganizationId, a.OwnerOrganization?.Key, a.OwnerOrganization?.Name,
                a.OwnerUserId, a.OwnerUser?.DisplayName, a.Due, a.IsDone)).ToList(),
            meeting.Attendees.Select(a => new AttendeeView(a.UserId, a.User?.DisplayName ?? a.Name)).OrderBy(a => a.Name).ToList(),
            meeting.AuthorId,
            meeting.Author?.DisplayName,
            meeting.CreatedAt,
            meeting.UpdatedAt,
            meeting.Version,
            editable(meeting),
            practices,
            meeting.MinutesArchivedAt);
    }
}
