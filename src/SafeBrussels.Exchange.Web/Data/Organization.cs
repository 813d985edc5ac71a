namespace SafeBrussels.Exchange.Web.Data;

/// <summary>An administration taking part in the exchange (a city, a region's prevention service...).</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable, URL-safe identifier used by the exchange format and the CLI (e.g. <c>safe-brussels</c>).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string City { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case.</summary>
    public required string Country { get; set; }

    /// <summary>Languages the administration works in: a subset of fr, nl, en.</summary>
    public List<string> WorkingLanguages { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Members must use two-factor authentication: one without it is led to set it up before signing in.</summary>
    public bool RequireTwoFactor { get; set; }

    public List<ApplicationUser> Members { get; set; } = [];
}
