using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Everything a contributor edits on a meeting. Also the shape of a revision snapshot.</summary>
public sealed class MeetingInput
{
    public string Title { get; set; } = "";

    public List<Guid> ParticipantOrganizationIds { get; set; } = [];

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public MeetingMode Mode { get; set; } = MeetingMode.InPerson;

    public string Location { get; set; } = "";

    public string Language { get; set; } = SupportedLanguages.Default;

    public List<string> Themes { get; set; } = [];

    public Tlp Tlp { get; set; } = Tlp.Amber;

    public List<AgendaItemInput> Agenda { get; set; } = [];

    public string Minutes { get; set; } = "";

    public List<string> Decisions { get; set; } = [];

    public List<ActionItemInput> ActionItems { get; set; } = [];

    public List<Guid> AttendeeUserIds { get; set; } = [];

    /// <summary>Outside attendees, by name.</summary>
    public List<string> AttendeeNames { get; set; } = [];

    /// <summary>Practices presented or discussed (those the editor may see; links to others are kept as they are).</summary>
    public List<Guid> PracticeIds { get; set; } = [];
}
