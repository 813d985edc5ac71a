using System.Globalization;
using System.Security.Claims;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// How long a session may last. The idle limit is the cookie's sliding expiration;
/// the absolute limit counts from the moment the password was typed.
/// </summary>
public sealed class SessionLifetime
{
    public const string SectionName = "Authentication";

    /// <summary>A session ends after this long without a request. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in whatever happens. Default 12 hours.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open interactive page re-checks that its member is still active.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool HasExpired(ClaimsPrincipal? principal, DateTimeOffset now)
    {
        var value = principal?.FindFirstValue(ExchangeClaims.AuthenticatedAt);
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            // A session without a sign-in time was not issued by this application's sign-in.
            return true;
        }

        return now - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout;
    }
}
