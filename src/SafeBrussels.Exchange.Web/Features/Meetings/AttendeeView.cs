namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record AttendeeView(Guid? UserId, string Name);
