using System.Data;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Composes the digests of many members for one period in a fixed number of statements, whatever their number.
/// Who may see what is decided inside SQL by <see cref="SharingPolicy"/>: for the records changed in the period once per
/// organization of the batch and, at RED, per reader (<c>SeenByOrganizations</c>, <c>SeenPersonallyBy</c>), matched with
/// each reader's follows in memory (<see cref="DigestReach"/>); for adaptations, comments and action items, per pair of
/// reader and record (<c>MaySee</c>, <c>SeenBy</c>).
/// </summary>
public sealed class DigestComposer
{
    public const int ItemsPerGroup = 5;

    /// <summary>PostgreSQL's memory for each sort or hash of the composition's statements (see <see cref="ComposeAsync"/>).</summary>
    private const string SetWorkMemory = "SET LOCAL work_mem = '2MB'; SET LOCAL random_page_cost = 1.1";

    /// <summary>Action items due within this many days (or overdue) are listed.</summary>
    public const int ActionItemHorizonDays = 14;

    public static Task<IReadOnlyList<Digest>> ComposeAsync(
        ExchangeDbContext db, IReadOnlyCollection<Guid> userIds, DateTimeOffset period, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // One snapshot for all the statements below: a record's label and who may see it are read as of one instant.
            await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            // The statements below pair a batch's readers or organizations with the period's records (a few thousand):
            // probing an index for each AMBER record's partners is far cheaper than hashing a whole table (every
            // meeting's partners) once per statement, which PostgreSQL would otherwise choose with the default memory
            // for hashes. Measured in docs/benchmarks.md (digests).
            await db.Database.ExecuteSqlRawAsync(SetWorkMemory, cancellationToken);
            return await ComposeInSnapshotAsync(db, userIds, period, cancellationToken);
        });

    private static async Task<IReadOnlyList<Digest>> ComposeInSnapshotAsync(
        ExchangeDbContext db, IReadOnlyCollection<Guid> userIds, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        var floor = period - DigestSchedule.LongestPeriod;
        var dayBefore = period - DigestSchedule.Length(DigestFrequency.Daily);
        var weekBefore = period - DigestSchedule.Length(DigestFrequency.Weekly);

        // Each reader's period starts at their previous digest (whatever its outcome), else one regular period back; never
        // before they joined, and a first digest never before they first followed something (docs/digests.md).
        var recipients = (await db.Users
            .Where(u => ids.Contains(u.Id) && u.IsActive && u.EmailConfirmed && u.Email != null)
            .Select(u => new
            {
                UserId = u.Id,
                u.OrganizationId,
                Previous = db.DigestDeliveries.Where(d => d.UserId == u.Id && d.Period < period && d.Period > floor).Max(d => (DateTimeOffset?)d.Period),
                Regular = u.DigestFrequency == DigestFrequency.Daily ? dayBefore : weekBefore,
                Joined = u.CreatedAt,
                FirstFollowed = db.Follows.Where(f => f.UserId == u.Id).Min(f => (DateTimeOffset?)f.CreatedAt),
                u.Email,
                u.DisplayName,
                u.EmailLanguage,
                u.PreferredLanguage,
                u.Organization!.WorkingLanguages,
            })
            .AsNoTracking().ToListAsync(cancellationToken))
            .Select(u => new
            {
                u.UserId,
                u.OrganizationId,
                Since = DigestSchedule.Since(u.Previous, u.Regular, u.Joined, u.FirstFollowed),
                u.Email,
                u.DisplayName,
                u.EmailLanguage,
                u.PreferredLanguage,
                u.WorkingLanguages,
            })
            .ToList();
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

        // Meetings and practices changed in the period: read once per batch with who may see them (per organization,
        // and per person only at RED), then matched with each reader's follows in memory (DigestReach).
        var changedMeetings = db.Meetings.Where(m => m.UpdatedAt > earliest && m.UpdatedAt <= period);
        var changedPractices = db.Practices.Where(p => p.UpdatedAt > earliest && p.UpdatedAt <= period);
        var organizations = db.Database.SqlQuery<Guid>($"SELECT unnest({organizationIds.Distinct().ToArray()}) AS \"Value\"");
        // Each with its themes, gathered by index from the record's own key in the same statement (not a second pass
        // over every record's themes).
        var changedRows = await db.Database.SqlQuery<ChangedRecord>(
                $"""
                SELECT true AS on_meeting, m.id, m.title, m.tlp, m.created_at, m.updated_at, m.author_id,
                       m.host_organization_id AS organization_id, o.name AS organization,
                       ARRAY(SELECT t.theme_id FROM meeting_themes t WHERE t.meeting_id = m.id) AS themes
                FROM meetings m JOIN organizations o ON o.id = m.host_organization_id
                WHERE m.updated_at > {earliest} AND m.updated_at <= {period}
                UNION ALL
                SELECT false, p.id, p.title, p.tlp, p.created_at, p.updated_at, p.author_id,
                       p.organization_id, o.name,
                       ARRAY(SELECT t.theme_id FROM practice_themes t WHERE t.practice_id = p.id)
                FROM practices p JOIN organizations o ON o.id = p.organization_id
                WHERE p.updated_at > {earliest} AND p.updated_at <= {period}
                """).ToListAsync(cancellationToken);
        var changed = changedRows.Select(c => c.ToRecord()).ToList();
        var changedThemes = changedRows.SelectMany(c => c.Themes.Select(themeId => (c.Id, ThemeId: themeId))).ToLookup(t => t.Id, t => t.ThemeId);
        var seenByOrganizations = (await changedMeetings.SeenByOrganizations(organizations)
                .Select(s => new DigestReach.Pair(s.Reader.OrganizationId, true, s.Record.Id)).ToListAsync(cancellationToken))
            .Concat(await changedPractices.SeenByOrganizations(organizations)
                .Select(s => new DigestReach.Pair(s.Reader.OrganizationId, false, s.Record.Id)).ToListAsync(cancellationToken));
        var seenPersonally = (await changedMeetings.SeenPersonallyBy(readers)
                .Select(s => new DigestReach.Pair(s.Reader.UserId, true, s.Record.Id)).ToListAsync(cancellationToken))
            .Concat(await changedPractices.SeenPersonallyBy(readers)
                .Select(s => new DigestReach.Pair(s.Reader.UserId, false, s.Record.Id)).ToListAsync(cancellationToken));
        var readerFollows = await follows.Where(f => readerIds.Contains(f.UserId))
            .Select(f => new DigestReach.Followed(f.UserId, f.ThemeId, f.OrganizationId, f.PracticeId, f.MeetingId))
            .AsNoTracking().ToListAsync(cancellationToken);
        var lineage = await db.ThemeLineage.AsNoTracking().Select(l => new { l.ThemeId, l.AncestorId }).ToListAsync(cancellationToken);

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

        // The themes of the records listed besides those changed (adaptations, comments on older records).
        var practiceIds = adaptations.Concat(practiceComments).Select(r => r.RecordId).Where(id => !changedThemes.Contains(id)).Distinct().ToList();
        var meetingIds = meetingComments.Select(r => r.RecordId).Where(id => !changedThemes.Contains(id)).Distinct().ToList();
        var otherThemes = (practiceIds.Count == 0 ? [] : await db.Set<PracticeTheme>().Where(t => practiceIds.Contains(t.PracticeId))
                .Select(t => new { RecordId = t.PracticeId, t.ThemeId }).ToListAsync(cancellationToken))
            .Concat(meetingIds.Count == 0 ? [] : await db.Set<MeetingTheme>().Where(t => meetingIds.Contains(t.MeetingId))
                .Select(t => new { RecordId = t.MeetingId, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.RecordId, t => t.ThemeId);
        IReadOnlyList<Guid> ThemesOf(Guid recordId) => (changedThemes.Contains(recordId) ? changedThemes[recordId] : otherThemes[recordId]).ToList();

        var themes = await db.Themes.AsNoTracking()
            .Select(t => new { t.Id, t.Key, t.LabelFr, t.LabelNl, t.LabelEn, t.SortOrder })
            .ToDictionaryAsync(t => t.Id, cancellationToken);

        // A record is listed under its first theme (in the themes' order), once per reader.
        var groupOf = new Dictionary<Guid, Guid?>();
        Guid? GroupOf(Guid recordId)
        {
            if (!groupOf.TryGetValue(recordId, out var group))
            {
                groupOf[recordId] = group = ThemesOf(recordId).Where(themes.ContainsKey).OrderBy(id => themes[id].SortOrder).Select(id => (Guid?)id).FirstOrDefault();
            }

            return group;
        }

        // Practices are listed by their title in the mail's language when translated, as the catalogue and the
        // detail page show them (one statement for every practice the batch may list).
        var listedPractices = changed.Where(c => !c.OnMeeting).Select(c => c.Id)
            .Concat(adaptations.Select(a => a.RecordId)).Concat(practiceComments.Select(c => c.RecordId))
            .Distinct().ToArray();
        var practiceTitles = listedPractices.Length == 0
            ? new Dictionary<Guid, PracticeTitles>()
            : await db.Practices.AsNoTracking().Where(p => listedPractices.Contains(p.Id))
                .Select(p => new PracticeTitles(p.Id, p.Language, p.Translations))
                .ToDictionaryAsync(p => p.Id, cancellationToken);

        var reach = new DigestReach(changed, changedThemes, lineage.ToLookup(l => l.ThemeId, l => l.AncestorId), seenByOrganizations, seenPersonally, GroupOf);

        // A new adaptation is listed once, as an adaptation, not also as a new practice.
        var adapted = adaptations.ToLookup(a => a.UserId, a => a.RecordId);
        var others = adaptations.Concat(practiceComments).Concat(meetingComments).ToLookup(r => r.UserId);
        var followsOf = readerFollows.ToLookup(f => f.UserId);
        var actions = actionItems.ToLookup(a => a.UserId);
        return recipients.Select(r =>
        {
            // The records reaching the reader, the first few of each group and how many, then the other rows (few).
            var listed = reach.For(r.UserId, r.OrganizationId, r.Since, followsOf[r.UserId], adapted[r.UserId], ItemsPerGroup)
                .ToDictionary(
                    g => g.Group ?? Guid.Empty,
                    g => (Rows: g.First.Select(record => new Row(
                            r.UserId, record.OnMeeting ? DigestItemKind.Meeting : DigestItemKind.Practice, record.Id, record.OnMeeting, record.Title,
                            record.Tlp, record.CreatedAt > r.Since, record.Organization, null, record.UpdatedAt)).ToList(),
                        g.Count));
            foreach (var row in others[r.UserId])
            {
                var key = GroupOf(row.RecordId) ?? Guid.Empty;
                var (rows, count) = listed.TryGetValue(key, out var entry) ? entry : ([], 0);
                rows.Add(row);
                listed[key] = (rows, count + 1);
            }

            var language = LanguageOf(r.EmailLanguage, r.PreferredLanguage, r.WorkingLanguages);
            var groups = listed
                .Select(g =>
                {
                    var items = g.Value.Rows.OrderByDescending(i => i.Tlp).ThenByDescending(i => i.At).Take(ItemsPerGroup).Select(i => i.ToItem(ThemesOf(i.RecordId), language, practiceTitles)).ToList();
                    var theme = g.Key == Guid.Empty ? null : themes[g.Key];
                    var label = theme is null ? "" : language switch { "fr" => theme.LabelFr, "nl" => theme.LabelNl, _ => theme.LabelEn };
                    return (Sort: theme?.SortOrder ?? int.MaxValue, Group: new DigestGroup(theme?.Key, label, items, g.Value.Count - items.Count));
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

    /// <summary>A meeting or practice changed in the period as its statement reads it, with its themes.</summary>
    private sealed class ChangedRecord
    {
        public bool OnMeeting { get; init; }
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Tlp { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid? AuthorId { get; init; }
        public Guid OrganizationId { get; init; }
        public string Organization { get; init; } = "";
        public Guid[] Themes { get; init; } = [];

        public DigestReach.Record ToRecord() =>
            new(OnMeeting, Id, Title, TlpLabels.Parse(Tlp), CreatedAt, UpdatedAt, AuthorId, OrganizationId, Organization);
    }

    private sealed record Row(
        Guid UserId, DigestItemKind Kind, Guid RecordId, bool OnMeeting, string Title, Tlp Tlp, bool IsNew,
        string Organization, string? Author, DateTimeOffset At)
    {
        public DigestItem ToItem(IReadOnlyList<Guid> themeIds, string language, IReadOnlyDictionary<Guid, PracticeTitles> practices)
        {
            if (OnMeeting || !practices.TryGetValue(RecordId, out var practice))
            {
                return new(Kind, RecordId, OnMeeting, Title, Tlp, IsNew, Organization, Author, At, themeIds);
            }

            var translation = Practices.PracticeText.TranslationFor(language, practice.Language, practice.Translations);
            return translation is null
                ? new(Kind, RecordId, OnMeeting, Title, Tlp, IsNew, Organization, Author, At, themeIds, practice.Language)
                : new(Kind, RecordId, OnMeeting, translation.Title, Tlp, IsNew, Organization, Author, At, themeIds, language);
        }
    }

    private sealed record PracticeTitles(Guid Id, string Language, List<PracticeTranslation> Translations);
}
