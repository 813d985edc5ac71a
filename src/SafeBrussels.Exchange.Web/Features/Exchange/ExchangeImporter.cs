using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// Imports an exchange-format file all or nothing. The file is checked whole (JSON, the schema, then references
/// against the platform) and refused with every problem if anything is wrong. Otherwise, in one transaction,
/// records are matched by externalId: a record whose content hash is unchanged is not touched, so importing
/// the same file twice changes nothing. Practices and meetings go in with COPY, never row by row: staged in unlogged
/// tables of <c>exchange_staging</c> that exist only inside the transaction, their search documents computed there in
/// parallel (docs/search.md), then written.
/// </summary>
public sealed class ExchangeImporter(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time, ILogger<ExchangeImporter> logger)
{
    private const string ImportAuthor = "Import";
    private static readonly JsonSerializerOptions HashJson = new(ExchangeDocument.Json) { WriteIndented = false };

    /// <param name="actor">The platform administrator importing, for the audit trail; null on the command line and for the demo seed.</param>
    public async Task<ImportReport> ImportAsync(Stream json, bool dryRun, CancellationToken cancellationToken = default, Viewer? actor = null)
    {
        Read read;
        try
        {
            using var parsed = await JsonDocument.ParseAsync(json, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
            // Checking the file against the schema and reading its records (with their hashes) are independent, the parsed
            // document being only read: both at once, on two cores. What was read is used only if the check finds nothing.
            var reading = Task.Run(() => Read.From(parsed.RootElement), cancellationToken);
            var problems = ExchangeSchema.Validate(parsed.RootElement);
            if (problems.Count > 0)
            {
                // The reading ends before the document is disposed; whatever it threw is beside the point.
                await Task.WhenAny(reading);
                _ = reading.Exception;
                return ImportReport.Refused(problems);
            }

            read = await reading;
        }
        catch (JsonException ex)
        {
            return ImportReport.Refused([ExchangeSchema.SyntaxError(ex)]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (actor is not null)
        {
            // A member demoted while their page was open imports nothing with the rights they had: the editor's rule
            // below applies to the role the database holds now, and a role that edits nothing imports nothing.
            var standing = await db.NowAsync(actor, cancellationToken);
            if (standing is not ({ IsPlatformAdmin: true } or { CanContribute: true }))
            {
                return ImportReport.Refused([new ExchangeProblem("$", ExchangeProblemCodes.NotAllowed, [standing?.Role.ToName() ?? "deactivated"])]);
            }

            actor = standing;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var report = await RunAsync(db, connection, read, dryRun, actor, cancellationToken);
            if (report.Written)
            {
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation(
                    "Imported: created {Created}, updated {Updated}, unchanged {Unchanged} (organizations/practices/meetings)",
                    report.Created, report.Updated, report.Unchanged);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return report;
        });
    }

    /// <summary>A file's records, with each practice's and meeting's hash (its JSON re-written), in the file's order.</summary>
    private sealed record Read(ExchangeDocument Document, string[] PracticeHashes, string[] MeetingHashes)
    {
        public static Read From(JsonElement root)
        {
            var document = root.Deserialize<ExchangeDocument>(ExchangeDocument.Json)!;
            return new Read(document, [.. (document.Practices ?? []).Select(Hash)], [.. (document.Meetings ?? []).Select(Hash)]);
        }
    }

    private async Task<ImportReport> RunAsync(ExchangeDbContext db, NpgsqlConnection connection, Read read, bool dryRun, Viewer? actor, CancellationToken cancellationToken)
    {
        var document = read.Document;
        // One import at a time: two imports of overlapping files must not interleave their upserts.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(74201)", cancellationToken);

        var organizations = await ReadOrganizationsAsync(connection, cancellationToken);
        var themes = await ReadThemesAsync(connection, cancellationToken);
        var practices = document.Practices ?? [];
        var meetings = document.Meetings ?? [];
        var practiceRefs = practices.Select(p => p.ExternalId).Concat(practices.Select(p => p.AdaptedFrom).OfType<string>()).Distinct().ToArray();
        var existingPractices = await ReadExistingAsync(connection, "practices", practiceRefs, cancellationToken);
        var existingMeetings = await ReadExistingAsync(connection, "meetings", meetings.Select(m => m.ExternalId).Distinct().ToArray(), cancellationToken);

        // Through the platform (an administrator, not the operator's command line) an import gets no override of the
        // sharing rules: it neither adapts a record its administrator may not see, nor creates, moves, relabels or changes
        // a record other than one of their own organization that they may edit (docs/sharing.md).
        var access = actor is null ? null : await AccessAsync(db, actor, existingPractices, existingMeetings, cancellationToken);
        var problems = ExchangeChecks.Check(document, new ExchangeChecks.Known(
            organizations.Keys.ToHashSet(StringComparer.Ordinal),
            themes.Keys.ToHashSet(StringComparer.Ordinal),
            existingPractices.Where(p => access is null || access.Visible.Contains(p.Value.Id)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal)));
        if (actor is not null && access is not null)
        {
            var own = organizations.Where(o => o.Value.Id == actor.OrganizationId).Select(o => o.Key).SingleOrDefault() ?? "";
            problems.AddRange(NotTheirs("practices", practices.Select(p => (p.ExternalId, p.Organization)).ToList(), read.PracticeHashes, existingPractices, own, access));
            problems.AddRange(NotTheirs("meetings", meetings.Select(m => (m.ExternalId, m.Organization)).ToList(), read.MeetingHashes, existingMeetings, own, access));
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(problems);
        }

        var organizationPlan = (document.Organizations ?? [])
            .Select(o => (Record: o, Existing: organizations.GetValueOrDefault(o.Key)))
            .ToList();
        var changedOrganizations = organizationPlan.Where(o => o.Existing is null || !o.Existing.Matches(o.Record)).ToList();
        var practicePlan = Plan(practices, read.PracticeHashes, p => p.ExternalId, existingPractices);
        var meetingPlan = Plan(meetings, read.MeetingHashes, m => m.ExternalId, existingMeetings);

        var created = new ImportCounts(
            changedOrganizations.Count(o => o.Existing is null), practicePlan.Count(p => p.IsNew), meetingPlan.Count(m => m.IsNew));
        var updated = new ImportCounts(
            changedOrganizations.Count(o => o.Existing is not null), practicePlan.Count(p => p.IsChanged), meetingPlan.Count(m => m.IsChanged));
        var unchanged = new ImportCounts(
            organizationPlan.Count - changedOrganizations.Count,
            practicePlan.Count(p => !p.IsNew && !p.IsChanged),
            meetingPlan.Count(m => !m.IsNew && !m.IsChanged));
        if (dryRun)
        {
            return new ImportReport([], created, updated, unchanged, Written: false);
        }

        var now = time.GetUtcNow();
        foreach (var (record, existing) in changedOrganizations)
        {
            organizations[record.Key] = await UpsertOrganizationAsync(connection, record, existing, now, cancellationToken);
        }

        var organizationIds = organizations.ToDictionary(o => o.Key, o => o.Value.Id, StringComparer.Ordinal);
        var practiceIds = existingPractices.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);
        foreach (var item in practicePlan)
        {
            practiceIds[item.Record.ExternalId] = item.Id;
        }

        // The index triggers stand aside: the statements below compute each record's search document once, as they
        // write it, instead of once per row and again for each child table.
        await ExecuteAsync(connection, "SET LOCAL exchange.defer_index = on", cancellationToken);
        var writtenPractices = practicePlan.Where(p => p.IsNew || p.IsChanged).ToList();
        var writtenMeetings = meetingPlan.Where(m => m.IsNew || m.IsChanged).ToList();
        var updatedIds = writtenPractices.Where(p => !p.IsNew).Select(p => p.Id).Concat(writtenMeetings.Where(m => !m.IsNew).Select(m => m.Id)).ToArray();
        var labelsBefore = await LabelsAsync(connection, updatedIds, cancellationToken);
        await WritePracticesAsync(connection, writtenPractices, organizationIds, themes, practiceIds, now, cancellationToken);
        await WriteMeetingsAsync(connection, writtenMeetings, organizationIds, themes, now, cancellationToken);
        await ExecuteAsync(connection, "SET LOCAL exchange.defer_index = off", cancellationToken);
        var labelsAfter = await LabelsAsync(connection, updatedIds, cancellationToken);
        var relabelled = labelsBefore
            .Where(b => labelsAfter.TryGetValue(b.Key, out var after) && after != b.Value)
            .ToDictionary(b => b.Key, b => $"{b.Value} → {labelsAfter[b.Key]} (import)");
        await AuditAsync(connection, actor, now,
            // Organizations created or changed by the file are recorded as when they are changed on their page.
            changedOrganizations.Select(o => (AuditTargets.Organization, organizationIds[o.Record.Key], organizationIds[o.Record.Key], (string?)null, o.Existing is null))
                .Concat(writtenPractices.Select(p => (AuditTargets.Practice, p.Id, organizationIds[p.Record.Organization], p.Record.Tlp, p.IsNew)))
                .Concat(writtenMeetings.Select(m => (AuditTargets.Meeting, m.Id, organizationIds[m.Record.Organization], m.Record.Tlp, m.IsNew)))
                .ToList(),
            relabelled,
            cancellationToken);
        return new ImportReport([], created, updated, unchanged, Written: true);
    }

    private sealed record Existing(Guid Id, string? Hash);

    /// <summary>Of the records already on the platform that the file names, those the importing member may see, and may edit.</summary>
    private sealed record Access(HashSet<Guid> Visible, HashSet<Guid> Editable);

    /// <summary>What <paramref name="actor"/> may do with the existing records the file names: the sharing rules, in SQL.</summary>
    private static async Task<Access> AccessAsync(
        ExchangeDbContext db, Viewer actor, Dictionary<string, Existing> practices, Dictionary<string, Existing> meetings, CancellationToken cancellationToken)
    {
        var practiceIds = practices.Values.Select(e => e.Id).ToList();
        var meetingIds = meetings.Values.Select(e => e.Id).ToList();
        var visiblePractices = db.Practices.VisibleTo(actor).Where(p => practiceIds.Contains(p.Id));
        var visibleMeetings = db.Meetings.VisibleTo(actor).Where(m => meetingIds.Contains(m.Id));
        var visible = (await visiblePractices.Select(p => p.Id).ToListAsync(cancellationToken))
            .Concat(await visibleMeetings.Select(m => m.Id).ToListAsync(cancellationToken));
        var editable = (await visiblePractices.Where(SharingPolicy.PracticesEditableBy(actor)).Select(p => p.Id).ToListAsync(cancellationToken))
            .Concat(await visibleMeetings.Where(SharingPolicy.MeetingsEditableBy(actor)).Select(m => m.Id).ToListAsync(cancellationToken));
        return new Access([.. visible], [.. editable]);
    }

    /// <summary>
    /// The records of the file an import through the platform may not write: one of another organization (new or not:
    /// the same answer), or an existing one the importer may not edit, unless it is unchanged and they may see it.
    /// A record they may not see answers as one they may see but not edit, whatever the file says of it.
    /// </summary>
    private static IEnumerable<ExchangeProblem> NotTheirs(
        string collection, List<(string ExternalId, string Organization)> records, string[] hashes, Dictionary<string, Existing> existing, string own, Access access)
    {
        for (var index = 0; index < records.Count; index++)
        {
            var (externalId, organization) = records[index];
            if (!string.Equals(organization, own, StringComparison.Ordinal))
            {
                yield return new ExchangeProblem($"$.{collection}[{index}].organization", ExchangeProblemCodes.NotYourOrganization, [organization, own]);
            }
            else if (existing.TryGetValue(externalId, out var found)
                && !access.Editable.Contains(found.Id)
                && (!access.Visible.Contains(found.Id) || found.Hash != hashes[index]))
            {
                yield return new ExchangeProblem($"$.{collection}[{index}].externalId", ExchangeProblemCodes.NotEditable, [externalId]);
            }
        }
    }

    private sealed record Planned<T>(T Record, Guid Id, string Hash, bool IsNew, bool IsChanged);

    private static List<Planned<T>> Plan<T>(List<T> records, string[] hashes, Func<T, string> externalId, Dictionary<string, Existing> existing) =>
        records.Select((record, index) =>
        {
            var hash = hashes[index];
            return existing.TryGetValue(externalId(record), out var found)
                ? new Planned<T>(record, found.Id, hash, IsNew: false, IsChanged: found.Hash != hash)
                : new Planned<T>(record, Guid.CreateVersion7(), hash, IsNew: true, IsChanged: false);
        }).ToList();

    private static string Hash<T>(T record) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, HashJson)));

    private sealed record OrganizationRow(Guid Id, string Name, string City, string Country, string[] Languages)
    {
        public bool Matches(ExchangeOrganization o) =>
            Name == o.Name && City == (o.City ?? "") && Country.Trim() == (o.Country ?? "")
            && Languages.SequenceEqual(o.Languages ?? []);
    }

    private static async Task<Dictionary<string, OrganizationRow>> ReadOrganizationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT key, id, name, city, country, working_languages FROM organizations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, OrganizationRow>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new OrganizationRow(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<string[]>(5));
        }

        return result;
    }

    private static async Task<OrganizationRow> UpsertOrganizationAsync(NpgsqlConnection connection, ExchangeOrganization o, OrganizationRow? existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new OrganizationRow(existing?.Id ?? Guid.CreateVersion7(), o.Name, o.City ?? "", o.Country ?? "", [.. o.Languages ?? []]);
        await using var command = new NpgsqlCommand(
            OrganizationsWrite,
            connection);
        command.Parameters.AddWithValue("id", row.Id);
        command.Parameters.AddWithValue("key", o.Key);
        command.Parameters.AddWithValue("name", row.Name);
        command.Parameters.AddWithValue("city", row.City);
        command.Parameters.AddWithValue("country", row.Country);
        command.Parameters.AddWithValue("languages", row.Languages);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return row;
    }

    private static async Task<Dictionary<string, Guid>> ReadThemesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT key, id FROM themes", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetGuid(1);
        }

        return result;
    }

    private static async Task<Dictionary<string, Existing>> ReadExistingAsync(NpgsqlConnection connection, string table, string[] externalIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT external_id, id, import_hash FROM {table} WHERE external_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", externalIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, Existing>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new Existing(reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return result;
    }

    private static async Task WritePracticesAsync(
        NpgsqlConnection connection,
        List<Planned<ExchangePractice>> plan,
        Dictionary<string, Guid> organizations,
        Dictionary<string, Guid> themes,
        Dictionary<string, Guid> practiceIds,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (plan.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE exchange_staging.practices (
                id uuid, external_id text, organization_id uuid, language text, title text, summary text,
                problem text, approach text, results text, target_groups text[], tlp text, status text, evidence text,
                started_on date, contact_name text, contact_email text, adapted_from_id uuid,
                adaptation_context text, adaptation_changes text, translations jsonb, import_hash text)
            """, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY exchange_staging.practices FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (p, id, hash, _, _) in plan)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.ExternalId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(organizations[p.Organization], NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.Language, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Title, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Summary, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Problem ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Approach ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Results ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync((p.TargetGroups ?? []).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Tlp ?? Tlp.Green.ToLabel(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Status ?? PracticeStatus.Running.ToCode(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Evidence ?? EvidenceLevel.Untested.ToCode(), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, p.StartedOn is { } started ? DateOnly.ParseExact(started, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(p.Contact?.Name ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Contact?.Email ?? "", NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, p.AdaptedFrom is { } original ? practiceIds[original] : (Guid?)null, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.Adaptation?.LocalContext ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(p.Adaptation?.Changes ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Translations(p), NpgsqlDbType.Jsonb, cancellationToken);
                await copy.WriteAsync(hash, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "CREATE UNLOGGED TABLE exchange_staging.practice_themes (practice_id uuid, theme_id uuid)", cancellationToken);
        await CopyAsync(connection, "COPY exchange_staging.practice_themes (practice_id, theme_id) FROM STDIN (FORMAT BINARY)",
            plan.SelectMany(p => p.Record.Themes.Select(t => new object?[] { p.Id, themes[t] })),
            [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid], cancellationToken);

        // The search documents first, from the staged rows and children: the costly part of an import, computed by
        // PostgreSQL's parallel workers for a large file (a statement creating a table may run in parallel, an INSERT
        // may not). Then the rows are written with their documents.
        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE exchange_staging.practice_documents AS
            SELECT i.id, public.exchange_practice_document(i.language, i.title, i.summary, i.problem, i.approach, i.results,
                i.adaptation_context, i.adaptation_changes, i.target_groups, i.translations, t.ids) AS document
            FROM exchange_staging.practices i
            LEFT JOIN (SELECT practice_id, array_agg(theme_id) AS ids FROM exchange_staging.practice_themes GROUP BY practice_id) t ON t.practice_id = i.id
            """, cancellationToken);
        await ExecuteAsync(connection, PracticesWrite, cancellationToken, now);
    }

    private static string Translations(ExchangePractice practice) =>
        JsonSerializer.Serialize(
            (practice.Translations ?? [])
                .Where(t => !string.IsNullOrWhiteSpace(t.Value.Title))
                .Select(t => new PracticeTranslation(t.Key, t.Value.Title!, t.Value.Summary ?? ""))
                .ToList(),
            PracticeTranslationJson);

    private static readonly JsonSerializerOptions PracticeTranslationJson = new(JsonSerializerDefaults.Web);

    private static async Task WriteMeetingsAsync(
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

        // The searchable texts and documents first, in parallel for a large file (as for practices), then the rows.
        var previousRevisions = await ReadLatestRevisionsAsync(connection, plan.Where(m => m.IsChanged).Select(m => m.Id).ToArray(), cancellationToken);
        await ExecuteAsync(connection, """
            CREATE UNLOGGED TABLE exchange_staging.meeting_documents AS
            WITH agenda AS (
                SELECT meeting_id, string_agg(concat_ws(' ', title, notes), E'\n' ORDER BY position) AS lines, string_agg(title, ' ' ORDER BY position) AS titles
                FROM exchange_staging.agenda GROUP BY meeting_id),
            decisions AS (SELECT meeting_id, string_agg(text, E'\n' ORDER BY position) AS lines FROM exchange_staging.decisions GROUP BY meeting_id),
            themes AS (SELECT meeting_id, array_agg(theme_id) AS ids FROM exchange_staging.meeting_themes GROUP BY meeting_id),
            staged AS (
                SELECT i.id, i.language, i.title, i.location, public.exchange_meeting_text_of(a.lines, d.lines, i.minutes) AS search_text,
                    a.titles, d.lines AS decision_lines, t.ids
                FROM exchange_staging.meetings i
                LEFT JOIN agenda a ON a.meeting_id = i.id
                LEFT JOIN decisions d ON d.meeting_id = i.id
                LEFT JOIN themes t ON t.meeting_id = i.id)
            SELECT id, search_text, public.exchange_meeting_document(language, title, titles, decision_lines, search_text, location, ids) AS document
            FROM staged
            """, cancellationToken);
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

    private static async Task CopyAsync(NpgsqlConnection connection, string copyCommand, IEnumerable<object?[]> rows, NpgsqlDbType[] types, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                await WriteNullableAsync(copy, row[i], types[i], cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    /// <summary>One audit entry per record the import created or changed, in the import's transaction.</summary>
    /// <summary>The stored TLP label of each practice or meeting among <paramref name="ids"/>.</summary>
    private static async Task<Dictionary<Guid, string>> LabelsAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<Guid, string>();
        if (ids.Length == 0)
        {
            return labels;
        }

        await using var command = new NpgsqlCommand(
            "SELECT id, tlp FROM practices WHERE id = ANY(@ids) UNION ALL SELECT id, tlp FROM meetings WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            labels[reader.GetGuid(0)] = reader.GetString(1);
        }

        return labels;
    }

    private static async Task AuditAsync(
        NpgsqlConnection connection, Viewer? actor, DateTimeOffset now,
        List<(string Type, Guid Id, Guid Organization, string? Tlp, bool IsNew)> written, Dictionary<Guid, string> relabelled,
        CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        // A label that moved is recorded as such too, as when it is changed on a page.
        var rows = written
            .Select(w => (
                Action: w.Type == AuditTargets.Organization
                    ? (w.IsNew ? AuditActions.OrganizationCreated : AuditActions.OrganizationUpdated)
                    : (w.IsNew ? AuditActions.ContentCreated : AuditActions.ContentUpdated),
                w.Type, w.Id, w.Organization, w.Tlp, Detail: "import"))
            .Concat(written.Where(w => relabelled.ContainsKey(w.Id))
                .Select(w => (Action: AuditActions.ContentTlpChanged, w.Type, w.Id, w.Organization, w.Tlp, Detail: relabelled[w.Id])))
            .ToList();
        await using var command = new NpgsqlCommand(
            AuditWrite, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("actor", NpgsqlDbType.Uuid, (object?)actor?.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("actorOrganization", NpgsqlDbType.Uuid, (object?)actor?.OrganizationId ?? DBNull.Value);
        command.Parameters.AddWithValue("actions", rows.Select(r => r.Action).ToArray());
        command.Parameters.AddWithValue("details", rows.Select(r => r.Detail).ToArray());
        command.Parameters.AddWithValue("types", rows.Select(r => r.Type).ToArray());
        command.Parameters.AddWithValue("ids", rows.Select(r => r.Id.ToString()).ToArray());
        command.Parameters.AddWithValue("organizations", rows.Select(r => r.Organization).ToArray());
        command.Parameters.Add(new NpgsqlParameter("tlps", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rows.Select(r => r.Tlp?.ToUpperInvariant()).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        // Part of one all-or-nothing import: a large file may take minutes, which the caller can still cancel.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (now is { } at)
        {
            command.Parameters.AddWithValue("now", at);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // What the import writes into the platform's own tables, column by column: ImporterColumnsTests holds these
    // column lists to the EF model, so that a column added to an entity is either written here or named there.
    /// <summary>An organization of the file, created or updated by its key.</summary>
    private const string OrganizationsWrite = """
        INSERT INTO organizations (id, key, name, city, country, working_languages, created_at)
        VALUES (@id, @key, @name, @city, @country, @languages, @now)
        ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city, country = EXCLUDED.country,
            working_languages = EXCLUDED.working_languages
        """;

    /// <summary>The staged practices written (created or updated), with their documents and themes.</summary>
    private const string PracticesWrite = """
        INSERT INTO practices (id, external_id, organization_id, author_id, language, title, summary, problem, approach, results,
            target_groups, tlp, status, evidence, started_on, contact_name, contact_email, adapted_from_id,
            adaptation_context, adaptation_changes, translations, import_hash, created_at, updated_at, version, search_vector)
        SELECT i.id, i.external_id, i.organization_id, NULL, i.language, i.title, i.summary, i.problem, i.approach, i.results,
            i.target_groups, i.tlp, i.status, i.evidence, i.started_on, i.contact_name, i.contact_email, i.adapted_from_id,
            i.adaptation_context, i.adaptation_changes, i.translations, i.import_hash, @now, @now, 1, d.document
        FROM exchange_staging.practices i
        JOIN exchange_staging.practice_documents d ON d.id = i.id
        ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, organization_id = EXCLUDED.organization_id,
            language = EXCLUDED.language, title = EXCLUDED.title, summary = EXCLUDED.summary, problem = EXCLUDED.problem,
            approach = EXCLUDED.approach, results = EXCLUDED.results, target_groups = EXCLUDED.target_groups,
            tlp = EXCLUDED.tlp, status = EXCLUDED.status, evidence = EXCLUDED.evidence, started_on = EXCLUDED.started_on,
            contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
            adapted_from_id = EXCLUDED.adapted_from_id, adaptation_context = EXCLUDED.adaptation_context,
            adaptation_changes = EXCLUDED.adaptation_changes, translations = EXCLUDED.translations,
            import_hash = EXCLUDED.import_hash, updated_at = EXCLUDED.updated_at, version = practices.version + 1,
            search_vector = EXCLUDED.search_vector;
        DELETE FROM practice_themes WHERE practice_id IN (SELECT id FROM exchange_staging.practices);
        INSERT INTO practice_themes (practice_id, theme_id) SELECT practice_id, theme_id FROM exchange_staging.practice_themes;
        DROP TABLE exchange_staging.practices, exchange_staging.practice_themes, exchange_staging.practice_documents;
        """;

    /// <summary>The staged meetings written (created or updated), with their documents, themes, agenda and decisions.</summary>
    private const string MeetingsWrite = """
        INSERT INTO meetings (id, external_id, host_organization_id, author_id, title, starts_at, starts_offset_minutes,
            ends_at, ends_offset_minutes, mode, location, language, tlp, minutes, import_hash, created_at, updated_at, version,
            search_text, search_vector)
        SELECT i.id, i.external_id, i.host_organization_id, NULL, i.title, i.starts_at, i.starts_offset_minutes,
            i.ends_at, i.ends_offset_minutes, i.mode, i.location, i.language, i.tlp, i.minutes, i.import_hash, @now, @now, 1,
            d.search_text, d.document
        FROM exchange_staging.meetings i
        JOIN exchange_staging.meeting_documents d ON d.id = i.id
        ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, host_organization_id = EXCLUDED.host_organization_id,
            title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, starts_offset_minutes = EXCLUDED.starts_offset_minutes,
            ends_at = EXCLUDED.ends_at, ends_offset_minutes = EXCLUDED.ends_offset_minutes, mode = EXCLUDED.mode,
            location = EXCLUDED.location, language = EXCLUDED.language, tlp = EXCLUDED.tlp, minutes = EXCLUDED.minutes,
            import_hash = EXCLUDED.import_hash, updated_at = EXCLUDED.updated_at, version = meetings.version + 1,
            search_text = EXCLUDED.search_text, search_vector = EXCLUDED.search_vector;
        DELETE FROM meeting_participants WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_themes WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_agenda_items WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_decisions WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        DELETE FROM meeting_action_items WHERE meeting_id IN (SELECT id FROM exchange_staging.meetings);
        INSERT INTO meeting_themes (meeting_id, theme_id) SELECT meeting_id, theme_id FROM exchange_staging.meeting_themes;
        INSERT INTO meeting_agenda_items (id, meeting_id, position, title, notes) SELECT id, meeting_id, position, title, notes FROM exchange_staging.agenda;
        INSERT INTO meeting_decisions (id, meeting_id, position, text) SELECT id, meeting_id, position, text FROM exchange_staging.decisions;
        DROP TABLE exchange_staging.meetings, exchange_staging.meeting_themes, exchange_staging.agenda, exchange_staging.decisions, exchange_staging.meeting_documents;
        """;

    /// <summary>The meetings' participant organizations.</summary>
    private const string ParticipantsCopy = "COPY meeting_participants (meeting_id, organization_id) FROM STDIN (FORMAT BINARY)";

    /// <summary>The meetings' action items.</summary>
    private const string ActionItemsCopy = "COPY meeting_action_items (id, meeting_id, position, title, owner_organization_id, owner_user_id, due, is_done) FROM STDIN (FORMAT BINARY)";

    /// <summary>A revision of each imported meeting, as a save in the editor makes one.</summary>
    private const string RevisionsCopy = "COPY meeting_revisions (id, meeting_id, number, author_id, author_name, saved_at, changed_fields, snapshot) FROM STDIN (FORMAT BINARY)";

    /// <summary>One audit entry for each record written.</summary>
    private const string AuditWrite = """
        INSERT INTO audit_entries (occurred_at, actor_id, actor_organization_id, action, target_type, target_id, target_organization_id, tlp, detail)
        SELECT @now, @actor, @actorOrganization, w.action, w.type, w.id, w.organization, w.tlp, w.detail
        FROM unnest(@actions, @types, @ids, @organizations, @tlps, @details) AS w(action, type, id, organization, tlp, detail)
        """;
}
