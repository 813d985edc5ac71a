using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// Storage limitation (GDPR art. 5(1)(e)) for minutes: once a day, minutes of meetings older than the retention move to
/// <c>meeting_minutes_archive</c>, out of the meeting, its revisions, search, exports, feeds and digests. The host
/// organization's administrators can still download them.
/// </summary>
public sealed class MinutesRetention(
    IDbContextFactory<ExchangeDbContext> dbFactory, IOptions<RetentionOptions> options, AuditTrail audit, TimeProvider time, ILogger<MinutesRetention> logger)
{
    public const string RecurringId = "minutes-retention";

    public async Task<int> ArchiveAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.MinutesArchiveAfterDays;
        if (days <= 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One statement, so one transaction: the minutes move, the meeting and its revisions forget them, or nothing.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH due AS (
                SELECT id, minutes, tlp, host_organization_id, author_id FROM meetings
                WHERE minutes <> '' AND starts_at < @cutoff
                FOR UPDATE
            ), archived AS (
                -- Each archiving keeps the label and audience the minutes had (minutes typed again after an archiving
                -- are archived apart, under theirs).
                INSERT INTO meeting_minutes_archive (id, meeting_id, minutes, archived_at, tlp, host_organization_id, partner_organization_ids, named_user_ids)
                SELECT gen_random_uuid(), d.id, d.minutes, @now, d.tlp, d.host_organization_id,
                    ARRAY(SELECT p.organization_id FROM meeting_participants p WHERE p.meeting_id = d.id),
                    ARRAY(SELECT a.user_id FROM meeting_attendees a WHERE a.meeting_id = d.id AND a.user_id IS NOT NULL
                          UNION SELECT d.author_id WHERE d.author_id IS NOT NULL)
                FROM due d
                RETURNING meeting_id
            ), cleared AS (
                UPDATE meetings SET minutes = '', minutes_archived_at = @now
                WHERE id IN (SELECT meeting_id FROM archived)
                RETURNING id, host_organization_id, tlp
            ), logged AS (
                INSERT INTO audit_entries (occurred_at, action, target_type, target_id, target_organization_id, tlp, detail)
                SELECT @now, 'content.updated', 'meeting', id::text, host_organization_id, tlp, 'minutes archived (retention)'
                FROM cleared
                RETURNING 1
            ), revisions AS (
                UPDATE meeting_revisions SET snapshot = jsonb_set(snapshot, ARRAY['minutes'], '""', false)
                WHERE meeting_id IN (SELECT id FROM cleared)
                RETURNING 1
            )
            SELECT count(*)::int FROM cleared
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("cutoff", now.AddDays(-days));
        var archived = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        logger.LogInformation("Minutes retention: minutes of {Count} meetings older than {Days} days archived", archived, days);
        return archived;
    }

    /// <summary>
    /// The archived minutes, for an administrator of the host organization who may see the meeting, oldest archiving
    /// first, each only if they could read it under the label and audience it was archived under
    /// (<see cref="SharingPolicy"/>); null when there is none they may read.
    /// </summary>
    public async Task<string?> ReadArchivedAsync(Viewer viewer, Guid meetingId, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsOrgAdmin)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.MeetingMinutesArchive.AsNoTracking().VisibleTo(db, viewer)
            .Where(a => a.MeetingId == meetingId && a.HostOrganizationId == viewer.OrganizationId)
            .OrderBy(a => a.ArchivedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Minutes, a.Tlp })
            .ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        var tlp = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Tlp).SingleAsync(cancellationToken);
        await audit.WriteAsync(AuditEvent.By(viewer, AuditActions.ContentRead, AuditTargets.Meeting, meetingId.ToString(), viewer.OrganizationId, tlp,
            "archived minutes"), cancellationToken);
        return string.Join("\n\n", found.Select(a => a.Minutes));
    }
}
