using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Everything a contributor edits on a meeting. Also the shape of a revision snapshot.</summary>
public sealed class MeetingInput
{
    public const int LineLength = 300;
    public const int TextLength = 200_000;
    public const int DecisionLength = 2000;

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
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > LineLength)
        {
            errors[nameof(Title)] = "Validation.Required300";
        }

        if (StartsAt == default)
        {
            errors[nameof(StartsAt)] = "Validation.Required";
        }

        if (EndsAt is { } end && end < StartsAt)
        {
            errors[nameof(EndsAt)] = "Validation.EndBeforeStart";
        }

        if ((Location ?? "").Length > LineLength)
        {
            errors[nameof(Location)] = "Validation.TooLong";
        }

        if (!SupportedLanguages.IsSupported(Language))
        {
            errors[nameof(Language)] = "Validation.Language";
        }

        if (Themes.Count == 0)
        {
            errors[nameof(Themes)] = "Validation.ThemeRequired";
        }

        if ((Minutes ?? "").Length > TextLength)
        {
            errors[nameof(Minutes)] = "Validation.TooLong200000";
        }

        for (var i = 0; i < Agenda.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Agenda[i].Title) || Agenda[i].Title.Trim().Length > LineLength)
            {
                errors[$"Agenda[{i}].Title"] = "Validation.Required300";
            }

            if ((Agenda[i].Notes ?? "").Length > TextLength)
            {
                errors[$"Agenda[{i}].Notes"] = "Validation.TooLong200000";
            }
        }

        for (var i = 0; i < Decisions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Decisions[i]) || Decisions[i].Length > DecisionLength)
            {
                errors[$"Decisions[{i}]"] = "Validation.Required2000";
            }
        }

        for (var i = 0; i < ActionItems.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ActionItems[i].Title) || ActionItems[i].Title.Trim().Length > LineLength)
            {
                errors[$"ActionItems[{i}].Title"] = "Validation.Required300";
            }
        }

        for (var i = 0; i < AttendeeNames.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AttendeeNames[i]) || AttendeeNames[i].Trim().Length > 200)
            {
                errors[$"AttendeeNames[{i}]"] = "Validation.Required200";
            }
        }

        return new CommandResult(errors);
    }
}

public sealed class AgendaItemInput
{
    public string Title { get; set; } = "";

    public string Notes { get; set; } = "";
}

public sealed class ActionItemInput
{
    public string Title { get; set; } = "";

    public Guid? OwnerOrganizationId { get; set; }

    public Guid? OwnerUserId { get; set; }

    public DateOnly? Due { get; set; }

    public bool IsDone { get; set; }
}
