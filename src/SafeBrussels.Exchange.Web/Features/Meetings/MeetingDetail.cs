using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record MeetingDetail(
    Guid Id,
    string? ExternalId,
    Guid HostOrganizationId,
    string OrganizationKey,
    string OrganizationName,
    IReadOnlyList<OrganizationRef> Participants,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    MeetingMode Mode,
    string Location,
    string Language,
    IReadOnlyList<string> Themes,
    Tlp Tlp,
    IReadOnlyList<AgendaItemInput> Agenda,
    string Minutes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<ActionItemView> ActionItems,
    IReadOnlyList<AttendeeView> Attendees,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    bool CanEdit,
    IReadOnlyList<Practices.PracticeOption> Practices,
    DateTimeOffset? MinutesArchivedAt = null);
