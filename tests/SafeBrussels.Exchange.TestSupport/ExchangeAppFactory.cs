using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>The real application, on a real database and a real SMTP server.</summary>
public sealed class ExchangeAppFactory(
    TestDatabase database,
    TestSmtpServer smtp,
    string environment = "Testing",
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string PublicBaseUrl { get; set; } = "https://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Exchange", database.ConnectionString);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:TlsMode", "None");
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
