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
        if (_lifetime.HasExpired(authenticationState.User, _time.GetUtcNow()))
        {
            return false;
        }

        await using var scope = _scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        return await signInManager.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }

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
