namespace SafeBrussels.Exchange.Web.Features.Demo;

public sealed record DemoLogin(string Email, string OrganizationKey, string Role, string DisplayName);
