namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>What the dashboard's charts show, counted over what the viewer may see only.</summary>
public sealed record DashboardCharts(
    IReadOnlyList<Quarter> Quarters,
    IReadOnlyList<ThemeQuarterCount> PerThemeAndQuarter,
    IReadOnlyList<OrganizationLabel> Organizations,
    IReadOnlyList<OrganizationThemeCount> OrganizationThemes)
{
    public ThemeQuarterCount For(string themeKey, Quarter quarter) =>
        PerThemeAndQuarter.FirstOrDefault(c => c.ThemeKey == themeKey && c.Quarter == quarter) ?? new ThemeQuarterCount(themeKey, quarter, 0, 0);

    public int Met(string organizationKey, string themeKey) =>
        OrganizationThemes.FirstOrDefault(c => c.OrganizationKey == organizationKey && c.ThemeKey == themeKey)?.Meetings ?? 0;
}
