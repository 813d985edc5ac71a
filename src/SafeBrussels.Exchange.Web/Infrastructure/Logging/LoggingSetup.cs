using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SafeBrussels.Exchange.Web.Infrastructure.Logging;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog for every log: console text by default, compact JSON when <c>Logging:Format</c> is <c>json</c>.
    /// <c>Logging:Console</c> false leaves only the sinks registered as services (ILogEventSink).
    /// Framework request logs are kept at Warning because they would print query strings (invitation and reset tokens).
    /// </summary>
    public static void AddExchangeLogging(this WebApplicationBuilder builder, bool commandLine)
    {
        var console = builder.Configuration.GetValue("Logging:Console", true);
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        // The logger belongs to this host, not to the static Log: several hosts (tests) may share one process.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger
                .MinimumLevel.Is(commandLine ? LogEventLevel.Warning : LogEventLevel.Information)
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", commandLine ? LogEventLevel.Warning : LogEventLevel.Information)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // 'migrate' probes the history table before it exists; the command reports real failures itself.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", commandLine ? LogEventLevel.Fatal : LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (!console)
            {
                return;
            }

            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: commandLine ? LogEventLevel.Verbose : null);
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: commandLine ? LogEventLevel.Verbose : null);
            }
        });
    }
}
