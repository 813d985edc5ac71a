using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Operations;

/// <summary>deploy/backup: back up, wipe, restore, and every table is as it was.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_a_wiped_database_gives_back_every_row()
    {
        await using var database = await TestDatabase.CreateAsync("backup");
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 3; i++)
            {
                db.Organizations.Add(new Organization { Key = $"backup-{i}", Name = $"Ville {i} — Gemeente {i}", City = "Bruxelles", Country = "BE", WorkingLanguages = ["fr", "nl"] });
            }

            await db.SaveChangesAsync();
        }

        var before = await FingerprintAsync(database.ConnectionString);
        Assert.Contains(before, t => t.Key == "public.organizations" && t.Value.Rows == 3);
        Assert.Contains(before, t => t.Key == "public.themes" && t.Value.Rows > 0);

        var directory = Directory.CreateTempSubdirectory("exchange-backup-");
        try
        {
            var file = Path.Combine(directory.FullName, "exchange.dump");
            await RunAsync("backup.sh", file, database.ConnectionString);
            Assert.True(File.Exists(file + ".sha256"));

            // Wipe: the whole schema goes, extensions and text search configurations with it.
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var wipe = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
                await wipe.ExecuteNonQueryAsync();
            }

            Assert.Empty(await FingerprintAsync(database.ConnectionString));
            await RunAsync("restore.sh", file, database.ConnectionString);
            Assert.Equal(before, await FingerprintAsync(database.ConnectionString));

            // A damaged file is refused before anything is touched.
            await File.AppendAllTextAsync(file, "damage");
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("restore.sh", file, database.ConnectionString));
            Assert.Contains("checksum mismatch", refused.Message);
            Assert.Equal(before, await FingerprintAsync(database.ConnectionString));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        // The restored database still works for the application.
        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Organizations.CountAsync(o => o.Key.StartsWith("backup-")));
    }

    /// <summary>Each table's row count and a digest of all its rows, in a stable order.</summary>
    private static async Task<SortedDictionary<string, (long Rows, string Digest)>> FingerprintAsync(string connectionString)
    {
        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var quoted = string.Join('.', table.Split('.').Select(part => $"\"{part}\""));
            await using var digest = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {quoted} t", connection);
            await using var reader = await digest.ExecuteReaderAsync();
            await reader.ReadAsync();
            result[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return result;
    }

    private static async Task RunAsync(string script, string file, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "backup", script), file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGDATABASE"] = builder.Database;
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited {process.ExitCode}: {await error} {await output}");
        }
    }
}
