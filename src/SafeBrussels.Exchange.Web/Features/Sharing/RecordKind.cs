namespace SafeBrussels.Exchange.Web.Features.Sharing;

public enum RecordKind
{
    Practice,
    Meeting,
}
