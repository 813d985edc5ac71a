namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>Import and export in the exchange-v1 format: the API, the page and the verbs share the same two services.</summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchangeFormat(this IServiceCollection services)
    {
        services.AddScoped<ExchangeImporter>();
        services.AddScoped<ExchangeExporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapExchangeFormat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExchangeApi();
        return endpoints;
    }
}
