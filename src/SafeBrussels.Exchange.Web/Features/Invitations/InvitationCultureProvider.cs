using Microsoft.AspNetCore.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>
/// The invitation page speaks the language the invitation was sent in (the inviter chose it for this person),
/// rather than the browser's; a choice made with the switcher in this browser still comes first.
/// </summary>
internal sealed class InvitationCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.Equals(InvitationService.AcceptPath, StringComparison.OrdinalIgnoreCase)
            || httpContext.Request.Query["token"].ToString() is not { Length: > 0 } token)
        {
            return null;
        }

        var language = await httpContext.RequestServices.GetRequiredService<InvitationAcceptance>()
            .LanguageOfAsync(token, httpContext.RequestAborted);
        return SupportedLanguages.IsSupported(language) ? new ProviderCultureResult(language) : null;
    }
}
