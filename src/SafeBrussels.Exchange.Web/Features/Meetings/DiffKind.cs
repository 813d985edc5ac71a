namespace SafeBrussels.Exchange.Web.Features.Meetings;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}
