using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Components.Account;

// Revalidates the security stamp (and that the member is still active) of the connected user while
// an interactive circuit is open, and signs the circuit out at once when the member is deactivated.
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly SessionRevocations _revocations;
    private readonly SessionLifetime _lifetime;
    private readonly TimeProvider _time;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        SessionRevocations revocations,
        IOptions<SessionLifetime> lifetime,
        TimeProvider time)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _revocations = revocations;
        _lifetime = lifetime.Value;
        _time = time;
        _revocations.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => _lifetime.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = await RevalidateAsync(authenticationState.User);
        if (principal is not null && !ReferenceEquals(principal, authenticationState.User))
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        }

        return principal is not null;
    }

    /// <summary>
    /// The circuit's principal as the database now has it: null when the session must end (expired, deactivated, a
    /// new security stamp: a new password, a role change, signed out everywhere), a new principal when the member's
    /// row says something else than the principal (organization, role, name, language), otherwise
    /// <paramref name="current"/>. Each instance asks its own database, so a change made through any instance is
    /// seen by every open page within <see cref="SessionLifetime.CircuitRevalidationInterval"/>.
    /// </summary>
    internal async Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal current)
    {
        if (_lifetime.HasExpired(current, _time.GetUtcNow()))
        {
            return null;
        }

        await using var scope = _scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signInManager.ValidateSecurityStampAsync(current);
        if (user is null || !user.IsActive || user.DeletedAt is not null)
        {
            return null;
        }

        var fresh = await signInManager.CreateUserPrincipalAsync(user);
        if (SameClaims(current, fresh))
        {
            return current;
        }

        if (current.FindFirst(ExchangeClaims.AuthenticatedAt) is { } signedInAt && fresh.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(signedInAt.Type, signedInAt.Value));
        }

        return fresh;
    }

    private static readonly string[] ComparedClaims =
        [ClaimTypes.Role, ExchangeClaims.OrganizationId, ExchangeClaims.DisplayName, ExchangeClaims.Language];

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        ComparedClaims.All(type => a.FindFirstValue(type) == b.FindFirstValue(type));

    private async void OnRevoked(Guid userId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (Viewer.From(state.User)?.UserId == userId)
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal())));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit has no authentication state yet: nothing to end.
        }
    }

    protected override void Dispose(bool disposing)
    {
        _revocations.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }
}
