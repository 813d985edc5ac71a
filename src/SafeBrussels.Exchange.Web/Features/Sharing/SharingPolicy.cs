using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>
/// Who may see what, under FIRST TLP 2.0, decided here and nowhere else. Every query that returns records
/// (lists, detail, counts, search, exports, feeds, attachments, API, digests) applies these filters inside
/// the SQL query; nothing is filtered after loading. Platform administrators get no override.
/// <list type="bullet">
/// <item>CLEAR and GREEN: every signed-in member.</item>
/// <item>AMBER: members of the host organization and of the organizations the record is shared with.</item>
/// <item>AMBER+STRICT: members of the host organization only.</item>
/// <item>RED: only the named people: the author and the attendees listed on the record.</item>
/// </list>
/// Practices have no partner list: AMBER and AMBER+STRICT reach the owning organization, RED its author.
/// Comments are seen by whoever sees the practice or meeting they belong to.
/// </summary>
public static class SharingPolicy
{
    public static Expression<Func<Meeting, bool>> MeetingsVisibleTo(Viewer viewer)
    {
        var organizationId = viewer.OrganizationId;
        var userId = viewer.UserId;
        return m =>
            m.Tlp == Tlp.Clear
            || m.Tlp == Tlp.Green
            || (m.Tlp == Tlp.Amber && (m.HostOrganizationId == organizationId || m.Participants.Any(p => p.OrganizationId == organizationId)))
            || (m.Tlp == Tlp.AmberStrict && m.HostOrganizationId == organizationId)
            || (m.Tlp == Tlp.Red && (m.AuthorId == userId || m.Attendees.Any(a => a.UserId == userId)));
    }

    /// <summary>The meetings <paramref name="viewer"/> may see, as a query to compose further.</summary>
    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, Viewer viewer) =>
        meetings.Where(MeetingsVisibleTo(viewer));

    /// <summary>Editing: contributors (and organization administrators) of the host organization, and the author; never readers.</summary>
    public static Expression<Func<Meeting, bool>> MeetingsEditableBy(Viewer viewer)
    {
        var organizationId = viewer.OrganizationId;
        var userId = viewer.UserId;
        var contributes = viewer.CanContribute;
        return m => contributes && (m.HostOrganizationId == organizationId || m.AuthorId == userId);
    }

    public static Expression<Func<Practice, bool>> PracticesVisibleTo(Viewer viewer)
    {
        var organizationId = viewer.OrganizationId;
        var userId = viewer.UserId;
        return p =>
            p.Tlp == Tlp.Clear
            || p.Tlp == Tlp.Green
            || ((p.Tlp == Tlp.Amber || p.Tlp == Tlp.AmberStrict) && p.OrganizationId == organizationId)
            || (p.Tlp == Tlp.Red && p.AuthorId == userId);
    }

    /// <summary>The practices <paramref name="viewer"/> may see, as a query to compose further.</summary>
    public static IQueryable<Practice> VisibleTo(this IQueryable<Practice> practices, Viewer viewer) =>
        practices.Where(PracticesVisibleTo(viewer));

    /// <summary>Editing: contributors (and organization administrators) of the owning organization, and the author; never readers.</summary>
    public static Expression<Func<Practice, bool>> PracticesEditableBy(Viewer viewer)
    {
        var organizationId = viewer.OrganizationId;
        var userId = viewer.UserId;
        var contributes = viewer.CanContribute;
        return p => contributes && (p.OrganizationId == organizationId || p.AuthorId == userId);
    }

    /// <summary>The comments <paramref name="viewer"/> may see: those on a practice or meeting they may see.</summary>
    public static IQueryable<Comment> VisibleTo(this IQueryable<Comment> comments, ExchangeDbContext db, Viewer viewer)
    {
        var practices = db.Practices.VisibleTo(viewer).Select(p => p.Id);
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return comments.Where(c =>
            (c.PracticeId != null && practices.Contains(c.PracticeId.Value))
            || (c.MeetingId != null && meetings.Contains(c.MeetingId.Value)));
    }

    /// <summary>The attachments <paramref name="viewer"/> may see: those of a practice or meeting they may see.</summary>
    public static IQueryable<Attachment> VisibleTo(this IQueryable<Attachment> attachments, ExchangeDbContext db, Viewer viewer)
    {
        var practices = db.Practices.VisibleTo(viewer).Select(p => p.Id);
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return attachments.Where(a =>
            (a.PracticeId != null && practices.Contains(a.PracticeId.Value))
            || (a.MeetingId != null && meetings.Contains(a.MeetingId.Value)));
    }

    /// <summary>Whether <paramref name="viewer"/> may see the practice or meeting (false when it does not exist).</summary>
    public static Task<bool> CanSeeAsync(this ExchangeDbContext db, Viewer viewer, RecordRef record, CancellationToken cancellationToken = default) =>
        record.Kind == RecordKind.Practice
            ? db.Practices.VisibleTo(viewer).AnyAsync(p => p.Id == record.Id, cancellationToken)
            : db.Meetings.VisibleTo(viewer).AnyAsync(m => m.Id == record.Id, cancellationToken);

    /// <summary>Whether <paramref name="viewer"/> may see and edit the practice or meeting.</summary>
    public static Task<bool> CanEditAsync(this ExchangeDbContext db, Viewer viewer, RecordRef record, CancellationToken cancellationToken = default) =>
        record.Kind == RecordKind.Practice
            ? db.Practices.VisibleTo(viewer).Where(PracticesEditableBy(viewer)).AnyAsync(p => p.Id == record.Id, cancellationToken)
            : db.Meetings.VisibleTo(viewer).Where(MeetingsEditableBy(viewer)).AnyAsync(m => m.Id == record.Id, cancellationToken);
}
