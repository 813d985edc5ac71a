using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>The role names used in claims, policies and on the command line.</summary>
public static class RoleNames
{
    public const string PlatformAdmin = "platform-admin";
    public const string OrgAdmin = "org-admin";
    public const string Contributor = "contributor";
    public const string Reader = "reader";

    public static IReadOnlyList<ExchangeRole> All { get; } =
        [ExchangeRole.PlatformAdmin, ExchangeRole.OrgAdmin, ExchangeRole.Contributor, ExchangeRole.Reader];

    public static string ToName(this ExchangeRole role) => role switch
    {
        ExchangeRole.PlatformAdmin => PlatformAdmin,
        ExchangeRole.OrgAdmin => OrgAdmin,
        ExchangeRole.Contributor => Contributor,
        _ => Reader,
    };

    public static bool TryParse(string? name, out ExchangeRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = ExchangeRole.Reader;
        return false;
    }
}
