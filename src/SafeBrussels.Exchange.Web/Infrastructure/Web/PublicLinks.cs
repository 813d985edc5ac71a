using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Configuration: <c>PublicBaseUrl</c>, the address people reach the platform at (used in mails).</summary>
public sealed class PublicUrlOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Builds absolute links for messages that leave the application (mails, CLI output).</summary>
public sealed class PublicLinks(IOptions<PublicUrlOptions> options)
{
    public string Absolute(string path, IDictionary<string, string?>? query = null)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var url = baseUrl + "/" + path.TrimStart('/');
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }
}
