namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>Authorization policy names used by pages and endpoints.</summary>
public static class Policies
{
    /// <summary>Manages organizations and users (not content).</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Manages members: organization administrators (their organization) and platform administrators.</summary>
    public const string MemberAdmin = "member-admin";
}
