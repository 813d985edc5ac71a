using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Composes the digests of many members for one period in a fixed number of statements, whatever their number:
/// every query pairs the batch's readers with records (by the follows that reach them, or all for comments and action items) and keeps the pairs <see cref="SharingPolicy"/> allows (<c>MaySee</c>, <c>SeenBy</c>),
/// so only what each reader may see at composing time is selected, inside SQL.
/// </summary>
public sealed class DigestComposer
{
    public const int ItemsPerGroup = 5;

    /// <summary>Action items due within this many days (or overdue) are listed.</summary>
    public const int ActionItemHorizonDays = 14;

    public static async Task<IReadOnlyList<Digest>> ComposeAsync(
        ExchangeDbContext db, IReadOnlyCollection<Guid> userIds, DateTimeOffset period, CancellationToken cancellationToken = default)
    {
        var ids = userIds.ToList();
        var floor = period - DigestSchedule.LongestPeriod;
        var dayBefore = period - DigestSchedule.Length(DigestFrequency.Daily);
        var weekBefore = period - DigestSchedule.Length(DigestFrequency.Weekly);

        // Each reader's period starts at their previous digest (whatever its outcome), else one regular period back.
        var recipients = await db.Users
            .Where(u => ids.Contains(u.Id) && u.IsActive && u.EmailConfirmed && u.Email != null)
            .Select(u => new
            {
                UserId = u.Id,
                u.OrganizationId,
                Since = db.DigestDeliveries.Where(d => d.UserId == u.Id && d.Period < period && d.Period > floor).Max(d => (DateTimeOffset?)d.Period)
                    ?? (u.DigestFrequency == DigestFrequency.Daily ? dayBefore : weekBefore),
                u.Email,
                u.DisplayName,
                u.EmailLanguage,
                u.PreferredLanguage,
                u.Organization!.WorkingLanguages,
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return [];
        }

        // The readers as a table of the values just read (who, organization, since when), joined with every record
        // query below; records older than the earliest reader's start are never considered.
        var readerIds = recipients.Select(r => r.UserId).ToArray();
        var organizationIds = recipients.Select(r => r.OrganizationId).ToArray();
        var sinces = recipients.Select(r => r.Since.ToUniversalTime()).ToArray();
        IQueryable<Reader> readers = db.Database.SqlQuery<Reader>(
            $"""
            SELECT r.user_id, r.organization_id, r.since
            FROM unnest({readerIds}, {organizationIds}, {sinces}) AS r(user_id, organization_id, since)
            """);
        var earliest = sinces.Min();

        var follows = db.Follows;
        var lineage = db.ThemeLineage;

        // Who follows what, as joins from the readers' follows to the records changed in the period (by theme with
        // its children, by organization, or directly), then the sharing rules on each pair.
        var changedMeetings = db.Meetings.Where(m => m.UpdatedAt > earliest && m.UpdatedAt <= period);
        var followedMeetings =
            (from r in readers
             join f in follows on r.UserId equals f.UserId
             join l in lineage on f.ThemeId equals (Guid?)l.AncestorId
             join t in db.Set<MeetingTheme>() on l.ThemeId equals t.ThemeId
             join m in changedMeetings on t.MeetingId equals m.Id
             select new { r.UserId, RecordId = m.Id })
            .Union(
                from r in readers
                join f in follows on r.UserId equals f.UserId
                join m in changedMeetings on f.OrganizationId equals (Guid?)m.HostOrganizationId
                select new { r.UserId, RecordId = m.Id })
            .Union(
                from r in readers
                join f in follows on r.UserId equals f.UserId
                join m in changedMeetings on f.MeetingId equals (Guid?)m.Id
                select new { r.UserId, RecordId = m.Id });
        var meetings = await (
                from k in followedMeetings
                join r in readers on k.UserId equals r.UserId
                join m in db.Meetings on k.RecordId equals m.Id
                select new Seen<Meeting> { Reader = r, Record = m })
            .MaySee()
            .Where(s => s.Record.UpdatedAt > s.Reader.Since && s.Record.AuthorId != s.Reader.UserId)
            .Select(s => new Row(
                s.Reader.UserId, DigestItemKind.Meeting, s.Record.Id, true, s.Record.Title, s.Record.Tlp, s.Record.CreatedAt > s.Reader.Since,
                s.Record.HostOrganization!.Name, null, s.Record.UpdatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);

        var changedPractices = db.Practices.Where(p => p.UpdatedAt > earliest && p.UpdatedAt <= period);
        var followedPractices =
            (from r in readers
             join f in follows on r.UserId equals f.UserId
             join l in lineage on f.ThemeId equals (Guid?)l.AncestorId
             join t in db.Set<PracticeTheme>() on l.ThemeId equals t.ThemeId
             join p in changedPractices on t.PracticeId equals p.Id
             select new { r.UserId, RecordId = p.Id })
            .Union(
                from r in readers
                join f in follows on r.UserId equals f.UserId
                join p in changedPractices on f.OrganizationId equals (Guid?)p.OrganizationId
                select new { r.UserId, RecordId = p.Id })
            .Union(
                from r in readers
                join f in follows on r.UserId equals f.UserId
                join p in changedPractices on f.PracticeId equals (Guid?)p.Id
                select new { r.UserId, RecordId = p.Id });
        var practices = await (
                from k in followedPractices
                join r in readers on k.UserId equals r.UserId
                join p in db.Practices on k.RecordId equals p.Id
                select new Seen<Practice> { Reader = r, Record = p })
            .MaySee()
            .Where(s => s.Record.UpdatedAt > s.Reader.Since && s.Record.AuthorId != s.Reader.UserId)
            .Select(s => new Row(
                s.Reader.UserId, DigestItemKind.Practice, s.Record.Id, false, s.Record.Title, s.Record.Tlp, s.Record.CreatedAt > s.Reader.Since,
                s.Record.Organization!.Name, null, s.Record.UpdatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);

        // New adaptations of a practice the reader follows or wrote.
        var newAdaptations = db.Practices.Where(p => p.AdaptedFromId != null && p.CreatedAt > earliest && p.CreatedAt <= period);
        var adaptationsFollowed =
            (from r in readers
             join f in follows on r.UserId equals f.UserId
             join a in newAdaptations on f.PracticeId equals a.AdaptedFromId
             select new { r.UserId, RecordId = a.Id })
            .Union(
                from r in readers
                join original in db.Practices on (Guid?)r.UserId equals original.AuthorId
                join a in newAdaptations on (Guid?)original.Id equals a.AdaptedFromId
                select new { r.UserId, RecordId = a.Id });
        var adaptations = await (
                from k in adaptationsFollowed
                join r in readers on k.UserId equals r.UserId
                join p in db.Practices on k.RecordId equals p.Id
                select new Seen<Practice> { Reader = r, Record = p })
            .MaySee()
            .Where(s => s.Record.CreatedAt > s.Reader.Since && s.Record.AuthorId != s.Reader.UserId)
            .Select(s => new Row(
                s.Reader.UserId, DigestItemKind.Adaptation, s.Record.Id, false, s.Record.Title, s.Record.Tlp, true,
                s.Record.Organization!.Name, null, s.Record.CreatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);

        // New comments on a record the reader wrote or follows (seeing the record is seeing its comments).
        var comments = db.Comments.Where(c => c.CreatedAt > earliest && c.CreatedAt <= period);
        var practiceComments = await (
            from s in db.Practices.Where(p => comments.Any(c => c.PracticeId == p.Id)).SeenBy(readers)
            where s.Record.AuthorId == s.Reader.UserId || follows.Any(f => f.UserId == s.Reader.UserId && f.PracticeId == s.Record.Id)
            from c in comments
            where c.PracticeId == s.Record.Id && c.CreatedAt > s.Reader.Since && c.AuthorId != s.Reader.UserId
            select new Row(
                s.Reader.UserId, DigestItemKind.Comment, s.Record.Id, false, s.Record.Title, s.Record.Tlp, true,
                s.Record.Organization!.Name, c.AuthorName, c.CreatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);
        var meetingComments = await (
            from s in db.Meetings.Where(m => comments.Any(c => c.MeetingId == m.Id)).SeenBy(readers)
            where s.Record.AuthorId == s.Reader.UserId || follows.Any(f => f.UserId == s.Reader.UserId && f.MeetingId == s.Record.Id)
            from c in comments
            where c.MeetingId == s.Record.Id && c.CreatedAt > s.Reader.Since && c.AuthorId != s.Reader.UserId
            select new Row(
                s.Reader.UserId, DigestItemKind.Comment, s.Record.Id, true, s.Record.Title, s.Record.Tlp, true,
                s.Record.HostOrganization!.Name, c.AuthorName, c.CreatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);

        // Open action items of the reader or their organization, due within the horizon or overdue.
        var today = DateOnly.FromDateTime(ExchangeTime.ToBrussels(period).DateTime);
        var dueBy = today.AddDays(ActionItemHorizonDays);
        var actionItems = await (
            from s in db.Meetings.Where(m => m.ActionItems.Any(a => !a.IsDone && a.Due != null && a.Due <= dueBy)).SeenBy(readers)
            from a in s.Record.ActionItems
            where !a.IsDone && a.Due != null && a.Due <= dueBy
                && (a.OwnerUserId == s.Reader.UserId || a.OwnerOrganizationId == s.Reader.OrganizationId)
            orderby a.Due
            select new { s.Reader.UserId, s.Record.Id, MeetingTitle = s.Record.Title, a.Title, Due = a.Due!.Value, s.Record.Tlp })
            .AsNoTracking().ToListAsync(cancellationToken);

        // The themes of every record selected, in two statements (not one more join per query above).
        var practiceIds = practices.Concat(adaptations).Concat(practiceComments).Select(r => r.RecordId).Distinct().ToList();
        var meetingIds = meetings.Concat(meetingComments).Select(r => r.RecordId).Distinct().ToList();
        var recordThemes = (await db.Set<PracticeTheme>().Where(t => practiceIds.Contains(t.PracticeId))
                .Select(t => new { RecordId = t.PracticeId, t.ThemeId }).ToListAsync(cancellationToken))
            .Concat(await db.Set<MeetingTheme>().Where(t => meetingIds.Contains(t.MeetingId))
                .Select(t => new { RecordId = t.MeetingId, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.RecordId, t => t.ThemeId);

        var themes = await db.Themes.AsNoTracking()
            .Select(t => new { t.Id, t.Key, t.LabelFr, t.LabelNl, t.LabelEn, t.SortOrder })
            .ToDictionaryAsync(t => t.Id, cancellationToken);

        // A new adaptation is listed once, as an adaptation, not also as a new practice.
        var adapted = adaptations.Select(a => (a.UserId, a.RecordId)).ToHashSet();
        var rows = meetings
            .Concat(practices.Where(p => !adapted.Contains((p.UserId, p.RecordId))))
            .Concat(adaptations).Concat(practiceComments).Concat(meetingComments)
            .ToLookup(r => r.UserId);
        var actions = actionItems.ToLookup(a => a.UserId);
        return recipients.Select(r =>
        {
            var language = LanguageOf(r.EmailLanguage, r.PreferredLanguage, r.WorkingLanguages);
            var groups = rows[r.UserId]
                .GroupBy(row => recordThemes[row.RecordId].Where(themes.ContainsKey).OrderBy(id => themes[id].SortOrder).Select(id => (Guid?)id).FirstOrDefault())
                .Select(g =>
                {
                    var items = g.OrderByDescending(i => i.Tlp).ThenByDescending(i => i.At).Select(i => i.ToItem(recordThemes[i.RecordId].ToList())).ToList();
                    var theme = g.Key is { } id ? themes[id] : null;
                    var label = theme is null ? "" : language switch { "fr" => theme.LabelFr, "nl" => theme.LabelNl, _ => theme.LabelEn };
                    return (Sort: theme?.SortOrder ?? int.MaxValue, Group: new DigestGroup(theme?.Key, label, items.Take(ItemsPerGroup).ToList(), Math.Max(0, items.Count - ItemsPerGroup)));
                })
                .OrderBy(g => g.Sort)
                .Select(g => g.Group)
                .ToList();
            var due = actions[r.UserId].Select(a => new DigestActionItem(a.Id, a.MeetingTitle, a.Title, a.Due, a.Tlp, a.Due < today)).ToList();
            return new Digest(new DigestRecipient(r.UserId, r.Email!, r.DisplayName, language), period, r.Since, groups, due);
        }).ToList();
    }

    /// <summary>The language of a member's mails: their choice for mails, their interface language, their organization's first.</summary>
    public static string LanguageOf(string? emailLanguage, string? preferredLanguage, IReadOnlyList<string>? organizationLanguages) =>
        SupportedLanguages.IsSupported(emailLanguage) ? emailLanguage!
        : SupportedLanguages.IsSupported(preferredLanguage) ? preferredLanguage!
        : organizationLanguages?.FirstOrDefault(SupportedLanguages.IsSupported) ?? SupportedLanguages.Default;

    private sealed record Row(
        Guid UserId, DigestItemKind Kind, Guid RecordId, bool OnMeeting, string Title, Tlp Tlp, bool IsNew,
        string Organization, string? Author, DateTimeOffset At)
    {
        public DigestItem ToItem(IReadOnlyList<Guid> themeIds) => new(Kind, RecordId, OnMeeting, Title, Tlp, IsNew, Organization, Author, At, themeIds);
    }
}
