using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Search;
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

        var reuse = Text(args, "--reuse");
        await using var database = reuse is null ? await TestDatabase.CreateAsync("bench") : TestDatabase.Attach(reuse);
        database.Keep = reuse is not null || args.Contains("--keep");
        await using var smtp = new TestSmtpServer();
        var port = TestSmtpServer.FreePort();
        await using var app = new ExchangeAppFactory(database, smtp, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Logging:Console"] = "false",
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();

        if (reuse is null && !await LoadAsync(app, database, practices, meetings))
        {
            return 1;
        }

        if (database.Keep)
        {
            Console.WriteLine($"The database {database.Name} is kept (--reuse {database.Name} measures it again).");
        }

        using var client = await MemberClientAsync(app, database, port);
        foreach (var query in Queries)
        {
            (await client.GetAsync(SearchUrl(query))).EnsureSuccessStatusCode();
        }

        var sqlSearch = await SqlSearchAsync(app, database);
        Console.WriteLine("Each query once (1 client): visible matches, app ms, SQL ms");
        foreach (var query in Queries)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(SearchUrl(query));
            var appMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var total = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
            started = Stopwatch.GetTimestamp();
            await sqlSearch(0, query);
            Console.WriteLine($"  {query,-36} {total,7:N0} {appMs,8:0} {Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:0}");
        }

        var results = new List<string>();
        foreach (var clients in new[] { 1, 8 })
        {
            var appRun = await MeasureAsync(clients, seconds, async (worker, query) =>
            {
                using var response = await client.GetAsync(SearchUrl(query));
                response.EnsureSuccessStatusCode();
            });
            var sqlRun = await MeasureAsync(clients, seconds, sqlSearch);
            results.Add(Line("app", clients, appRun));
            results.Add(Line("sql", clients, sqlRun));
            results.Add($"  ratio app/sql p95 with {clients} client(s): {appRun.P95 / sqlRun.P95:0.00}");
        }

        Console.WriteLine($"Search, {Queries.Length} queries in a loop, {seconds} s a run, pageSize 20:");
        results.ForEach(Console.WriteLine);
        return 0;
    }

    internal static async Task<bool> LoadAsync(ExchangeAppFactory app, TestDatabase database, int practices, int meetings)
    {
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
                return false;
            }
        }

        load.Stop();
        Console.WriteLine($"Load through the import path: {practices + meetings:N0} records in {load.Elapsed.TotalSeconds:0.0} s");
        await VacuumAsync(database);
        return true;
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
    /// The search in SQL alone: the statements the app runs for a page of results (page ranked in the same two
    /// passes, total and facets grouped, theme facet) with the same expanded query the app compiles, and the
    /// sharing rules of a reader of one city written out, without HTTP, authentication, EF Core or hydration.
    /// </summary>
    private static async Task<Func<int, string, Task>> SqlSearchAsync(ExchangeAppFactory app, TestDatabase database)
    {
        // With the application's connection settings (JIT off), so that only the application's own work differs.
        var sources = new NpgsqlDataSourceBuilder(SafeBrussels.Exchange.Web.Data.ExchangeDatabase.WithoutJit(database.ConnectionString)).Build();
        var compiled = new Dictionary<string, CompiledQuery>(StringComparer.Ordinal);
        await using (var connection = await sources.OpenConnectionAsync())
        {
            var compiler = app.Services.GetRequiredService<SearchCompiler>();
            foreach (var query in Queries)
            {
                compiled[query] = (await compiler.CompileAsync(connection, query))!;
            }
        }

        const string Visible =
            """
            WITH p AS (SELECT * FROM practices p WHERE p.search_vector @@ public.exchange_query(@filter)
                         AND (p.tlp IN ('CLEAR', 'GREEN') OR (p.tlp IN ('AMBER', 'AMBER+STRICT') AND p.organization_id = @org))),
                 m AS (SELECT * FROM meetings m WHERE m.search_vector @@ public.exchange_query(@filter)
                         AND (m.tlp IN ('CLEAR', 'GREEN') OR (m.tlp = 'AMBER' AND (m.host_organization_id = @org
                              OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = m.id AND mp.organization_id = @org)))
                              OR (m.tlp = 'AMBER+STRICT' AND m.host_organization_id = @org)))
            """;
        var sql = $"""
            {Visible}
            SELECT type, id, public.exchange_rank(document, @clauses, @weights, @filter) AS score, date FROM (
              SELECT 'practice' AS type, id, public.exchange_rank_fast(search_vector, @clauses, @weights, @filter) AS score, created_at AS date, search_vector AS document FROM p
              UNION ALL SELECT 'meeting', id, public.exchange_rank_fast(search_vector, @clauses, @weights, @filter), starts_at, search_vector FROM m
              ORDER BY 3 DESC, 4 DESC, 2 LIMIT 200) candidates
            ORDER BY 3 DESC, 4 DESC, 2 LIMIT 20;
            {Visible}
            SELECT type, language, organization_id, year, count(*) FROM (
              SELECT 'practice' AS type, language, organization_id, date_part('year', created_at) AS year FROM p
              UNION ALL SELECT 'meeting', language, host_organization_id, date_part('year', starts_at) FROM m) x
            GROUP BY 1, 2, 3, 4;
            {Visible}
            SELECT t.key, count(*) FROM (
              SELECT theme_id FROM practice_themes WHERE practice_id IN (SELECT id FROM p)
              UNION ALL SELECT theme_id FROM meeting_themes WHERE meeting_id IN (SELECT id FROM m)) x
            JOIN themes t ON t.id = x.theme_id GROUP BY 1;
            """;
        return async (_, query) =>
        {
            var (filter, clauses, weights) = compiled[query];
            await using var command = sources.CreateCommand(sql);
            command.Parameters.AddWithValue("filter", filter);
            command.Parameters.AddWithValue("clauses", clauses);
            command.Parameters.AddWithValue("weights", weights);
            command.Parameters.AddWithValue("org", MemberOrganization);
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                }
            }
            while (await reader.NextResultAsync());
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
            UserName = $"bench-{Guid.NewGuid():N}@example.org", Email = $"bench-{Guid.NewGuid():N}@example.org", EmailConfirmed = true,
            DisplayName = "Bench", OrganizationId = MemberOrganization, Role = ExchangeRole.Reader,
        };
        await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "benchmark member password");
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().IssueAsync(user.Id, "bench", 1);
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    internal static async Task VacuumAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string SearchUrl(string query) => $"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=20";

    internal static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
