using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
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

    /// <summary>Checks what needs no database; themes, organizations and people are checked by the service.</summary>
    public CommandResult Validate()
    {
        var errors = new Dictionary<string, string>();
        if (TextRules.Required(Title, FieldLengths.Line) is { } title)
        {
            errors[nameof(Title)] = title;
        }

        if (StartsAt == default)
        {
            errors[nameof(StartsAt)] = "Validation.Required";
        }

        if (EndsAt is { } end && end < StartsAt)
        {
            errors[nameof(EndsAt)] = "Validation.EndBeforeStart";
        }

        if (TextRules.Limit(Location, FieldLengths.Line) is { } location)
        {
            errors[nameof(Location)] = location;
        }

        if (!SupportedLanguages.IsSupported(Language))
        {
            errors[nameof(Language)] = "Validation.Language";
        }

        if (Themes.Count == 0)
        {
            errors[nameof(Themes)] = "Validation.ThemeRequired";
        }

        if ((Minutes ?? "").Length > FieldLengths.Text)
        {
            errors[nameof(Minutes)] = "Validation.TooLong200000";
        }

        for (var i = 0; i < Agenda.Count; i++)
        {
            if (TextRules.Required(Agenda[i].Title, FieldLengths.Line) is { } agendaTitle)
            {
                errors[$"Agenda[{i}].Title"] = agendaTitle;
            }

            if ((Agenda[i].Notes ?? "").Length > FieldLengths.Text)
            {
                errors[$"Agenda[{i}].Notes"] = "Validation.TooLong200000";
            }
        }

        for (var i = 0; i < Decisions.Count; i++)
        {
            if (TextRules.Required(Decisions[i], FieldLengths.Decision) is { } decision)
            {
                errors[$"Decisions[{i}]"] = decision;
            }
        }

        for (var i = 0; i < ActionItems.Count; i++)
        {
            if (TextRules.Required(ActionItems[i].Title, FieldLengths.Line) is { } actionTitle)
            {
                errors[$"ActionItems[{i}].Title"] = actionTitle;
            }
        }

        for (var i = 0; i < AttendeeNames.Count; i++)
        {
            if (TextRules.Required(AttendeeNames[i], FieldLengths.Name) is { } attendee)
            {
                errors[$"AttendeeNames[{i}]"] = attendee;
            }
        }

        return new CommandResult(errors);
    }
}
