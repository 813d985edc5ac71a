namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// Tells the open interactive pages of this process that a member's sessions must end now
/// (deactivation). Cookies are refused on the next request anyway because the security stamp changed.
/// </summary>
public sealed class SessionRevocations
{
    public event Action<Guid>? Revoked;

    public void Revoke(Guid userId) => Revoked?.Invoke(userId);
}
