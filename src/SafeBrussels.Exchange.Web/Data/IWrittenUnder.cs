namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// Text written on a record at one moment (an old version, archived minutes, a comment, an attachment) with the label and
/// audience the record had then: who may read it is decided by these, and by the record as it is now, whichever is the
/// more restrictive (<c>SharingPolicy</c>).
/// </summary>
public interface IWrittenUnder
{
    /// <summary>The record's label when the text was written.</summary>
    Tlp Tlp { get; set; }

    /// <summary>The meeting's host organization, or the practice's organization, then.</summary>
    Guid HostOrganizationId { get; set; }

    /// <summary>The organizations the meeting was shared with (AMBER) then; none for a practice.</summary>
    List<Guid> PartnerOrganizationIds { get; set; }

    /// <summary>The people named on the record (RED) then: a meeting's author and attendees with an account, a practice's author.</summary>
    List<Guid> NamedUserIds { get; set; }
}
