using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Meetings;
using Xunit.Abstractions;

namespace SafeBrussels.Exchange.IntegrationTests.FaultTolerance;

/// <summary>
/// PostgreSQL restarts while members save: the running application rides it out (retrying execution strategy),
/// /health/ready says so while it lasts, and every save it acknowledged is in the database afterwards.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_save_survives_a_database_restart_in_the_middle_of_a_write_loop()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var database = await TestDatabase.CreateAsync("restart", server: cluster.ServerConnectionString);
        await using var smtp = new TestSmtpServer();
        await using var factory = new ExchangeAppFactory(database, smtp);
        using var client = factory.CreateClient();
        var author = await AuthorAsync(factory, database);
        // Ready once its search index is made from the database (a second or two after start).
        await WaitUntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        var acknowledged = new ConcurrentBag<(Guid Id, string Title)>();
        var saves = new ConcurrentQueue<(DateTime Started, DateTime Ended, bool Ok, string? Error)>();
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"Save {i}";
                var started = DateTime.UtcNow;
                try
                {
                    await using var scope = factory.Services.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid(title, Tlp.Green));
                    if (outcome.Result.Succeeded)
                    {
                        acknowledged.Add((outcome.Id!.Value, title));
                    }

                    saves.Enqueue((started, DateTime.UtcNow, outcome.Result.Succeeded, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    saves.Enqueue((started, DateTime.UtcNow, false, ex.GetType().Name + ": " + ex.Message));
                }
            }
        });

        await WaitUntilAsync(() => acknowledged.Count >= 20, TimeSpan.FromSeconds(60));
        var down = DateTime.UtcNow;
        await cluster.StopAsync();
        try
        {
            await DuringOutageAsync(client);
        }
        finally
        {
            // Whatever the checks above found, the database comes back (and the test's database can be dropped).
            await cluster.StartAgainAsync();
        }

        var up = DateTime.UtcNow;


        // The same application, not restarted, is ready again and goes on saving.
        await WaitUntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var afterRestart = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= afterRestart + 20, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await loop;

        var all = saves.ToList();
        foreach (var failed in all.Where(s => !s.Ok))
        {
            output.WriteLine($"not acknowledged: {failed.Started:HH:mm:ss.fff} → {failed.Ended:HH:mm:ss.fff} {failed.Error}");
        }

        output.WriteLine($"{all.Count} saves, {acknowledged.Count} acknowledged; database down {down:HH:mm:ss.fff}, up {up:HH:mm:ss.fff}");
        Assert.Contains(all, s => s.Ok && s.Started < up && s.Ended > up);

        await using var db = database.CreateContext();
        var stored = await db.Meetings.Where(m => m.HostOrganizationId == author.OrganizationId).Select(m => new { m.Id, m.Title }).ToListAsync();
        var missing = acknowledged.Where(a => !stored.Any(s => s.Id == a.Id && s.Title == a.Title)).ToList();
        Assert.True(missing.Count == 0, "acknowledged but missing: " + string.Join(", ", missing.Select(m => m.Title)));
        Assert.True(all.Count(s => !s.Ok) <= 1, $"{all.Count(s => !s.Ok)} saves were refused across a {up - down} outage");
    }

    /// <summary>While the database is away, readiness reports it (quickly enough for a load balancer's probe); liveness does not.</summary>
    private static async Task DuringOutageAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        using (var during = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Contains("Unhealthy", await during.Content.ReadAsStringAsync());
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"/health/ready took {clock.Elapsed} during the outage");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    private static async Task<Viewer> AuthorAsync(ExchangeAppFactory factory, TestDatabase database)
    {
        var organization = await TestMembers.CreateOrganizationAsync(database);
        return (await TestMembers.CreateAsync(factory.Services, organization.Id, ExchangeRole.Contributor, "correct horse battery staple")).Viewer;
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            bool met;
            try
            {
                met = await condition();
            }
            catch (HttpRequestException)
            {
                met = false;
            }

            if (met)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not met within {timeout}");
            await Task.Delay(200);
        }
    }
}
