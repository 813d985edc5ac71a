using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>A meeting as a calendar shows it: no minutes, no agenda.</summary>
public sealed record CalendarEvent(
    Guid Id, string Title, string OrganizationName, Tlp Tlp, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Location, DateTimeOffset UpdatedAt, string Language);
