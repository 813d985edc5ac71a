namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A single-use invitation to join an organization. Only the SHA-256 hash of the token is stored.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public ExchangeRole Role { get; set; }

    /// <summary>Language of the invitation mail and of the account until the person chooses otherwise.</summary>
    public required string Language { get; set; }

    public required string TokenHash { get; set; }

    public Guid? InvitedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
