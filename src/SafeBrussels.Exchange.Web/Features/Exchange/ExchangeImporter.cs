using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SafeBrussels.Exchange.Web.Features.Exchange.Schema;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using static SafeBrussels.Exchange.Web.Features.Exchange.ImportPlan;
using static SafeBrussels.Exchange.Web.Features.Exchange.ImportSql;
using static SafeBrussels.Exchange.Web.Features.Exchange.MeetingImportWriter;
using static SafeBrussels.Exchange.Web.Features.Exchange.PracticeImportWriter;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// Imports an exchange-format file all or nothing: checks it whole (JSON, the schema, then references and rights
/// against the platform) and refuses it with every problem if anything is wrong; otherwise plans it (<see
/// cref="ImportPlan"/>) and, in one transaction, writes the organizations, the practices (<see
/// cref="PracticeImportWriter"/>) and the meetings (<see cref="MeetingImportWriter"/>) and audits what changed.
/// Importing the same file twice changes nothing.
/// </summary>
public sealed class ExchangeImporter(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time, ILogger<ExchangeImporter> logger)
{
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

        // Each statement below adds the rows it writes to the search index's change sequence (search_changes), in this
        // transaction: every instance's index reads them once the import commits.
        var writtenPractices = practicePlan.Where(p => p.IsNew || p.IsChanged).ToList();
        var writtenMeetings = meetingPlan.Where(m => m.IsNew || m.IsChanged).ToList();
        var updatedIds = writtenPractices.Where(p => !p.IsNew).Select(p => p.Id).Concat(writtenMeetings.Where(m => !m.IsNew).Select(m => m.Id)).ToArray();
        var labelsBefore = await LabelsAsync(connection, updatedIds, cancellationToken);
        await WritePracticesAsync(connection, writtenPractices, organizationIds, themes, practiceIds, now, cancellationToken);
        await WriteMeetingsAsync(connection, writtenMeetings, organizationIds, themes, now, cancellationToken);
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

    // What the import writes into the platform's own tables, column by column: ImporterColumnsTests holds these
    // column lists to the EF model, so that a column added to an entity is either written here or named there.
    /// <summary>An organization of the file, created or updated by its key.</summary>
    private const string OrganizationsWrite = """
        INSERT INTO organizations (id, key, name, city, country, working_languages, created_at)
        VALUES (@id, @key, @name, @city, @country, @languages, @now)
        ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city, country = EXCLUDED.country,
            working_languages = EXCLUDED.working_languages
        """;

    /// <summary>One audit entry for each record written.</summary>
    private const string AuditWrite = """
        INSERT INTO audit_entries (occurred_at, actor_id, actor_organization_id, action, target_type, target_id, target_organization_id, tlp, detail)
        SELECT @now, @actor, @actorOrganization, w.action, w.type, w.id, w.organization, w.tlp, w.detail
        FROM unnest(@actions, @types, @ids, @organizations, @tlps, @details) AS w(action, type, id, organization, tlp, detail)
        """;
}
