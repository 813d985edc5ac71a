using System.Diagnostics;
using System.Globalization;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own, started and stopped with the scripts' helpers (deploy/local/lib.sh), for
/// tests that take the database away from the application: the suite's shared cluster is never restarted.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _directory;

    private PostgresCluster(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public static async Task<PostgresCluster> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exchange-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = new PostgresCluster(directory, TestSmtpServer.FreePort());
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Starts the cluster (creating it the first time) and returns once it accepts connections.</summary>
    public Task StartAgainAsync() =>
        RunAsync($"ensure_postgres && EXCHANGE_PG_FSYNC=off start_cluster \"{_directory}/data\" {Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Stops it the way an operator's restart or a failover does: fast shutdown, open connections cut.</summary>
    public Task StopAsync() => RunAsync($"ensure_postgres && stop_cluster \"{_directory}/data\"");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source deploy/local/lib.sh && {script}"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL helper failed ({process.ExitCode}): {await error} {await output}");
        }
    }
}
