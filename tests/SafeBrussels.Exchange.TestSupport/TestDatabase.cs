using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>
/// A fresh PostgreSQL database on the throwaway cluster that deploy/local/test.sh starts
/// (EXCHANGE_TEST_POSTGRES), migrated, and dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("EXCHANGE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "EXCHANGE_TEST_POSTGRES is not set. Run the tests with deploy/local/test.sh, which starts a throwaway PostgreSQL, " +
                "or export EXCHANGE_TEST_POSTGRES=\"Host=127.0.0.1;Port=5433;Username=postgres\".");

    /// <param name="server">Another cluster than the suite's (a test that restarts its own PostgreSQL).</param>
    /// <remarks>
    /// A migrated database is a copy of a template migrated once per cluster and build (<c>CREATE DATABASE … TEMPLATE</c>,
    /// tens of milliseconds), not a migration of its own (seconds, for each of the suite's databases).
    /// </remarks>
    public static async Task<TestDatabase> CreateAsync(string purpose, bool migrate = true, string? server = null)
    {
        var name = $"exchange_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        var database = new TestDatabase(server ?? ServerConnectionString, name);
        var template = migrate ? await MigratedTemplateAsync(database._serverConnectionString) : null;
        await using (var connection = new NpgsqlConnection(database._serverConnectionString))
        {
            await connection.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        return database;
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);

    /// <summary>
    /// The name of a database holding every migration of this build, made on first use. Its name carries the
    /// build's identity, so a changed migration gets a new template; test processes running side by side take a
    /// PostgreSQL advisory lock to make it once.
    /// </summary>
    private static async Task<string> MigratedTemplateAsync(string serverConnectionString)
    {
        var build = typeof(ExchangeDbContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        var template = $"exchange_template_{build}";
        await TemplateGate.WaitAsync();
        try
        {
            await using var server = new NpgsqlConnection(serverConnectionString);
            await server.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('exchange test template'))", server))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name AND datistemplate", server))
            {
                exists.Parameters.AddWithValue("name", template);
                if ((long)(await exists.ExecuteScalarAsync())! == 1)
                {
                    return template;
                }
            }

            // Built under another name and renamed when complete: a template is never seen half migrated.
            var building = $"exchange_building_{build}";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE \"{building}\"");
            var buildingConnection = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = building, Pooling = false }.ConnectionString;
            await using (var db = ExchangeDatabase.CreateStandalone(buildingConnection))
            {
                await db.Database.MigrateAsync();
            }

            await ExecuteAsync(server, $"ALTER DATABASE \"{building}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            await ExecuteAsync(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
            return template;
        }
        finally
        {
            TemplateGate.Release();
        }

        static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>An existing database of the cluster (the benchmark's <c>--reuse</c>), kept at the end.</summary>
    public static TestDatabase Attach(string name) => new(ServerConnectionString, name) { Keep = true };

    /// <summary>Whether the database stays after the end (for measuring again without loading again).</summary>
    public bool Keep { get; set; }

    public ExchangeDbContext CreateContext() => ExchangeDatabase.CreateStandalone(ConnectionString);

    /// <summary>For services that take a context factory (importer, exporter, services) outside the application.</summary>
    public IDbContextFactory<ExchangeDbContext> ContextFactory => new StandaloneFactory(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Keep)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed class StandaloneFactory(string connectionString) : IDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext() => ExchangeDatabase.CreateStandalone(connectionString);
}
