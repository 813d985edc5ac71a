using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>A page of the meetings the caller may see: how many in all, and this page.</summary>
public sealed record MeetingListResponse(int Total, IReadOnlyList<MeetingListEntry> Items)
{
    public static MeetingListResponse From(Page<MeetingListItem> page) => new(page.Total, [.. page.Items.Select(MeetingListEntry.From)]);
}
