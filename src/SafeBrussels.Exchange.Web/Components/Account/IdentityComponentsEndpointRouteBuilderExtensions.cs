using Microsoft.AspNetCore.Antiforgery;
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

        // Neither form posts a field the endpoint reads, so the token is checked explicitly: no cross-site sign-out.
        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        });

        // WebAuthn options for the passkey element: to register one (signed-in member) and to sign in with one.
        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await userManager.GetUserAsync(context.User) is not { } user)
            {
                return Results.NotFound();
            }

            var userName = await userManager.GetUserNameAsync(user) ?? "";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = await userManager.GetUserIdAsync(user),
                Name = userName,
                DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? userName : user.DisplayName,
            });
            return Results.Content(optionsJson, "application/json");
        }).RequireAuthorization();

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            // Discoverable passkeys only: the options never depend on a typed address, so they reveal no account.
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(null);
            return Results.Content(optionsJson, "application/json");
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
            [FromServices] IAntiforgery antiforgery,
            [FromServices] ILoggerFactory loggers) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
                revocations.Revoke(user.Id);
                await audit.WriteAsync(AuditEvent.By(user, AuditActions.SignOutEverywhere));
                loggers.CreateLogger("SafeBrussels.Exchange.Web.Accounts").LogInformation("User {UserId} signed out of every session", user.Id);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).RequireAuthorization();

        return accountGroup;
    }
}
