namespace SafeBrussels.Exchange.Web.Features.Digests;

public enum DigestItemKind
{
    Meeting,
    Practice,
    Adaptation,
    Comment,
}
