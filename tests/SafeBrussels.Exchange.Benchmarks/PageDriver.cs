using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// The browser side of <see cref="PageBenchmarkCommand"/>, in a child process (this program, verb <c>page-driver</c>):
/// Playwright's client costs CPU for every message Chromium sends, which must not count as the application's. The two
/// talk in lines: the parent says when to start ("loads", "tabs", "next"), the child says where it is.
/// </summary>
internal sealed class PageDriver : IAsyncDisposable
{
    private const string DemoPassword = "Exchange-demo-2026";

    // Every readiness marker on the page says "true": the layout's (the page has its data and, if interactive, its
    // circuit) and each interactive part's on a statically rendered page.
    private const string ReadyScript =
        "() => { const here = location.href.split('#')[0]; const marks = [...document.querySelectorAll('main [data-ready]')]; return marks.length > 0 && marks.every(m => m.dataset.ready === 'true' && m.dataset.address === here); }";

    private readonly Process _process;

    private PageDriver(Process process) => _process = process;

    public static PageDriver Start(string baseUrl, string member, string path, int loads, int tabs)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PageDriver).Assembly.Location);
        }

        foreach (var argument in new[] { "page-driver", baseUrl, member, path, loads.ToString(CultureInfo.InvariantCulture), tabs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new PageDriver(Process.Start(start)!);
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for a line starting with <paramref name="word"/>; returns the rest of it.</summary>
    public async Task<string> ExpectAsync(string word)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(word, StringComparison.Ordinal))
            {
                return line[word.Length..].Trim();
            }

            Console.Error.WriteLine($"page-driver: {line}");
        }

        throw new InvalidOperationException($"The page driver ended before saying \"{word}\" (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The child: signs in, warms up, then does what the parent says.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (baseUrl, member, path) = (args[0], args[1], args[2]);
        var loads = int.Parse(args[3], CultureInfo.InvariantCulture);
        var tabs = int.Parse(args[4], CultureInfo.InvariantCulture);
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

        var page = await context.NewPageAsync();
        for (var warm = 0; warm < 10; warm++)
        {
            await LoadAsync(page, path);
        }

        Console.WriteLine("ready");
        // Rounds of loads, as many as the benchmark asks for (until the application's CPU per load is steady).
        while (await Console.In.ReadLineAsync() == "loads")
        {
            var times = new List<double>();
            for (var i = 0; i < loads; i++)
            {
                times.Add(await LoadAsync(page, path));
            }

            Console.WriteLine("times " + string.Join(' ', times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture))));
        }

        await page.CloseAsync();
        var open = new List<IPage>();
        for (var i = 1; i <= tabs; i++)
        {
            var tab = await context.NewPageAsync();
            await LoadAsync(tab, path);
            open.Add(tab);
            if (i % 10 == 0)
            {
                Console.WriteLine($"open {i}");
                await Expect("next");
            }
        }

        foreach (var tab in open)
        {
            await tab.CloseAsync();
        }

        Console.WriteLine("done");
        return 0;
    }

    private static async Task Expect(string word)
    {
        if (await Console.In.ReadLineAsync() != word)
        {
            throw new InvalidOperationException($"Expected \"{word}\" from the benchmark.");
        }
    }

    private static async Task<double> LoadAsync(IPage page, string path)
    {
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync(ReadyScript, null, new() { Timeout = 60_000 });
        return watch.Elapsed.TotalMilliseconds;
    }
}
