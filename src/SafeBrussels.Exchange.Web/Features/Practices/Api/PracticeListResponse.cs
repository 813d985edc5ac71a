using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>A page of the practices the caller may see: how many in all, and this page.</summary>
public sealed record PracticeListResponse(int Total, IReadOnlyList<PracticeListEntry> Items)
{
    public static PracticeListResponse From(Page<PracticeListItem> page) => new(page.Total, [.. page.Items.Select(PracticeListEntry.From)]);
}
