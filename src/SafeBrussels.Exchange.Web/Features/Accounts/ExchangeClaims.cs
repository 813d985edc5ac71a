namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>Claim types the exchange adds to the sign-in principal.</summary>
public static class ExchangeClaims
{
    public const string OrganizationId = "exchange:org";
    public const string DisplayName = "exchange:name";
    public const string Language = "exchange:lang";

    /// <summary>When the person typed their password; used for the absolute session lifetime.</summary>
    public const string AuthenticatedAt = "exchange:auth_time";
}
