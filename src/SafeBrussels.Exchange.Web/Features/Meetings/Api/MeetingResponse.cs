using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>A whole meeting in the vocabulary of the exchange format: agenda, minutes (Markdown), decisions, action items and attendees.</summary>
public sealed record MeetingResponse(
    Guid Id,
    string? ExternalId,
    string Organization,
    IReadOnlyList<string> Participants,
    string Language,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Mode,
    string Location,
    IReadOnlyList<string> Themes,
    string Tlp,
    IReadOnlyList<AgendaItemResponse> Agenda,
    string Minutes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<ActionItemResponse> ActionItems,
    IReadOnlyList<AttendeeResponse> Attendees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MeetingResponse From(MeetingDetail m) => new(
        m.Id,
        m.ExternalId,
        m.OrganizationKey,
        [.. m.Participants.Select(p => p.Key)],
        m.Language,
        m.Title,
        m.StartsAt,
        m.EndsAt,
        m.Mode.ToCode(),
        m.Location,
        m.Themes,
        m.Tlp.ToLabel(),
        [.. m.Agenda.Select(a => new AgendaItemResponse(a.Title, a.Notes))],
        m.Minutes,
        m.Decisions,
        [.. m.ActionItems.Select(ActionItemResponse.From)],
        [.. m.Attendees.Select(a => new AttendeeResponse(a.Name, a.UserId is not null))],
        m.CreatedAt,
        m.UpdatedAt);
}
