using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Page views as a member has them: the application on a Kestrel port with the demo data, Debian's Chromium driven by
/// Playwright, one signed-in member. For the practice catalogue and a meeting page it measures the application's CPU
/// per full page load (prerender, circuit, interactive render), the time from the request to the page being
/// interactive with its data (the layout's readiness marker), and the memory an open page holds: 50 tabs are opened
/// one after the other and the live heap after a full collection is read after every 10; the slope is what each
/// open circuit costs. The application runs in this process, so its CPU includes Playwright's client (small: it only
/// relays messages).
/// </summary>
internal static class PageBenchmarkCommand
{
    private const string DemoPassword = "Exchange-demo-2026";

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

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EXCHANGE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "fr" });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage%2FEmail");
        await signIn.Locator("input[name='Input.Email']").FillAsync(member);
        await signIn.Locator("input[name='Input.Password']").FillAsync(DemoPassword);
        await signIn.Locator("form button[type=submit]").First.ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await signIn.CloseAsync();

        Console.WriteLine($"Pages, {loads} full loads each, one member ({member}), {Environment.ProcessorCount} cores");
        Console.WriteLine("page | app CPU per full load (ms) | time to interactive p50 / p95 (ms) | live heap per open page (KB)");
        foreach (var (name, path) in new[] { ("catalogue", "/practices"), ("meeting", $"/meetings/{meetingId}") })
        {
            var (cpu, p50, p95) = await LoadsAsync(context, path, loads);
            var perPage = await OpenPagesAsync(browser, context, path, tabs);
            Console.WriteLine($"{name} | {cpu:F1} | {p50:F0} / {p95:F0} | {perPage:F0}");
        }

        return 0;
    }

    /// <summary>Full page loads, one after the other in one tab: the app's CPU per load and the time to interactive.</summary>
    private static async Task<(double CpuMs, double P50, double P95)> LoadsAsync(IBrowserContext context, string path, int loads)
    {
        var page = await context.NewPageAsync();
        for (var warm = 0; warm < 5; warm++)
        {
            await LoadAsync(page, path);
        }

        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < loads; i++)
        {
            times.Add(await LoadAsync(page, path));
        }

        // The last circuit's render settles; then the CPU the loads cost.
        await Task.Delay(500);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / loads;
        await page.CloseAsync();
        times.Sort();
        return (cpu, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }

    private static async Task<double> LoadAsync(IPage page, string path)
    {
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("main [data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Opens <paramref name="tabs"/> pages on <paramref name="path"/>; the slope of the live heap, per page, in KB.</summary>
    private static async Task<double> OpenPagesAsync(IBrowser browser, IBrowserContext context, string path, int tabs)
    {
        var open = new List<IPage>();
        var points = new List<(double Pages, double Heap)> { (0, LiveHeap()) };
        for (var i = 1; i <= tabs; i++)
        {
            var page = await context.NewPageAsync();
            await LoadAsync(page, path);
            open.Add(page);
            if (i % 10 == 0)
            {
                points.Add((i, LiveHeap()));
            }
        }

        foreach (var page in open)
        {
            await page.CloseAsync();
        }

        _ = browser;
        // Least squares: bytes per page.
        var meanX = points.Average(p => p.Pages);
        var meanY = points.Average(p => p.Heap);
        var slope = points.Sum(p => (p.Pages - meanX) * (p.Heap - meanY)) / points.Sum(p => (p.Pages - meanX) * (p.Pages - meanX));
        return slope / 1024;
    }

    private static double LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
