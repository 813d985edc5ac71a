using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>Puts organization, role, name and language into the principal, so pages need no lookup to know them.</summary>
internal sealed class ExchangeClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    ExchangeDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organizationKey = await db.Organizations
            .Where(o => o.Id == user.OrganizationId)
            .Select(o => o.Key)
            .SingleAsync();

        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToName()));
        identity.AddClaim(new Claim(ExchangeClaims.OrganizationId, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(ExchangeClaims.OrganizationKey, organizationKey));
        identity.AddClaim(new Claim(ExchangeClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.PreferredLanguage is { } language)
        {
            identity.AddClaim(new Claim(ExchangeClaims.Language, language));
        }

        return identity;
    }
}
