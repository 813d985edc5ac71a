using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// Each request re-reads its member (security stamp, active, role, organization, name, language: a change takes effect
/// on the next request). The session cookie is written again only when that changed the principal, or when the cookie
/// is older than a minute (so that the idle limit counts from the last request to within a minute): a cookie issued on
/// every response also made every response uncacheable (the cookie handler marks the responses it signs in
/// <c>no-cache,no-store</c>), so each page load downloaded the scripts and style sheets again.
/// The application's files (scripts, style sheets, images) are the same for everyone: their requests do not read the
/// member at all.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, SessionLifetime lifetime, DateTimeOffset now)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return;
        }

        var before = context.Principal;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        var renewAfter = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.IdleTimeout.Ticks / 2));
        var recent = context.Properties.IssuedUtc is { } issued && now - issued < renewAfter;
        if (context.ShouldRenew && recent && before is not null && context.Principal is { } after && SameClaims(before, after))
        {
            context.ShouldRenew = false;
        }
    }

    private static bool SameClaims(ClaimsPrincipal before, ClaimsPrincipal after) =>
        Claims(before).SetEquals(Claims(after));

    private static HashSet<(string Type, string Value)> Claims(ClaimsPrincipal principal) =>
        principal.Claims.Select(claim => (claim.Type, claim.Value)).ToHashSet();
}
