using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AuditTrail audit,
    TimeProvider timeProvider)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Who the last sign-in of this request was for (the manager lives for one request), for the passkey audit entry.
    private ApplicationUser? _signedIn;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            return await UnknownAccountSignInAsync(userName, password, lockoutOnFailure);
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    // A hash of no password anyone has, made once with the configured hasher (the same work factor as members' hashes).
    private static string? _dummyHash;

    private void VerifyDummyHash(string password)
    {
        var dummy = new ApplicationUser();
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }

    /// <summary>
    /// An address with no account gets the same work and the same answer as a member's wrong password: a password hash is
    /// verified (against a dummy), and after as many failures it is locked out for as long, on every instance
    /// (<see cref="UnknownSignIn"/>). Recorded with what was typed, so that credential stuffing shows in the trail.
    /// </summary>
    private async Task<SignInResult> UnknownAccountSignInAsync(string userName, string password, bool lockoutOnFailure)
    {
        var lockout = Options.Lockout;
        var now = timeProvider.GetUtcNow();
        var nameHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(UserManager.NormalizeName(userName) ?? ""));
        await using var db = await dbFactory.CreateDbContextAsync();
        var entry = await db.UnknownSignIns.SingleOrDefaultAsync(u => u.NameHash == nameHash);
        if (entry?.LockoutEnd > now)
        {
            // As for a locked-out account: refused before any password is checked.
            await audit.WriteAsync(new AuditEvent(AuditActions.SignInLockedOut, null, null, Detail: userName), CancellationToken.None);
            return SignInResult.LockedOut;
        }

        VerifyDummyHash(password);

        var lockedOut = false;
        if (lockoutOnFailure)
        {
            if (entry is null)
            {
                entry = new UnknownSignIn { NameHash = nameHash };
                db.UnknownSignIns.Add(entry);
            }

            entry.FailedCount++;
            entry.UpdatedAt = now;
            if (entry.FailedCount >= lockout.MaxFailedAccessAttempts)
            {
                entry.LockoutEnd = now + lockout.DefaultLockoutTimeSpan;
                entry.FailedCount = 0;
                lockedOut = true;
            }

            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The same address failing at the same instant elsewhere: that attempt counted.
            }
        }

        await audit.WriteAsync(new AuditEvent(lockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, null, null, Detail: userName), CancellationToken.None);
        return lockedOut ? SignInResult.LockedOut : SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!await CanSignInAsync(user))
        {
            // Refused before any password check (a deactivated member): the same hash work as every other attempt.
            VerifyDummyHash(password);
        }

        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await AuditAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await AuditAsync(user, result, "authenticator code");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await AuditAsync(user, result, "recovery code");
        }

        return result;
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        _signedIn = null;
        var result = await base.PasskeySignInAsync(credentialJson);
        if (_signedIn is { } user)
        {
            await AuditAsync(user, result, "passkey");
        }
        else if (!result.Succeeded)
        {
            // No account matched the passkey (or it was refused): who it was is unknown.
            await audit.WriteAsync(new AuditEvent(AuditActions.SignInFailed, null, null, Detail: "passkey"), CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// After a right password: a member whose organization requires two-factor and who has not set it up is not signed
    /// in but remembered as half signed in (the same short-lived cookie as for a second factor), to set it up first.
    /// </summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(ApplicationUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        if (!bypassTwoFactor && !await UserManager.GetTwoFactorEnabledAsync(user) && await OrganizationRequiresTwoFactorAsync(user))
        {
            var pending = new System.Security.Claims.ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            pending.AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, await UserManager.GetUserIdAsync(user)));
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new System.Security.Claims.ClaimsPrincipal(pending));
            return TwoFactorEnrolmentRequired.Instance;
        }

        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    /// <summary>Completes a sign-in held back by <see cref="SignInOrTwoFactorAsync"/> once two-factor is on.</summary>
    public async Task CompleteEnrolmentSignInAsync(ApplicationUser user)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await audit.WriteAsync(AuditEvent.By(user, AuditActions.SignInSucceeded, "password, two-factor set up"), CancellationToken.None);
    }

    private async Task<bool> OrganizationRequiresTwoFactorAsync(ApplicationUser user)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.RequireTwoFactor).SingleOrDefaultAsync();
    }

    /// <summary>The audit entry for a sign-in attempt of a known member; <paramref name="method"/> says how.</summary>
    internal Task AuditAsync(ApplicationUser user, SignInResult result, string method)
    {
        // Half-way results (a second factor to give, two-factor to set up) are recorded when the sign-in completes.
        var action = result is TwoFactorEnrolmentRequired ? null
            : result.Succeeded ? AuditActions.SignInSucceeded
            : result.IsLockedOut ? AuditActions.SignInLockedOut
            : result.IsNotAllowed ? AuditActions.SignInRefused
            : result.RequiresTwoFactor ? null
            : AuditActions.SignInFailed;
        return action is null ? Task.CompletedTask : audit.WriteAsync(AuditEvent.By(user, action, method), CancellationToken.None);
    }

    public override Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        _signedIn = user;
        var claims = additionalClaims.Where(c => c.Type != ExchangeClaims.AuthenticatedAt).ToList();
        claims.Add(new System.Security.Claims.Claim(
            ExchangeClaims.AuthenticatedAt,
            timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}

/// <summary>The password was right, but the member's organization requires two-factor and they must set it up first.</summary>
public sealed class TwoFactorEnrolmentRequired : SignInResult
{
    public static readonly TwoFactorEnrolmentRequired Instance = new();

    private TwoFactorEnrolmentRequired() => IsNotAllowed = true;
}
