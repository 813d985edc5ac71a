using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SafeBrussels.Exchange.TestSupport;

namespace SafeBrussels.Exchange.EndToEndTests.Infrastructure;

/// <summary>
/// smtp4dev (the repository's local dotnet tool, what deploy/local/run.sh gives developers) on free loopback
/// ports, with its messages in memory, read through its web API as a person reads the inbox.
/// </summary>
public sealed class Smtp4dev : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _api;

    private Smtp4dev(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    public int SmtpPort { get; }

    public static async Task<Smtp4dev> StartAsync()
    {
        var smtpPort = TestSmtpServer.FreePort();
        var webPort = TestSmtpServer.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={smtpPort}",
                     "--hostname=localhost", "--db=", "--nousersettings", "--imapport=0", "--pop3port=0",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var smtp4dev = new Smtp4dev(process, smtpPort, webPort);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                (await smtp4dev._api.GetAsync("/api/messages")).EnsureSuccessStatusCode();
                return smtp4dev;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>The HTML body of the first message to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<string> HtmlOfMessageToAsync(string address, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var list = JsonDocument.Parse(await _api.GetStringAsync("/api/messages?pageSize=500"));
            var found = list.RootElement.GetProperty("results").EnumerateArray().FirstOrDefault(m =>
                m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase))
                && (m.GetProperty("subject").GetString() ?? "").Contains(subject, StringComparison.Ordinal));
            if (found.ValueKind == JsonValueKind.Object)
            {
                return await _api.GetStringAsync($"/api/messages/{found.GetProperty("id").GetString()}/html");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"smtp4dev has no message to {address} with '{subject}' in its subject.");
            }

            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "dotnet-tools.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("dotnet-tools.json (the repository root) not found above " + AppContext.BaseDirectory);
    }
}
