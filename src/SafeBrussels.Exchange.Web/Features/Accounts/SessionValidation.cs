using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using SafeBrussels.Exchange.Web.Data;

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

        if (context.Principal is not { } before)
        {
            return;
        }

        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.ValidateSecurityStampAsync(before);
        if (user is null)
        {
            // Deactivated, or the security stamp changed: this request has no member. The cookie is not deleted (as
            // Identity's validator would): a request sent with the old cookie while the member's own action changed the
            // stamp and refreshed their sign-in (setting up two-factor, a new password) must not end the new session.
            // A stale cookie is refused on every request anyway.
            context.RejectPrincipal();
            return;
        }

        var after = await signIn.CreateUserPrincipalAsync(user);
        // What the sign-in itself said (when, and how: "amr") belongs to the session, not to the member's row.
        if (after.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in before.Claims.Where(c => c.Type is ExchangeClaims.AuthenticatedAt or "amr"))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }

        context.ReplacePrincipal(after);
        var renewAfter = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.IdleTimeout.Ticks / 2));
        var recent = context.Properties.IssuedUtc is { } issued && now - issued < renewAfter;
        context.ShouldRenew = !recent || !SameClaims(before, after);
    }

    private static bool SameClaims(ClaimsPrincipal before, ClaimsPrincipal after) =>
        Claims(before).SetEquals(Claims(after));

    private static HashSet<(string Type, string Value)> Claims(ClaimsPrincipal principal) =>
        principal.Claims.Select(claim => (claim.Type, claim.Value)).ToHashSet();
}
