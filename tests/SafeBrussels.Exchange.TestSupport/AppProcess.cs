using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>
/// The application as it runs in production: its own process (<c>dotnet SafeBrussels.Exchange.Web.dll</c>), Kestrel on
/// a loopback port, configured by environment variables. Two of them on one database are what a load balancer serves.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(80));

    public static async Task<AppProcess> StartAsync(TestDatabase database, TestSmtpServer smtp, IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = Repository.WebAssembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The application is not built at {assembly}; build the solution first.");
        }

        var port = TestSmtpServer.FreePort();
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Exchange"] = database.ConnectionString,
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__TlsMode"] = "None",
            ["PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["RateLimits__SignIn__PermitLimit"] = "1000000",
            ["RateLimits__PasswordReset__PermitLimit"] = "1000000",
            ["RateLimits__Api__PermitLimit"] = "1000000",
            // The clients below speak to it as a TLS-ending load balancer on this host would.
            ["ReverseProxy__TrustedNetworks__0"] = "127.0.0.0/8",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, port);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>
    /// A client of this process only, as seen through a load balancer that ended TLS (<c>X-Forwarded-Proto: https</c>);
    /// give two of them one <see cref="CookieJar"/> to be one browser.
    /// </summary>
    public HttpClient CreateClient(CookieJar cookies)
    {
        var client = new HttpClient(new CookieJarHandler(cookies) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The application exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The application on port {Port} was not ready within {timeout}:{Environment.NewLine}{Output}");
    }
}

/// <summary>
/// One browser's cookies, shared by clients of different instances. Kept by name, sent whatever their Secure flag:
/// the instances listen on plain HTTP on loopback, where a load balancer would have ended TLS.
/// </summary>
public sealed class CookieJar
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _cookies.Keys.ToList();

    internal string? Header => _cookies.IsEmpty ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    internal void Take(IEnumerable<string> setCookies)
    {
        foreach (var setCookie in setCookies)
        {
            var pair = setCookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                _cookies.TryRemove(name, out _);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }
}

internal sealed class CookieJarHandler(CookieJar jar) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (jar.Header is { } header)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            jar.Take(setCookies);
        }

        return response;
    }
}
