namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record PracticeOption(Guid Id, string Title, string OrganizationName, string Language);
