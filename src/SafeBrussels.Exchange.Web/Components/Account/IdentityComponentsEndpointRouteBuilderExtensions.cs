using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints required by the Identity Razor components in /Components/Account/Pages.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        // Every session of the member ends: the security stamp changes (cookies are checked against it on every request,
        // on every instance), open interactive pages of this instance close at once, those of other instances at their
        // next revalidation; then this browser is signed out too.
        accountGroup.MapPost("/SignOutEverywhere", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SafeBrussels.Exchange.Web.Features.Accounts.SessionRevocations revocations,
            [FromServices] AuditTrail audit,
            [FromServices] ILoggerFactory loggers) =>
        {
            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
                revocations.Revoke(user.Id);
                await audit.WriteAsync(AuditEvent.By(user, AuditActions.SignOutEverywhere));
                loggers.CreateLogger("SafeBrussels.Exchange.Web.Accounts").LogInformation("User {UserId} signed out of every session", user.Id);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).RequireAuthorization();

        return accountGroup;
    }
}
