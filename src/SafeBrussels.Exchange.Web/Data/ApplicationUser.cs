using Microsoft.AspNetCore.Identity;

namespace SafeBrussels.Exchange.Web.Data;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    [PersonalData]
    public string DisplayName { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public ExchangeRole Role { get; set; } = ExchangeRole.Reader;

    /// <summary>fr, nl or en; null means "follow the browser".</summary>
    [PersonalData]
    public string? PreferredLanguage { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>When the person deleted their account: the row stays, anonymized, so that what they wrote keeps its author.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public DigestFrequency DigestFrequency { get; set; } = DigestFrequency.Weekly;

    /// <summary>Weekday of the weekly digest, in Europe/Brussels.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Hour (0-23, Europe/Brussels) the digest is due.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>fr, nl or en for emails; null means the preferred language, then the organization's first.</summary>
    [PersonalData]
    public string? EmailLanguage { get; set; }
}
