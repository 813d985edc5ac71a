using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record PracticeMeeting(Guid Id, string Title, DateTimeOffset StartsAt, string OrganizationName, Tlp Tlp);
