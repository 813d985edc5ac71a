using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>One meeting in a list.</summary>
public sealed record MeetingListEntry(
    Guid Id,
    string? ExternalId,
    string Title,
    string Organization,
    string Tlp,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Themes)
{
    public static MeetingListEntry From(MeetingListItem m) => new(m.Id, m.ExternalId, m.Title, m.OrganizationKey, m.Tlp.ToLabel(), m.StartsAt, m.Themes);
}
