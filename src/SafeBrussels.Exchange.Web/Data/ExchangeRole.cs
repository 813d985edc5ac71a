namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// What a member may do. Platform administrators manage organizations and users (not content);
/// organization administrators manage the members of their organization and may also contribute;
/// contributors record meetings and practices; readers only read.
/// </summary>
public enum ExchangeRole
{
    Reader = 0,
    Contributor = 1,
    OrgAdmin = 2,
    PlatformAdmin = 3,
}
