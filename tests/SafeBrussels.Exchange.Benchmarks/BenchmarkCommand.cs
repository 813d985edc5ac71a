using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Search.Engine;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Search speed and bulk load: a generated corpus loaded through the import path (COPY) until all of it is searchable,
/// then a fixed mix of queries against the running app's search API with 1 and 8 clients, and the same queries on the
/// search engine alone, in process (no HTTP, authentication, EF Core or hydration). The figures are also written as
/// JSON to artifacts/benchmarks/search.json.
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

        double? loadSeconds = null;
        if (reuse is null)
        {
            loadSeconds = await LoadAsync(app, database, practices, meetings);
            if (loadSeconds is null)
            {
                return 1;
            }
        }

        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        await indexer.CurrentAsync(CancellationToken.None);

        if (database.Keep)
        {
            Console.WriteLine($"The database {database.Name} is kept (--reuse {database.Name} measures it again).");
        }

        using var client = await MemberClientAsync(app, database, port);
        foreach (var query in Queries)
        {
            (await client.GetAsync(SearchUrl(query))).EnsureSuccessStatusCode();
        }

        var sqlSearch = EngineSearch(indexer);
        Console.WriteLine("Each query once (1 client): visible matches, app ms, engine ms");
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
        var figures = new Dictionary<string, object?> { ["records"] = practices + meetings, ["load_s"] = loadSeconds };
        foreach (var clients in new[] { 1, 8 })
        {
            var appRun = await MeasureAsync(clients, seconds, async (worker, query) =>
            {
                using var response = await client.GetAsync(SearchUrl(query));
                response.EnsureSuccessStatusCode();
            });
            var sqlRun = await MeasureAsync(clients, seconds, sqlSearch);
            results.Add(Line("app", clients, appRun));
            results.Add(Line("engine", clients, sqlRun));
            results.Add($"  ratio app/engine p95 with {clients} client(s): {appRun.P95 / sqlRun.P95:0.00}");
            figures[$"p50_ms_{clients}"] = Math.Round(appRun.P50, 1);
            figures[$"p95_ms_{clients}"] = Math.Round(appRun.P95, 1);
            figures[$"engine_p95_ms_{clients}"] = Math.Round(sqlRun.P95, 1);
            figures[$"ratio_p95_{clients}"] = Math.Round(appRun.P95 / sqlRun.P95, 2);
        }

        Console.WriteLine($"Search, {Queries.Length} queries in a loop, {seconds} s a run, pageSize 20:");
        results.ForEach(Console.WriteLine);

        // The index's size on disk and the process' memory with it open (the facets are counted from its doc values).
        GC.Collect();
        var folder = new DirectoryInfo(app.SearchIndexPath);
        var indexBytes = folder.Exists ? folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        figures["index_mb"] = Math.Round(indexBytes / 1024.0 / 1024.0, 1);
        figures["managed_heap_mb"] = Math.Round(GC.GetTotalMemory(false) / 1024.0 / 1024.0, 1);
        figures["working_set_mb"] = Math.Round(Environment.WorkingSet / 1024.0 / 1024.0, 1);
        Console.WriteLine($"Index on disk {figures["index_mb"]} MB; managed heap {figures["managed_heap_mb"]} MB; working set {figures["working_set_mb"]} MB");
        Directory.CreateDirectory(Path.Combine("artifacts", "benchmarks"));
        await File.WriteAllTextAsync(Path.Combine("artifacts", "benchmarks", "search.json"),
            System.Text.Json.JsonSerializer.Serialize(figures, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>Loads the corpus through the import path; answers the seconds until all of it is searchable (null when refused).</summary>
    internal static async Task<double?> LoadAsync(ExchangeAppFactory app, TestDatabase database, int practices, int meetings)
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
                return null;
            }
        }

        var imported = load.Elapsed;
        await app.Services.GetRequiredService<SearchIndexer>().CurrentAsync(CancellationToken.None);
        load.Stop();
        Console.WriteLine($"Load through the import path: {practices + meetings:N0} records in {imported.TotalSeconds:0.0} s, all searchable after {load.Elapsed.TotalSeconds:0.0} s");
        await VacuumAsync(database);
        return Math.Round(load.Elapsed.TotalSeconds, 1);
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
    /// The same queries on the search engine alone, in process, for a reader of the member's organization: the index's
    /// answer (page, exact total and facets) without HTTP, authentication, EF Core or the page's records.
    /// </summary>
    private static Func<int, string, Task> EngineSearch(SearchIndexer indexer) => async (_, query) =>
    {
        var engine = await indexer.CurrentAsync(CancellationToken.None);
        engine.Search(new EngineQuery(query, [SharingAudience.Everyone, SharingAudience.Organization(MemberOrganization), SharingAudience.Person(Guid.Empty)], Count: 20));
    };

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
