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
    public static async Task<TestDatabase> CreateAsync(string purpose, bool migrate = true, string? server = null)
    {
        var name = $"exchange_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        var database = new TestDatabase(server ?? ServerConnectionString, name);
        await using (var connection = new NpgsqlConnection(database._serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
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
