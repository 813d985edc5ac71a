using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Search speed and bulk load: a generated corpus loaded through the import path (COPY), then a fixed mix of
/// queries against the running app's search API with 1 and 8 clients, and the same queries in SQL.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>The fixed mix: concepts and plain words in the three languages, a phrase, OR and an exclusion.</summary>
    private static readonly string[] Queries =
    [
        "straatintimidatie", "harcèlement de rue", "street harassment", "radicalisering jongeren", "réduction des risques",
        "harm reduction outreach", "violences intrafamiliales", "huiselijk geweld", "crisis communication", "plan d'urgence",
        "overlast", "nuisances nocturnes", "\"sentiment d'insécurité\"", "drugs OR alcohol", "médiation -police",
        "buurtbemiddeling", "early warning signs", "gestion de crise inondation", "schadebeperking gebruikersruimte", "youth work online",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var practices = Option(args, "--practices", 100_000);
        var meetings = Option(args, "--meetings", 100_000);
        var seconds = Option(args, "--seconds", 20);

        await using var database = await TestDatabase.CreateAsync("bench");
        await using var smtp = new TestSmtpServer();
        var port = FreePort();
        await using var app = new ExchangeAppFactory(database, smtp, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Logging:Console"] = "false",
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();

        Console.WriteLine($"Generating {practices:N0} practices and {meetings:N0} meetings…");
        var document = SyntheticCorpus.Generate(practices, meetings);
        using var json = new MemoryStream();
        await ExchangeExporter.WriteAsync(json, document);
        Console.WriteLine($"  {json.Length / 1024.0 / 1024.0:0} MB of exchange-format JSON");

        var load = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            json.Position = 0;
            var report = await scope.ServiceProvider.GetRequiredService<ExchangeImporter>().ImportAsync(json, dryRun: false);
            if (!report.Succeeded)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, report.Problems.Take(20)));
                return 1;
            }
        }

        load.Stop();
        Console.WriteLine($"Load through the import path: {practices + meetings:N0} records in {load.Elapsed.TotalSeconds:0.0} s");
        await VacuumAsync(database);

        using var client = await MemberClientAsync(app, database, port);
        foreach (var query in Queries)
        {
            (await client.GetAsync(SearchUrl(query))).EnsureSuccessStatusCode();
        }

        var results = new List<string>();
        foreach (var clients in new[] { 1, 8 })
        {
            var appRun = await MeasureAsync(clients, seconds, async (worker, query) =>
            {
                using var response = await client.GetAsync(SearchUrl(query));
                response.EnsureSuccessStatusCode();
            });
            var sqlRun = await MeasureAsync(clients, seconds, SqlSearch(database));
            results.Add(Line("app", clients, appRun));
            results.Add(Line("sql", clients, sqlRun));
            results.Add($"  ratio app/sql p95 with {clients} client(s): {appRun.P95 / sqlRun.P95:0.00}");
        }

        Console.WriteLine($"Search, {Queries.Length} queries in a loop, {seconds} s a run, pageSize 20:");
        results.ForEach(Console.WriteLine);
        return 0;
    }

    private sealed record Run(double P50, double P95, double Throughput, int Requests);

    private static string Line(string what, int clients, Run run) =>
        $"  {what,-3} {clients} client(s): p50 {run.P50:0.0} ms, p95 {run.P95:0.0} ms, {run.Throughput:0.0} searches/s ({run.Requests} searches)";

    private static async Task<Run> MeasureAsync(int clients, int seconds, Func<int, string, Task> search)
    {
        var latencies = new List<double>();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = new List<double>();
            for (var i = worker; DateTime.UtcNow < until; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await search(worker, Queries[i % Queries.Length]);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        watch.Stop();
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new Run(At(0.50), At(0.95), latencies.Count / watch.Elapsed.TotalSeconds, latencies.Count);
    }

    /// <summary>
    /// The search statement in SQL alone: the same filter, rank, sharing rules (a reader of one city), order and page,
    /// with the query read as the app reads it (exchange_tsquery per word), without glossary expansion.
    /// </summary>
    private static Func<int, string, Task> SqlSearch(TestDatabase database)
    {
        var sources = new NpgsqlDataSourceBuilder(database.ConnectionString).Build();
        return async (_, query) =>
        {
            var words = Web.Features.Search.TextFolding.Words(query);
            await using var command = sources.CreateCommand(
                """
                WITH q AS (SELECT public.exchange_tsquery(array_to_string(@words, ' | ')) AS query),
                hits AS (
                  SELECT p.id, ts_rank_cd(p.search_vector, q.query, 32) AS score FROM practices p, q
                  WHERE p.search_vector @@ q.query AND (p.tlp IN ('CLEAR', 'GREEN') OR (p.tlp IN ('AMBER', 'AMBER+STRICT') AND p.organization_id = @org))
                  UNION ALL
                  SELECT m.id, ts_rank_cd(m.search_vector, q.query, 32) FROM meetings m, q
                  WHERE m.search_vector @@ q.query AND (m.tlp IN ('CLEAR', 'GREEN') OR (m.tlp = 'AMBER' AND (m.host_organization_id = @org
                        OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = m.id AND mp.organization_id = @org))))
                )
                SELECT id, score, count(*) OVER () FROM hits ORDER BY score DESC LIMIT 20
                """);
            command.Parameters.AddWithValue("words", words.ToArray());
            command.Parameters.AddWithValue("org", MemberOrganization);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        };
    }

    private static Guid MemberOrganization { get; set; }

    private static async Task<HttpClient> MemberClientAsync(ExchangeAppFactory app, TestDatabase database, int port)
    {
        await using var db = database.CreateContext();
        MemberOrganization = db.Organizations.OrderBy(o => o.Key).Select(o => o.Id).First();
        await using var scope = app.Services.CreateAsyncScope();
        var user = new ApplicationUser
        {
            UserName = "bench@example.org", Email = "bench@example.org", EmailConfirmed = true,
            DisplayName = "Bench", OrganizationId = MemberOrganization, Role = ExchangeRole.Reader,
        };
        await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "benchmark member password");
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().IssueAsync(user.Id, "bench", 1);
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private static async Task VacuumAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string SearchUrl(string query) => $"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=20";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
