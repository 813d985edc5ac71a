namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record OrganizationRef(Guid Id, string Key, string Name);
