namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Limits on what attackers repeat: sign-in and password-reset posts per client address, API calls per member.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public RateWindow SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    public RateWindow PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    public RateWindow Api { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}
