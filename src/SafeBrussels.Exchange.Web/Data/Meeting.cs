namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A meeting an administration held with others: agenda, minutes, decisions, action items.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable identifier in the exchange format: chosen by the source system, or the id for meetings recorded here.</summary>
    public required string ExternalId { get; set; }

    /// <summary>SHA-256 of the exchange-format record last imported; a re-import of the same record changes nothing.</summary>
    public string? ImportHash { get; set; }

    public Guid HostOrganizationId { get; set; }

    public Organization? HostOrganization { get; set; }

    public Guid? AuthorId { get; set; }

    public ApplicationUser? Author { get; set; }

    public required string Title { get; set; }

    /// <summary>UTC instant; <see cref="StartsOffsetMinutes"/> keeps the offset it was given with.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public short StartsOffsetMinutes { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public short EndsOffsetMinutes { get; set; }

    public MeetingMode Mode { get; set; } = MeetingMode.InPerson;

    public string Location { get; set; } = "";

    /// <summary>fr, nl or en: the language the text is written in.</summary>
    public required string Language { get; set; }

    public Tlp Tlp { get; set; } = Tlp.Amber;

    /// <summary>Markdown (CommonMark); raw HTML is never rendered.</summary>
    public string Minutes { get; set; } = "";

    /// <summary>When the minutes were moved out of the record by the retention policy (see MinutesRetention).</summary>
    public DateTimeOffset? MinutesArchivedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The optimistic concurrency token: one more at every save.</summary>
    public uint Version { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public List<MeetingTheme> Themes { get; set; } = [];

    public List<AgendaItem> Agenda { get; set; } = [];

    public List<MeetingDecision> Decisions { get; set; } = [];

    public List<ActionItem> ActionItems { get; set; } = [];

    public List<MeetingAttendee> Attendees { get; set; } = [];

    /// <summary>Practices presented or discussed.</summary>
    public List<MeetingPractice> Practices { get; set; } = [];
}
