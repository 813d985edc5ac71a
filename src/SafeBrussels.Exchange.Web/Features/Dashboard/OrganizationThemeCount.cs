namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>Meetings an organization hosted or joined on a top-level theme in the period.</summary>
public sealed record OrganizationThemeCount(string OrganizationKey, string ThemeKey, int Meetings);
