using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Sharing;
using static SafeBrussels.Exchange.Web.Features.Exchange.ImportPlan;
using static SafeBrussels.Exchange.Web.Features.Exchange.ImportSql;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// Writes the planned meetings: staged with COPY, then written with their themes, agenda, decisions, participants,
/// action items and a revision each.
/// </summary>
internal static class MeetingImportWriter
{
    private const string ImportAuthor = "Import";

    internal static async Task WriteMeetingsAsync(
        NpgsqlConnection connection,
        List<Planned<ExchangeMeeting>> plan,
        Dictionary<string, Guid> organizations,
        Dictionary<string, Guid> themes,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (plan.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE exchange_staging.meetings (
                id uuid, external_id text, host_organization_id uuid, title text, starts_at timestamptz, starts_offset_minutes smallint,
                ends_at timestamptz, ends_offset_minutes smallint, mode text, location text, language text, tlp text,
                minutes text, import_hash text)
            """, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY exchange_staging.meetings FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (m, id, hash, _, _) in plan)
            {
                var starts = ExchangeChecks.Instant(m.StartsAt);
                DateTimeOffset? ends = m.EndsAt is { } end ? ExchangeChecks.Instant(end) : null;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(m.ExternalId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(organizations[m.Organization], NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(m.Title, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(starts.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync((short)starts.Offset.TotalMinutes, NpgsqlDbType.Smallint, cancellationToken);
                await WriteNullableAsync(copy, ends?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync((short)(ends?.Offset.TotalMinutes ?? 0), NpgsqlDbType.Smallint, cancellationToken);
                await copy.WriteAsync(m.Mode ?? MeetingMode.InPerson.ToCode(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(m.Location ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(m.Language, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(m.Tlp ?? Tlp.Amber.ToLabel(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(m.Minutes ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(hash, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE exchange_staging.meeting_themes (meeting_id uuid, theme_id uuid);
            CREATE UNLOGGED TABLE exchange_staging.agenda (id uuid, meeting_id uuid, position int, title text, notes text);
            CREATE UNLOGGED TABLE exchange_staging.decisions (id uuid, meeting_id uuid, position int, text text);
            """, cancellationToken);
        await CopyAsync(connection, "COPY exchange_staging.meeting_themes (meeting_id, theme_id) FROM STDIN (FORMAT BINARY)",
            plan.SelectMany(m => m.Record.Themes.Select(t => new object?[] { m.Id, themes[t] })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid], cancellationToken);
        await CopyAsync(connection, "COPY exchange_staging.agenda (id, meeting_id, position, title, notes) FROM STDIN (FORMAT BINARY)",
            plan.SelectMany(m => (m.Record.Agenda ?? []).Select((a, i) => new object?[] { Guid.CreateVersion7(), m.Id, i, a.Title, a.Notes ?? "" })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text], cancellationToken);
        await CopyAsync(connection, "COPY exchange_staging.decisions (id, meeting_id, position, text) FROM STDIN (FORMAT BINARY)",
            plan.SelectMany(m => (m.Record.Decisions ?? []).Select((d, i) => new object?[] { Guid.CreateVersion7(), m.Id, i, d })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Text], cancellationToken);

        var previousRevisions = await ReadLatestRevisionsAsync(connection, plan.Where(m => m.IsChanged).Select(m => m.Id).ToArray(), cancellationToken);
        await ExecuteAsync(connection, MeetingsWrite, cancellationToken, now);

        await CopyAsync(connection, ParticipantsCopy,
            plan.SelectMany(m => (m.Record.Participants ?? []).Where(k => k != m.Record.Organization).Select(k => new object?[] { m.Id, organizations[k] })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid], cancellationToken);
        await CopyAsync(connection, ActionItemsCopy,
            plan.SelectMany(m => (m.Record.ActionItems ?? []).Select((a, i) => new object?[]
            {
                Guid.CreateVersion7(), m.Id, i, a.Title, a.Owner is { } owner ? organizations[owner] : null, null,
                a.Due is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, false,
            })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Date, NpgsqlDbType.Boolean],
            cancellationToken);

        // Every version is kept: an imported meeting gets a revision like one saved in the editor.
        await CopyAsync(connection, RevisionsCopy,
            plan.Select(m =>
            {
                var snapshot = MeetingRevisions.Write(ToInput(m.Record, organizations));
                var previous = previousRevisions.GetValueOrDefault(m.Id);
                var changed = previous is null ? [] : MeetingRevisions.ChangedFields(previous.Snapshot, snapshot).ToArray();
                return new object?[] { Guid.CreateVersion7(), m.Id, (previous?.Number ?? 0) + 1, null, ImportAuthor, now, changed, snapshot };
            }),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Jsonb],
            cancellationToken);

        // Each new version is kept under the label and audience the meeting has now that it is written.
        await ExecuteAsync(connection, """
            UPDATE meeting_revisions r SET tlp = m.tlp, host_organization_id = m.host_organization_id,
                partner_organization_ids = ARRAY(SELECT p.organization_id FROM meeting_participants p WHERE p.meeting_id = m.id),
                named_user_ids = ARRAY(SELECT a.user_id FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id IS NOT NULL
                                       UNION SELECT m.author_id WHERE m.author_id IS NOT NULL)
            FROM meetings m
            WHERE m.id = r.meeting_id AND r.saved_at = @now AND r.author_id IS NULL
            """, cancellationToken, now);
    }

    private static MeetingInput ToInput(ExchangeMeeting m, Dictionary<string, Guid> organizations) => new()
    {
        Title = m.Title,
        ParticipantOrganizationIds = (m.Participants ?? []).Where(k => k != m.Organization).Select(k => organizations[k]).ToList(),
        StartsAt = ExchangeChecks.Instant(m.StartsAt),
        EndsAt = m.EndsAt is { } end ? ExchangeChecks.Instant(end) : null,
        Mode = MeetingModes.TryParse(m.Mode, out var mode) ? mode : MeetingMode.InPerson,
        Location = m.Location ?? "",
        Language = m.Language,
        Themes = [.. m.Themes],
        Tlp = TlpLabels.TryParse(m.Tlp, out var tlp) ? tlp : Tlp.Amber,
        Agenda = (m.Agenda ?? []).Select(a => new AgendaItemInput { Title = a.Title, Notes = a.Notes ?? "" }).ToList(),
        Minutes = m.Minutes ?? "",
        Decisions = [.. m.Decisions ?? []],
        ActionItems = (m.ActionItems ?? []).Select(a => new ActionItemInput
        {
            Title = a.Title,
            OwnerOrganizationId = a.Owner is { } owner ? organizations[owner] : null,
            Due = a.Due is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        }).ToList(),
    };

    private sealed record Revision(int Number, string Snapshot);

    private static async Task<Dictionary<Guid, Revision>> ReadLatestRevisionsAsync(NpgsqlConnection connection, Guid[] meetingIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, Revision>();
        if (meetingIds.Length == 0)
        {
            return result;
        }

        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT ON (meeting_id) meeting_id, number, snapshot::text FROM meeting_revisions WHERE meeting_id = ANY(@ids) ORDER BY meeting_id, number DESC",
            connection);
        command.Parameters.AddWithValue("ids", meetingIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetGuid(0)] = new Revision(reader.GetInt32(1), reader.GetString(2));
        }

        return result;
    }

    /// <summary>The staged meetings written (created or updated), with their themes, agenda and decisions.</summary>
    internal const string MeetingsWrite = """
        INSERT INTO meetings (id, external_id, host_organization_id, author_id, title, starts_at, starts_offset_minutes,
            ends_at, ends_offset_minutes, mode, location, language, tlp, minutes, import_hash, created_at, updated_at, version)
        SELECT i.id, i.external_id, i.host_organization_id, NULL, i.title, i.starts_at, i.starts_offset_minutes,
            i.ends_at, i.ends_offset_minutes, i.mode, i.location, i.language, i.tlp, i.minutes, i.import_hash, @now, @now, 1
        FROM exchange_staging.meetings i
        ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, host_organization_id = EXCLUDED.host_organization_id,
            title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, starts_offset_minutes = EXCLUDED.starts_offset_minutes,
            ends_at = EXCLUDED.ends_at, ends_offset_minutes = EXCLUDED.ends_offset_minutes, mode = EXCLUDED.mode,
            location = EXCLUDED.location, language = EXCLUDED.language, tlp = EXCLUDED.tlp, minutes = EXCLUDED.minutes,
            import_hash = EXCLUDED.import_hash, updated_at = EXCLUDED.updated_at, version = meetings.version + 1;
        DELETE FROM meeting_participants WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_themes WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_agenda_items WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_decisions WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_action_items WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        INSERT INTO meeting_themes (meeting_id, theme_id) SELECT meeting_id, theme_id FROM exchange_staging.meeting_themes;
        INSERT INTO meeting_agenda_items (id, meeting_id, position, title, notes) SELECT id, meeting_id, position, title, notes FROM exchange_staging.agenda;
        INSERT INTO meeting_decisions (id, meeting_id, position, text) SELECT id, meeting_id, position, text FROM exchange_staging.decisions;
        DROP TABLE exchange_staging.meetings, exchange_staging.meeting_themes, exchange_staging.agenda, exchange_staging.decisions;
        """;

    /// <summary>The meetings' participant organizations.</summary>
    internal const string ParticipantsCopy = "COPY meeting_participants (meeting_id, organization_id) FROM STDIN (FORMAT BINARY)";

    /// <summary>The meetings' action items.</summary>
    internal const string ActionItemsCopy = "COPY meeting_action_items (id, meeting_id, position, title, owner_organization_id, owner_user_id, due, is_done) FROM STDIN (FORMAT BINARY)";

    /// <summary>A revision of each imported meeting, as a save in the editor makes one.</summary>
    internal const string RevisionsCopy = "COPY meeting_revisions (id, meeting_id, number, author_id, author_name, saved_at, changed_fields, snapshot) FROM STDIN (FORMAT BINARY)";
}
