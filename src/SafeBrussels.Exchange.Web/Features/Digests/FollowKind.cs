namespace SafeBrussels.Exchange.Web.Features.Digests;

public enum FollowKind
{
    Theme,
    Organization,
    Practice,
    Meeting,
}
