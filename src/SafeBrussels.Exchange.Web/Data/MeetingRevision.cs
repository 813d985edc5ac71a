namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// One saved version of a meeting: who, when, what changed, and the whole record as it was then, with the label and
/// audience it was written under (text shared as RED stays RED when the meeting is relabelled later).
/// </summary>
public sealed class MeetingRevision : IWrittenUnder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MeetingId { get; set; }

    public int Number { get; set; }

    public Guid? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>Names of the fields that changed from the previous revision.</summary>
    public List<string> ChangedFields { get; set; } = [];

    /// <summary>The record as saved (JSON of the editable fields).</summary>
    public required string Snapshot { get; set; }

    public Tlp Tlp { get; set; } = Tlp.Red;

    public Guid HostOrganizationId { get; set; }

    public List<Guid> PartnerOrganizationIds { get; set; } = [];

    public List<Guid> NamedUserIds { get; set; } = [];
}
