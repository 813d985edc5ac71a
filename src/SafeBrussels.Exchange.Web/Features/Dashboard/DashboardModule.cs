namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>The home page's dashboard.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
