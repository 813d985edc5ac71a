namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Search across languages: the glossary of concepts, the index of each instance, the page, the API and the verb.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchService>();
        services.AddSingleton<GlossaryStore>();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Engine.SearchIndexer>();
        services.AddHostedService(provider => provider.GetRequiredService<Engine.SearchIndexer>());
        services.AddHealthChecks().AddCheck<Engine.SearchIndexReadyCheck>("search-index", tags: [Infrastructure.Health.HealthEndpoints.ReadyTag]);
        services.AddScoped<GlossaryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSearchApi();
        return endpoints;
    }
}
