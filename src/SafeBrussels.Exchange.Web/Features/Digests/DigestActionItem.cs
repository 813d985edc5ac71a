using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

public sealed record DigestActionItem(Guid MeetingId, string MeetingTitle, string Title, DateOnly Due, Tlp Tlp, bool Overdue);
