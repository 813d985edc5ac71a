using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record MeetingListItem(
    Guid Id,
    string? ExternalId,
    string Title,
    string OrganizationKey,
    string OrganizationName,
    Tlp Tlp,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Themes,
    string Language);
