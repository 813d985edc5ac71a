using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Page views as a member has them: the application on a Kestrel port with the demo data, Debian's Chromium driven by
/// Playwright, one signed-in member. For the practice catalogue and a meeting page it measures the application's CPU
/// per full page load (the document, the files it needs that are not cached, and the circuit of an interactive page),
/// the time from the request to the page being usable with its data (every readiness marker of the page says so), and
/// the memory an open page holds: 50 tabs are opened one after the other and the live heap after a full collection is
/// read after every 10; the slope is what each open page costs (a statically rendered page holds nothing).
/// The application runs in this process and the browser's client in a child process (<see cref="PageDriver"/>), so that
/// the CPU counted is the application's alone.
/// </summary>
internal static class PageBenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var loads = BenchmarkCommand.Option(args, "--loads", 40);
        var tabs = BenchmarkCommand.Option(args, "--tabs", 50);
        var member = BenchmarkCommand.Text(args, "--member") ?? "contributor@safe-brussels.example";
        await using var database = await TestDatabase.CreateAsync("pagebench");
        await using var smtp = new TestSmtpServer(keepMessages: false);
        var port = TestSmtpServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var factory = new ExchangeAppFactory(database, smtp, environment: "Development", settings: new Dictionary<string, string?>
        {
            ["Logging:Console"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Development (plain HTTP on a local port), but the application's fingerprinted files are cached as the
            // published build has them (a year, immutable), not revalidated on every load as Development does.
            ["EnableStaticAssetsDevelopmentCaching"] = "true",
        })
        { PublicBaseUrl = baseUrl };
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            if (await ExchangeCli.RunAsync(factory.Services, ["seed-demo"], output, error) != 0)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
        }

        Guid meetingId;
        await using (var db = database.CreateContext())
        {
            // The demo's richest meeting that the member's organization hosts.
            meetingId = await db.Meetings.Where(m => m.HostOrganization!.Key == "safe-brussels")
                .OrderByDescending(m => m.Minutes.Length).Select(m => m.Id).FirstAsync();
        }

        Console.WriteLine($"Pages, {loads} full loads each, one member ({member}), {Environment.ProcessorCount} cores");
        Console.WriteLine("page | app CPU per full load (ms) | time to interactive p50 / p95 (ms) | live heap per open page (KB)");
        var self = Process.GetCurrentProcess();
        foreach (var (name, path) in new[] { ("catalogue", "/practices"), ("meeting", $"/meetings/{meetingId}") })
        {
            await using var driver = PageDriver.Start(baseUrl, member, path, loads, tabs);
            await driver.ExpectAsync("ready");
            await QuietAsync(self);

            // Rounds of loads, one after the other in one tab, until the CPU per load of a round is within 10% of the
            // round before (the JIT compiles the hot paths again, optimized, during the first hundreds of requests).
            double cpu = double.MaxValue;
            List<double> times = [];
            for (var round = 1; round <= 8; round++)
            {
                await QuietAsync(self);
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                await driver.SendAsync("loads");
                times = (await driver.ExpectAsync("times")).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).Order().ToList();
                // The last circuit's render settles; then the CPU the loads cost.
                await Task.Delay(500);
                self.Refresh();
                var previous = cpu;
                cpu = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / loads;
                if (Math.Abs(cpu - previous) <= 0.1 * previous)
                {
                    break;
                }
            }

            // Open pages: the live heap at 0, 10, 20 … open tabs.
            var points = new List<(double Pages, double Heap)> { (0, LiveHeap()) };
            await driver.SendAsync("tabs");
            for (var open = 10; open <= tabs; open += 10)
            {
                await driver.ExpectAsync($"open {open}");
                points.Add((open, LiveHeap()));
                await driver.SendAsync("next");
            }

            await driver.ExpectAsync("done");
            Console.WriteLine($"{name} | {cpu:F1} | {times[times.Count / 2]:F0} / {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F0} | {Slope(points) / 1024:F0}");
        }

        return 0;
    }

    /// <summary>
    /// Waits until the application is idle (under 20 ms of CPU in a second, at most a minute): the JIT recompiles hot
    /// methods in the background for a while after the warm-up loads (50), which a running server has long done.
    /// </summary>
    private static async Task QuietAsync(Process self)
    {
        for (var second = 0; second < 60; second++)
        {
            self.Refresh();
            var before = self.TotalProcessorTime;
            await Task.Delay(1000);
            self.Refresh();
            if ((self.TotalProcessorTime - before).TotalMilliseconds < 20)
            {
                return;
            }
        }
    }

    // Least squares: bytes per open page.
    private static double Slope(List<(double Pages, double Heap)> points)
    {
        var meanX = points.Average(p => p.Pages);
        var meanY = points.Average(p => p.Heap);
        return points.Sum(p => (p.Pages - meanX) * (p.Heap - meanY)) / points.Sum(p => (p.Pages - meanX) * (p.Pages - meanX));
    }

    private static double LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
