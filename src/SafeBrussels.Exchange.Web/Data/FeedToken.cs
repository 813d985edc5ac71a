namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// The secret in a member's feed links (iCalendar and Atom), which calendar and feed readers send without signing in.
/// One active token a member; a new one revokes the previous. Found by its hash; kept encrypted (Data Protection) so
/// that its owner can copy the link again.
/// </summary>
public sealed class FeedToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public ApplicationUser? User { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token encrypted with the application's Data Protection keys, shown again to its owner only.</summary>
    public required string ProtectedToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
