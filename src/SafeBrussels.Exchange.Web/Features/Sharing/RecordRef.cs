namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>A practice or a meeting: what comments and attachments belong to, and inherit their sharing from.</summary>
public sealed record RecordRef(RecordKind Kind, Guid Id)
{
    public static RecordRef Practice(Guid id) => new(RecordKind.Practice, id);

    public static RecordRef Meeting(Guid id) => new(RecordKind.Meeting, id);
}
