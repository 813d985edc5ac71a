namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record PersonOption(Guid Id, string Name, string OrganizationName);
