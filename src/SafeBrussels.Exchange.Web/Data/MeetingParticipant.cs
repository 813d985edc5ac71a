namespace SafeBrussels.Exchange.Web.Data;

/// <summary>An organization the meeting is shared with (AMBER).</summary>
public sealed class MeetingParticipant
{
    public Guid MeetingId { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }
}
