namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>Field practices: the catalogue, one practice, saving, adaptations and their lineage, and the API.</summary>
public static class PracticesModule
{
    public static IServiceCollection AddPractices(this IServiceCollection services)
    {
        services.AddScoped<PracticeListing>();
        services.AddScoped<PracticeReader>();
        services.AddScoped<PracticeSaver>();
        return services;
    }

    public static IEndpointRouteBuilder MapPractices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPracticesApi();
        return endpoints;
    }
}
