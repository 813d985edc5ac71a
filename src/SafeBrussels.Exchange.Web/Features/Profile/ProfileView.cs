using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Profile;

public sealed record ProfileView(string DisplayName, string Email, string OrganizationName, ExchangeRole Role, string? PreferredLanguage);
