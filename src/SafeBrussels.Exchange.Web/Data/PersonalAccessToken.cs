namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A token a member made for scripts and tools calling the API on their behalf. Only its hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so its owner can recognise it in the list.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
