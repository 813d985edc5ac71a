namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// Minutes past the retention period, moved out of the meeting: no longer shown, searched, exported or mailed, only
/// handed to the host organization's administrators on request.
/// </summary>
public sealed class MeetingMinutesArchive
{
    public Guid MeetingId { get; set; }

    public required string Minutes { get; set; }

    public DateTimeOffset ArchivedAt { get; set; }
}
