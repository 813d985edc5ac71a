namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Search across languages: the glossary of concepts, the query compiler, the page and the API.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchService>();
        services.AddSingleton<GlossaryStore>();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchCompiler>();
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
