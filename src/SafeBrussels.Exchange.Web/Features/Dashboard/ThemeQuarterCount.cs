namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>Records on a top-level theme (its children counted in it) started or created in a quarter.</summary>
public sealed record ThemeQuarterCount(string ThemeKey, Quarter Quarter, int Meetings, int Practices)
{
    public int Total => Meetings + Practices;
}
