using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Features.Exchange;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>A migrated database of its own for import tests, with the importer and exporter working on it.</summary>
public sealed class ExchangeDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync("ix");

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public static ExchangeImporter Importer(TestDatabase database) =>
        new(database.ContextFactory, TimeProvider.System, NullLogger<ExchangeImporter>.Instance);

    public static ExchangeExporter Exporter(TestDatabase database) =>
        new(database.ContextFactory, new Web.Features.Audit.AuditTrail(database.ContextFactory, new Microsoft.AspNetCore.Http.HttpContextAccessor(), TimeProvider.System));

    public static async Task<ImportReport> ImportAsync(TestDatabase database, string json) =>
        await Importer(database).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), dryRun: false);

    public static async Task<string> ExportAsync(TestDatabase database, string? organization = null)
    {
        var document = await Exporter(database).ExportAsync(viewer: null, organization);
        using var buffer = new MemoryStream();
        await ExchangeExporter.WriteAsync(buffer, document);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every row of the imported tables with its xmin: any insert, update or delete changes it.</summary>
    public static async Task<string> FingerprintAsync(TestDatabase database)
    {
        string[] tables =
        [
            "organizations", "practices", "practice_themes", "meetings", "meeting_participants", "meeting_themes",
            "meeting_agenda_items", "meeting_decisions", "meeting_action_items", "meeting_revisions",
        ];
        var parts = new List<string>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(ctid::text || xmin::text, ',' ORDER BY ctid)), '') FROM {table}", connection);
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(" ", parts);
    }
}
