namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record MyActionItem(
    Guid Id, Guid MeetingId, string MeetingTitle, string Title, string? OwnerName, DateOnly? Due, bool IsOverdue);
