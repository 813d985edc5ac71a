namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// Minutes past the retention period, moved out of the meeting: no longer shown, searched, exported or mailed, only
/// handed to the host organization's administrators on request.
/// </summary>
/// <remarks>One row per archiving, each with the label and audience the minutes had then.</remarks>
public sealed class MeetingMinutesArchive : IWrittenUnder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MeetingId { get; set; }

    public required string Minutes { get; set; }

    public DateTimeOffset ArchivedAt { get; set; }

    public Tlp Tlp { get; set; } = Tlp.Red;

    public Guid HostOrganizationId { get; set; }

    public List<Guid> PartnerOrganizationIds { get; set; } = [];

    public List<Guid> NamedUserIds { get; set; } = [];
}
