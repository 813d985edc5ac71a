using Microsoft.AspNetCore.Localization;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>A signed-in member's saved language comes before the cookie and the browser.</summary>
internal sealed class UserPreferenceCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(ExchangeClaims.Language)?.Value;
        return Task.FromResult(SupportedLanguages.IsSupported(language)
            ? new ProviderCultureResult(language)
            : null);
    }
}
