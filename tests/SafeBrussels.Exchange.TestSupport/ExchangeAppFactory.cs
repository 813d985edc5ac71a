using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>The real application, on a real database and a real SMTP server; its log events are kept in memory.</summary>
public sealed class ExchangeAppFactory(
    TestDatabase database,
    TestSmtpServer smtp,
    string environment = "Testing",
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly CapturingSink _logs = new();

    public string PublicBaseUrl { get; set; } = "https://localhost";

    /// <summary>This application's search index, a folder of its own, removed with it.</summary>
    public string SearchIndexPath { get; } = Path.Combine(Path.GetTempPath(), "exchange-test-index", Guid.NewGuid().ToString("N"));

    /// <summary>Every log event the application wrote (Information and above), instead of the console.</summary>
    public IReadOnlyCollection<LogEvent> LogEvents => _logs.Events;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Exchange", database.ConnectionString);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:TlsMode", "None");
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Logging:Console", "false");
        // No job server unless a test asks for one: a recurring job must not mail the other tests' members.
        builder.UseSetting("Jobs:RunServer", "false");
        // Every test signs in and calls the API from one address: limits out of reach unless a test sets its own.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:PasswordReset:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        builder.UseSetting("Search:IndexPath", SearchIndexPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(SearchIndexPath))
        {
            Directory.Delete(SearchIndexPath, recursive: true);
        }
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
