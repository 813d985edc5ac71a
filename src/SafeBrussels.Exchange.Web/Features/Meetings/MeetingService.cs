using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Meetings between administrations: every read goes through <see cref="SharingPolicy"/> inside the query.</summary>
public sealed class MeetingService(
    IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit, TimeProvider time, ILogger<MeetingService> logger)
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

    /// <param name="idempotencyKey">The form instance's key: a repeat of the same submission answers with the meeting the first one created.</param>
    public async Task<MeetingSaveOutcome> CreateAsync(Viewer viewer, MeetingInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.CanContribute, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return new MeetingSaveOutcome(refusal);
        }

        viewer = standing!;
        if (await db.EarlierAsync(viewer.UserId, IdempotencyScope, idempotencyKey, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(db, earlier, cancellationToken);
        }

        var check = await ValidateAsync(db, viewer, input, new HashSet<Guid>(), cancellationToken);
        if (!check.Result.Succeeded)
        {
            return new MeetingSaveOutcome(check.Result);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var meeting = new Meeting
        {
            Id = id,
            ExternalId = id.ToString(),
            Title = input.Title.Trim(),
            Language = input.Language,
            HostOrganizationId = viewer.OrganizationId,
            AuthorId = viewer.UserId,
            CreatedAt = now,
        };
        Apply(meeting, input, check.ThemeIds, now);
        meeting.Practices.AddRange(input.PracticeIds.Distinct().Select(p => new MeetingPractice { MeetingId = id, PracticeId = p }));
        db.Meetings.Add(meeting);
        db.MeetingRevisions.Add(Revision(meeting, 1, viewer, now, input, previous: null));
        audit.AddContentSave(db, viewer, AuditTargets.Meeting, meeting.Id, meeting.HostOrganizationId, before: null, meeting.Tlp);
        if (await db.SaveOnceAsync(viewer.UserId, IdempotencyScope, idempotencyKey, id, now, cancellationToken) is { } repeated)
        {
            // The same submission, a moment earlier, created the meeting while this one waited on its key.
            return await RepeatedAsync(db, repeated, cancellationToken);
        }

        logger.LogInformation("Meeting {MeetingId} created by {UserId} ({Tlp})", meeting.Id, viewer.UserId, meeting.Tlp.ToLabel());
        return new MeetingSaveOutcome(CommandResult.Ok, meeting.Id, meeting.Version);
    }

    private const string IdempotencyScope = "meeting";

    private static async Task<MeetingSaveOutcome> RepeatedAsync(ExchangeDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var version = await db.Meetings.Where(m => m.Id == id).Select(m => (uint?)m.Version).SingleOrDefaultAsync(cancellationToken);
        return new MeetingSaveOutcome(CommandResult.Ok, id, version);
    }

    /// <summary>
    /// Saves a new version if nobody saved since <paramref name="expectedVersion"/> was read (the version the application counts on each save);
    /// otherwise refuses with <see cref="MeetingSaveOutcome.ConflictKey"/> and returns the record as it now is.
    /// </summary>
    public async Task<MeetingSaveOutcome> UpdateAsync(Viewer viewer, Guid id, MeetingInput input, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A reader is told "not found", as for a record they may not edit.
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.CanContribute, "Error.NotFound", cancellationToken);
        if (refusal is not null)
        {
            return new MeetingSaveOutcome(refusal);
        }

        viewer = standing!;
        var meeting = await db.Meetings
            .VisibleTo(viewer)
            .Where(SharingPolicy.MeetingsEditableBy(viewer))
            .Include(m => m.Participants).Include(m => m.Themes).Include(m => m.Agenda).Include(m => m.Decisions)
            .Include(m => m.ActionItems).Include(m => m.Attendees).Include(m => m.Practices)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return new MeetingSaveOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        var currentThemes = meeting.Themes.Select(t => t.ThemeId).ToHashSet();
        var check = await ValidateAsync(db, viewer, input, currentThemes, cancellationToken);
        if (!check.Result.Succeeded)
        {
            return new MeetingSaveOutcome(check.Result);
        }

        var previous = await db.MeetingRevisions.Where(r => r.MeetingId == id).OrderByDescending(r => r.Number).FirstAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.Entry(meeting).Property(m => m.Version).OriginalValue = expectedVersion;
        var tlpBefore = meeting.Tlp;
        Apply(meeting, input, check.ThemeIds, now);
        await LinkPracticesAsync(db, viewer, meeting, input.PracticeIds, cancellationToken);
        db.MeetingRevisions.Add(Revision(meeting, previous.Number + 1, viewer, now, input, previous));
        audit.AddContentSave(db, viewer, AuditTargets.Meeting, id, meeting.HostOrganizationId, tlpBefore, meeting.Tlp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsConcurrentSave(ex))
        {
            // Either the meeting's version moved, or another save took the next revision number first.
            logger.LogInformation("Meeting {MeetingId}: save by {UserId} refused, saved by someone else meanwhile", id, viewer.UserId);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await LoadDetailAsync(fresh, viewer, id, cancellationToken);
            return new MeetingSaveOutcome(CommandResult.Fail("", MeetingSaveOutcome.ConflictKey), id, current?.Version, current);
        }

        logger.LogInformation("Meeting {MeetingId} saved by {UserId} as revision {Revision}", id, viewer.UserId, previous.Number + 1);
        return new MeetingSaveOutcome(CommandResult.Ok, id, meeting.Version);
    }

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

    /// <summary>The editable fields of a visible meeting, to fill the edit form.</summary>
    public static MeetingInput ToInput(MeetingDetail detail) => new()
    {
        Title = detail.Title,
        ParticipantOrganizationIds = detail.Participants.Select(p => p.Id).ToList(),
        StartsAt = detail.StartsAt,
        EndsAt = detail.EndsAt,
        Mode = detail.Mode,
        Location = detail.Location,
        Language = detail.Language,
        Themes = [.. detail.Themes],
        Tlp = detail.Tlp,
        Agenda = detail.Agenda.Select(a => new AgendaItemInput { Title = a.Title, Notes = a.Notes }).ToList(),
        Minutes = detail.Minutes,
        Decisions = [.. detail.Decisions],
        ActionItems = detail.ActionItems.Select(a => new ActionItemInput
        {
            Title = a.Title, OwnerOrganizationId = a.OwnerOrganizationId, OwnerUserId = a.OwnerUserId, Due = a.Due, IsDone = a.IsDone,
        }).ToList(),
        AttendeeUserIds = detail.Attendees.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).ToList(),
        AttendeeNames = detail.Attendees.Where(a => a.UserId is null).Select(a => a.Name).ToList(),
        PracticeIds = detail.Practices.Select(p => p.Id).ToList(),
    };

    private static async Task<MeetingDetail?> LoadDetailAsync(ExchangeDbContext db, Viewer viewer, Guid id, CancellationToken cancellationToken)
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

    private static bool IsConcurrentSave(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_meeting_revisions_meeting_id_number" };

    private sealed record Checked(CommandResult Result, IReadOnlyList<Guid> ThemeIds);

    private static async Task<Checked> ValidateAsync(ExchangeDbContext db, Viewer viewer, MeetingInput input, IReadOnlySet<Guid> currentThemes, CancellationToken cancellationToken)
    {
        var validation = input.Validate();
        var errors = new Dictionary<string, string>(validation.Errors);

        var keys = input.Themes.Distinct().ToList();
        var themes = await db.Themes.Where(t => keys.Contains(t.Key)).Select(t => new { t.Id, t.Key, t.IsRetired }).ToListAsync(cancellationToken);
        // A retired theme stays on the records that have it but is not offered for new ones.
        if (themes.Count != keys.Count || themes.Any(t => t.IsRetired && !currentThemes.Contains(t.Id)))
        {
            errors.TryAdd(nameof(MeetingInput.Themes), "Validation.UnknownTheme");
        }

        var organizationIds = input.ParticipantOrganizationIds
            .Concat(input.ActionItems.Where(a => a.OwnerOrganizationId is not null).Select(a => a.OwnerOrganizationId!.Value))
            .Distinct().ToList();
        if (await db.Organizations.CountAsync(o => organizationIds.Contains(o.Id), cancellationToken) != organizationIds.Count)
        {
            errors.TryAdd(nameof(MeetingInput.ParticipantOrganizationIds), "Validation.UnknownOrganization");
        }

        var userIds = input.AttendeeUserIds
            .Concat(input.ActionItems.Where(a => a.OwnerUserId is not null).Select(a => a.OwnerUserId!.Value))
            .Distinct().ToList();
        if (await db.Users.CountAsync(u => userIds.Contains(u.Id), cancellationToken) != userIds.Count)
        {
            errors.TryAdd(nameof(MeetingInput.AttendeeUserIds), "Validation.UnknownPerson");
        }

        var practiceIds = input.PracticeIds.Distinct().ToList();
        if (await db.Practices.VisibleTo(viewer).CountAsync(p => practiceIds.Contains(p.Id), cancellationToken) != practiceIds.Count)
        {
            errors.TryAdd(nameof(MeetingInput.PracticeIds), "Validation.UnknownPractice");
        }

        return new Checked(new CommandResult(errors), themes.Select(t => t.Id).ToList());
    }

    /// <summary>Sets the cited practices the editor may see; links to practices hidden from the editor stay as they are.</summary>
    private static async Task LinkPracticesAsync(ExchangeDbContext db, Viewer viewer, Meeting meeting, IReadOnlyList<Guid> practiceIds, CancellationToken cancellationToken)
    {
        var linked = meeting.Practices.Select(l => l.PracticeId).ToList();
        var visibleLinked = await db.Practices.VisibleTo(viewer).Where(p => linked.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var wanted = practiceIds.ToHashSet();
        meeting.Practices.RemoveAll(l => visibleLinked.Contains(l.PracticeId) && !wanted.Contains(l.PracticeId));
        meeting.Practices.AddRange(wanted.Except(linked).Select(p => new MeetingPractice { MeetingId = meeting.Id, PracticeId = p }));
    }

    private static void Apply(Meeting meeting, MeetingInput input, IReadOnlyList<Guid> themeIds, DateTimeOffset now)
    {
        meeting.Title = input.Title.Trim();
        meeting.StartsAt = input.StartsAt.ToUniversalTime();
        meeting.StartsOffsetMinutes = (short)input.StartsAt.Offset.TotalMinutes;
        meeting.EndsAt = input.EndsAt?.ToUniversalTime();
        meeting.EndsOffsetMinutes = (short)(input.EndsAt?.Offset.TotalMinutes ?? 0);
        meeting.Mode = input.Mode;
        meeting.Location = (input.Location ?? "").Trim();
        meeting.Language = input.Language;
        meeting.Tlp = input.Tlp;
        meeting.Minutes = input.Minutes ?? "";
        meeting.UpdatedAt = now;
        meeting.ImportHash = null;
        meeting.Version++;

        // Join rows are keyed by their pair: keep the ones that stay, so the same key is never deleted and re-added.
        var participants = input.ParticipantOrganizationIds.Where(id => id != meeting.HostOrganizationId).ToHashSet();
        meeting.Participants.RemoveAll(p => !participants.Contains(p.OrganizationId));
        meeting.Participants.AddRange(participants.Except(meeting.Participants.Select(p => p.OrganizationId))
            .Select(id => new MeetingParticipant { MeetingId = meeting.Id, OrganizationId = id }));
        meeting.Themes.RemoveAll(t => !themeIds.Contains(t.ThemeId));
        meeting.Themes.AddRange(themeIds.Except(meeting.Themes.Select(t => t.ThemeId))
            .Select(id => new MeetingTheme { MeetingId = meeting.Id, ThemeId = id }));
        meeting.Agenda.Clear();
        meeting.Agenda.AddRange(input.Agenda.Select((a, i) => new AgendaItem { MeetingId = meeting.Id, Position = i, Title = a.Title.Trim(), Notes = a.Notes ?? "" }));
        meeting.Decisions.Clear();
        meeting.Decisions.AddRange(input.Decisions.Select((d, i) => new MeetingDecision { MeetingId = meeting.Id, Position = i, Text = d.Trim() }));
        meeting.ActionItems.Clear();
        meeting.ActionItems.AddRange(input.ActionItems.Select((a, i) => new ActionItem
        {
            MeetingId = meeting.Id, Position = i, Title = a.Title.Trim(), OwnerOrganizationId = a.OwnerOrganizationId,
            OwnerUserId = a.OwnerUserId, Due = a.Due, IsDone = a.IsDone,
        }));
        meeting.Attendees.Clear();
        meeting.Attendees.AddRange(input.AttendeeUserIds.Distinct().Select(id => new MeetingAttendee { MeetingId = meeting.Id, UserId = id }));
        meeting.Attendees.AddRange(input.AttendeeNames.Select(n => new MeetingAttendee { MeetingId = meeting.Id, Name = n.Trim() }));
    }

    /// <summary>A version of <paramref name="meeting"/> as just applied, kept under its present label and audience.</summary>
    private static MeetingRevision Revision(Meeting meeting, int number, Viewer viewer, DateTimeOffset now, MeetingInput input, MeetingRevision? previous)
    {
        var snapshot = MeetingRevisions.Write(input);
        return new MeetingRevision
        {
            MeetingId = meeting.Id,
            Number = number,
            AuthorId = viewer.UserId,
            AuthorName = viewer.DisplayName,
            SavedAt = now,
            Snapshot = snapshot,
            ChangedFields = previous is null ? [] : MeetingRevisions.ChangedFields(previous.Snapshot, snapshot),
            Tlp = meeting.Tlp,
            HostOrganizationId = meeting.HostOrganizationId,
            PartnerOrganizationIds = meeting.Participants.Select(p => p.OrganizationId).Distinct().ToList(),
            NamedUserIds = meeting.Attendees.Where(a => a.UserId is not null).Select(a => a.UserId!.Value)
                .Concat(meeting.AuthorId is { } author ? [author] : [])
                .Distinct().ToList(),
        };
    }
}
