using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// Refuses deactivated members, stamps each sign-in with its time (for the absolute session lifetime) and writes every
/// password sign-in, failed or not, to the audit trail.
/// </summary>
internal sealed class ExchangeSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AuditTrail audit,
    TimeProvider timeProvider)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // An unknown address: recorded with what was typed, so that credential stuffing shows in the trail.
            await audit.WriteAsync(new AuditEvent(AuditActions.SignInFailed, null, null, Detail: userName), CancellationToken.None);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await AuditAsync(user, result, "password");
        return result;
    }

    /// <summary>The audit entry for a sign-in attempt of a known member; <paramref name="method"/> says how.</summary>
    internal Task AuditAsync(ApplicationUser user, SignInResult result, string method)
    {
        var action = result.Succeeded ? AuditActions.SignInSucceeded
            : result.IsLockedOut ? AuditActions.SignInLockedOut
            : result.IsNotAllowed ? AuditActions.SignInRefused
            : result.RequiresTwoFactor ? null
            : AuditActions.SignInFailed;
        return action is null ? Task.CompletedTask : audit.WriteAsync(AuditEvent.By(user, action, method), CancellationToken.None);
    }

    public override Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != ExchangeClaims.AuthenticatedAt).ToList();
        claims.Add(new System.Security.Claims.Claim(
            ExchangeClaims.AuthenticatedAt,
            timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
