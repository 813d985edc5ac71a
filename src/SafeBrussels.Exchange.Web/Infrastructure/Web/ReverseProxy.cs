using Microsoft.AspNetCore.HttpOverrides;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// Behind a reverse proxy that ends TLS: the client's address (rate limits, audit trail) and scheme (secure cookies,
/// antiforgery, HSTS) come from the proxy's forwarded headers, and only from trusted proxies.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var networks = configured.TrustedNetworks
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"ReverseProxy:TrustedNetworks: '{n}' is not a network in CIDR notation (like 10.0.0.0/8)."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
