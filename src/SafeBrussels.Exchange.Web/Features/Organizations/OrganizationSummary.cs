namespace SafeBrussels.Exchange.Web.Features.Organizations;

public sealed record OrganizationSummary(
    Guid Id, string Key, string Name, string City, string Country, IReadOnlyList<string> WorkingLanguages, int ActiveMembers, bool RequireTwoFactor = false);
