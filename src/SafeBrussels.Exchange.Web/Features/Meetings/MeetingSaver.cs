using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// Creating and saving a meeting: the editor rule, the checks, one revision per save, a refused concurrent save, a
/// repeated submission recorded once.
/// </summary>
public sealed class MeetingSaver(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit, TimeProvider time, ILogger<MeetingSaver> logger)
{
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
            var current = await MeetingReader.LoadDetailAsync(fresh, viewer, id, cancellationToken);
            return new MeetingSaveOutcome(CommandResult.Fail("", MeetingSaveOutcome.ConflictKey), id, current?.Version, current);
        }

        logger.LogInformation("Meeting {MeetingId} saved by {UserId} as revision {Revision}", id, viewer.UserId, previous.Number + 1);
        return new MeetingSaveOutcome(CommandResult.Ok, id, meeting.Version);
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

    private static bool IsConcurrentSave(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_meeting_revisions_meeting_id_number" };

    private sealed record Checked(CommandResult Result, IReadOnlyList<Guid> ThemeIds);

    private static async Task<Checked> ValidateAsync(ExchangeDbContext db, Viewer viewer, MeetingInput input, IReadOnlySet<Guid> currentThemes, CancellationToken cancellationToken)
    {
        var validation = MeetingInputValidator.Instance.Check(input);
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
