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
    // The rules, written once with the reader's organization and user as parameters; each query shape below
    // binds them (to one viewer, or to each reader of a set) without restating them.
    private static readonly Expression<Func<Meeting, Guid, Guid, bool>> MeetingRule = (m, organizationId, userId) =>
        m.Tlp == Tlp.Clear
        || m.Tlp == Tlp.Green
        || (m.Tlp == Tlp.Amber && (m.HostOrganizationId == organizationId || m.Participants.Any(p => p.OrganizationId == organizationId)))
        || (m.Tlp == Tlp.AmberStrict && m.HostOrganizationId == organizationId)
        || (m.Tlp == Tlp.Red && (m.AuthorId == userId || m.Attendees.Any(a => a.UserId == userId)));

    private static readonly Expression<Func<Practice, Guid, Guid, bool>> PracticeRule = (p, organizationId, userId) =>
        p.Tlp == Tlp.Clear
        || p.Tlp == Tlp.Green
        || ((p.Tlp == Tlp.Amber || p.Tlp == Tlp.AmberStrict) && p.OrganizationId == organizationId)
        || (p.Tlp == Tlp.Red && p.AuthorId == userId);

    public static Expression<Func<Meeting, bool>> MeetingsVisibleTo(Viewer viewer) => ForViewer(MeetingRule, viewer);

    /// <summary>
    /// The meeting rule, applied to the label and audience a text was written under (an old version, archived minutes)
    /// instead of the meeting's present ones.
    /// </summary>
    private static Expression<Func<T, Guid, Guid, bool>> WrittenUnderRule<T>()
        where T : IWrittenUnder =>
        (w, organizationId, userId) =>
            w.Tlp == Tlp.Clear
            || w.Tlp == Tlp.Green
            || (w.Tlp == Tlp.Amber && (w.HostOrganizationId == organizationId || w.PartnerOrganizationIds.Contains(organizationId)))
            || (w.Tlp == Tlp.AmberStrict && w.HostOrganizationId == organizationId)
            || (w.Tlp == Tlp.Red && w.NamedUserIds.Contains(userId));

    /// <summary>
    /// The old versions <paramref name="viewer"/> may read: the most restrictive wins, as in MISP. A version is read only
    /// by who may see the meeting now and could see it under the label and audience it was written under; lowering a
    /// label never opens what was written under the higher one, raising it closes every version to those it excludes.
    /// </summary>
    public static IQueryable<MeetingRevision> VisibleTo(this IQueryable<MeetingRevision> revisions, ExchangeDbContext db, Viewer viewer)
    {
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return revisions.Where(ForViewer(WrittenUnderRule<MeetingRevision>(), viewer)).Where(r => meetings.Contains(r.MeetingId));
    }

    /// <summary>Archived minutes <paramref name="viewer"/> may read, by the same rule as old versions.</summary>
    public static IQueryable<MeetingMinutesArchive> VisibleTo(this IQueryable<MeetingMinutesArchive> archives, ExchangeDbContext db, Viewer viewer)
    {
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return archives.Where(ForViewer(WrittenUnderRule<MeetingMinutesArchive>(), viewer)).Where(a => meetings.Contains(a.MeetingId));
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

    public static Expression<Func<Practice, bool>> PracticesVisibleTo(Viewer viewer) => ForViewer(PracticeRule, viewer);

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

    /// <summary>
    /// The comments <paramref name="viewer"/> may see: those on a practice or meeting they may see now, which they could
    /// also see under the label and audience the record had when the comment was written (most restrictive wins).
    /// </summary>
    public static IQueryable<Comment> VisibleTo(this IQueryable<Comment> comments, ExchangeDbContext db, Viewer viewer)
    {
        var practices = db.Practices.VisibleTo(viewer).Select(p => p.Id);
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return comments.Where(ForViewer(WrittenUnderRule<Comment>(), viewer)).Where(c =>
            (c.PracticeId != null && practices.Contains(c.PracticeId.Value))
            || (c.MeetingId != null && meetings.Contains(c.MeetingId.Value)));
    }

    /// <summary>The attachments <paramref name="viewer"/> may see: by the same rule as comments.</summary>
    public static IQueryable<Attachment> VisibleTo(this IQueryable<Attachment> attachments, ExchangeDbContext db, Viewer viewer)
    {
        var practices = db.Practices.VisibleTo(viewer).Select(p => p.Id);
        var meetings = db.Meetings.VisibleTo(viewer).Select(m => m.Id);
        return attachments.Where(ForViewer(WrittenUnderRule<Attachment>(), viewer)).Where(a =>
            (a.PracticeId != null && practices.Contains(a.PracticeId.Value))
            || (a.MeetingId != null && meetings.Contains(a.MeetingId.Value)));
    }

    /// <summary>
    /// Stamps <paramref name="text"/> with the label and audience <paramref name="record"/> has now: what is written on a
    /// record keeps them when the record is relabelled or shared differently later.
    /// </summary>
    public static async Task StampAsync(this ExchangeDbContext db, IWrittenUnder text, RecordRef record, CancellationToken cancellationToken = default)
    {
        if (record.Kind == RecordKind.Practice)
        {
            var practice = await db.Practices.AsNoTracking().Where(p => p.Id == record.Id)
                .Select(p => new { p.Tlp, p.OrganizationId, p.AuthorId }).SingleAsync(cancellationToken);
            text.Tlp = practice.Tlp;
            text.HostOrganizationId = practice.OrganizationId;
            text.PartnerOrganizationIds = [];
            text.NamedUserIds = practice.AuthorId is { } author ? [author] : [];
            return;
        }

        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == record.Id)
            .Select(m => new
            {
                m.Tlp,
                m.HostOrganizationId,
                m.AuthorId,
                Partners = m.Participants.Select(p => p.OrganizationId).ToList(),
                Named = m.Attendees.Where(a => a.UserId != null).Select(a => a.UserId!.Value).ToList(),
            })
            .SingleAsync(cancellationToken);
        text.Tlp = meeting.Tlp;
        text.HostOrganizationId = meeting.HostOrganizationId;
        text.PartnerOrganizationIds = meeting.Partners;
        text.NamedUserIds = [.. meeting.Named.Concat(meeting.AuthorId is { } id ? [id] : []).Distinct()];
    }

    /// <summary>
    /// The audit entries <paramref name="viewer"/> may read: all for a platform administrator; for an organization
    /// administrator, those where their organization acted or was acted upon; none for anyone else.
    /// </summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, Viewer viewer)
    {
        if (viewer.IsPlatformAdmin)
        {
            return entries;
        }

        var organizationId = viewer.OrganizationId;
        return viewer.IsOrgAdmin
            ? entries.Where(e => e.ActorOrganizationId == organizationId || e.TargetOrganizationId == organizationId)
            : entries.Where(e => false);
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

    /// <summary>
    /// Each meeting with each reader who may see it, in one query (digests compose for hundreds of readers at once).
    /// </summary>
    public static IQueryable<Seen<Meeting>> SeenBy(this IQueryable<Meeting> meetings, IQueryable<Reader> readers) =>
        readers.SelectMany(r => meetings, (r, m) => new Seen<Meeting> { Reader = r, Record = m }).MaySee();

    /// <summary>The pairs (reader, meeting) whose reader may see the meeting, from pairs made some other way (a join).</summary>
    public static IQueryable<Seen<Meeting>> MaySee(this IQueryable<Seen<Meeting>> pairs) => pairs.Where(ForEachReader(MeetingRule));

    /// <summary>The pairs (reader, practice) whose reader may see the practice.</summary>
    public static IQueryable<Seen<Practice>> MaySee(this IQueryable<Seen<Practice>> pairs) => pairs.Where(ForEachReader(PracticeRule));

    /// <summary>Each practice with each reader who may see it, in one query.</summary>
    public static IQueryable<Seen<Practice>> SeenBy(this IQueryable<Practice> practices, IQueryable<Reader> readers) =>
        readers.SelectMany(r => practices, (r, p) => new Seen<Practice> { Reader = r, Record = p }).MaySee();

    /// <summary>
    /// The one label at which who may see a record depends on the person (RED: its named people); at every other
    /// label it depends only on the reader's organization. <see cref="SeenByOrganizations(IQueryable{Meeting}, IQueryable{Guid})"/>
    /// and <see cref="SeenPersonallyBy(IQueryable{Meeting}, IQueryable{Reader})"/> together give exactly <see cref="SeenBy(IQueryable{Meeting}, IQueryable{Reader})"/>,
    /// decided once per organization instead of once per person (a digest batch has hundreds of readers and a handful of organizations).
    /// </summary>
    public const Tlp PersonalLabel = Tlp.Red;

    /// <summary>Each meeting below <see cref="PersonalLabel"/> with each organization whose members may all see it.</summary>
    public static IQueryable<Seen<Meeting>> SeenByOrganizations(this IQueryable<Meeting> meetings, IQueryable<Guid> organizationIds) =>
        meetings.Where(m => m.Tlp != PersonalLabel).SeenBy(AsNobodyOf(organizationIds));

    /// <summary>
    /// Each meeting at <see cref="PersonalLabel"/> with each reader among its named people. Only the meetings naming one
    /// of the readers are paired with them (not every RED meeting with every reader); the rule still decides each pair.
    /// </summary>
    public static IQueryable<Seen<Meeting>> SeenPersonallyBy(this IQueryable<Meeting> meetings, IQueryable<Reader> readers) =>
        meetings
            .Where(m => m.Tlp == PersonalLabel
                && (readers.Any(r => r.UserId == m.AuthorId) || m.Attendees.Any(a => readers.Any(r => r.UserId == a.UserId))))
            .SeenBy(readers);

    /// <summary>Each practice below <see cref="PersonalLabel"/> with each organization whose members may all see it.</summary>
    public static IQueryable<Seen<Practice>> SeenByOrganizations(this IQueryable<Practice> practices, IQueryable<Guid> organizationIds) =>
        practices.Where(p => p.Tlp != PersonalLabel).SeenBy(AsNobodyOf(organizationIds));

    /// <summary>Each practice at <see cref="PersonalLabel"/> with each reader among its named people (its author), paired as meetings are.</summary>
    public static IQueryable<Seen<Practice>> SeenPersonallyBy(this IQueryable<Practice> practices, IQueryable<Reader> readers) =>
        practices.Where(p => p.Tlp == PersonalLabel && readers.Any(r => r.UserId == p.AuthorId)).SeenBy(readers);

    // An organization as a reader who is nobody in particular: no author, no attendee, so only what every member may see.
    private static IQueryable<Reader> AsNobodyOf(IQueryable<Guid> organizationIds) =>
        organizationIds.Select(id => new Reader { UserId = Guid.Empty, OrganizationId = id, Since = DateTimeOffset.MinValue });

    private static Expression<Func<T, bool>> ForViewer<T>(Expression<Func<T, Guid, Guid, bool>> rule, Viewer viewer)
    {
        // A member of a constant object, not a constant: EF Core sends it as a parameter and reuses the plan.
        var scope = Expression.Constant(new ViewerScope(viewer.OrganizationId, viewer.UserId));
        var body = Substitution.Apply(
            rule,
            rule.Parameters[0],
            Expression.Property(scope, nameof(ViewerScope.OrganizationId)),
            Expression.Property(scope, nameof(ViewerScope.UserId)));
        return Expression.Lambda<Func<T, bool>>(body, rule.Parameters[0]);
    }

    private static Expression<Func<Seen<T>, bool>> ForEachReader<T>(Expression<Func<T, Guid, Guid, bool>> rule)
    {
        var seen = Expression.Parameter(typeof(Seen<T>), "seen");
        var reader = Expression.Property(seen, nameof(Seen<T>.Reader));
        var body = Substitution.Apply(
            rule,
            Expression.Property(seen, nameof(Seen<T>.Record)),
            Expression.Property(reader, nameof(Reader.OrganizationId)),
            Expression.Property(reader, nameof(Reader.UserId)));
        return Expression.Lambda<Func<Seen<T>, bool>>(body, seen);
    }

    private sealed record ViewerScope(Guid OrganizationId, Guid UserId);

    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        public static Expression Apply<T>(Expression<Func<T, Guid, Guid, bool>> rule, Expression record, Expression organizationId, Expression userId) =>
            new Substitution(new Dictionary<ParameterExpression, Expression>
            {
                [rule.Parameters[0]] = record,
                [rule.Parameters[1]] = organizationId,
                [rule.Parameters[2]] = userId,
            }).Visit(rule.Body);

        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
