using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

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
