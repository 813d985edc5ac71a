namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// Failed sign-ins with an address that has no account, counted as Identity counts them for an account, so that an
/// unknown address is locked out after the same failures and for as long: the answers never tell whether an account
/// exists. Only a SHA-256 of the normalized address is kept, never the address.
/// </summary>
public sealed class UnknownSignIn
{
    public required byte[] NameHash { get; set; }

    public int FailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
