namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Configuration section <c>ReverseProxy</c>.</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of the load balancers allowed to say who the client is
    /// (<c>X-Forwarded-For</c>) and that the request came over HTTPS (<c>X-Forwarded-Proto</c>). The loopback
    /// addresses are always trusted; anyone else's forwarded headers are ignored.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
