namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Configuration: <c>PublicBaseUrl</c>, the address people reach the platform at (used in mails).</summary>
public sealed class PublicUrlOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
