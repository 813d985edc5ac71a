using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// Puts organization, role, name and language into the principal, so pages need no lookup to know them.
/// The principal is rebuilt on every request (security stamp validation), so it only uses columns of the user row.
/// </summary>
internal sealed class ExchangeClaimsPrincipalFactory(UserManager<ApplicationUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToName()));
        identity.AddClaim(new Claim(ExchangeClaims.OrganizationId, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(ExchangeClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.PreferredLanguage is { } language)
        {
            identity.AddClaim(new Claim(ExchangeClaims.Language, language));
        }

        return identity;
    }
}
