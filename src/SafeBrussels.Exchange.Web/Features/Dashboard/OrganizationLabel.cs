namespace SafeBrussels.Exchange.Web.Features.Dashboard;

public sealed record OrganizationLabel(string Key, string Name);
