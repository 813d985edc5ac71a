namespace SafeBrussels.Exchange.Web.Features.Themes;

/// <summary>The taxonomy of priority themes.</summary>
public static class ThemesModule
{
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddScoped<ThemeService>();
        return services;
    }
}
