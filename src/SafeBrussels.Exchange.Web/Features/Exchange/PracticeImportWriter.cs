using System.Globalization;
using System.Text.Json;
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
/// Writes the planned practices: staged with COPY, then created or updated with their themes in one statement.
/// </summary>
internal static class PracticeImportWriter
{
    internal static async Task WritePracticesAsync(
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

    /// <summary>The staged practices written (created or updated), with their themes.</summary>
    internal const string PracticesWrite = """
        INSERT INTO practices (id, external_id, organization_id, author_id, language, title, summary, problem, approach, results,
            target_groups, tlp, status, evidence, started_on, contact_name, contact_email, adapted_from_id,
            adaptation_context, adaptation_changes, translations, import_hash, created_at, updated_at, version)
        SELECT i.id, i.external_id, i.organization_id, NULL, i.language, i.title, i.summary, i.problem, i.approach, i.results,
            i.target_groups, i.tlp, i.status, i.evidence, i.started_on, i.contact_name, i.contact_email, i.adapted_from_id,
            i.adaptation_context, i.adaptation_changes, i.translations, i.import_hash, @now, @now, 1
        FROM exchange_staging.practices i
        ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, organization_id = EXCLUDED.organization_id,
            language = EXCLUDED.language, title = EXCLUDED.title, summary = EXCLUDED.summary, problem = EXCLUDED.problem,
            approach = EXCLUDED.approach, results = EXCLUDED.results, target_groups = EXCLUDED.target_groups,
            tlp = EXCLUDED.tlp, status = EXCLUDED.status, evidence = EXCLUDED.evidence, started_on = EXCLUDED.started_on,
            contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
            adapted_from_id = EXCLUDED.adapted_from_id, adaptation_context = EXCLUDED.adaptation_context,
            adaptation_changes = EXCLUDED.adaptation_changes, translations = EXCLUDED.translations,
            import_hash = EXCLUDED.import_hash, updated_at = EXCLUDED.updated_at, version = practices.version + 1;
        DELETE FROM practice_themes WHERE practice_id IN (SELECT id FROM exchange_staging.practices);
        INSERT INTO practice_themes (practice_id, theme_id) SELECT practice_id, theme_id FROM exchange_staging.practice_themes;
        DROP TABLE exchange_staging.practices, exchange_staging.practice_themes;
        """;
}
