namespace SafeBrussels.Exchange.Web.Features.Feeds;

/// <summary>Atom feeds of what a member follows, behind a secret link of their own.</summary>
public static class FeedsModule
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedTokenService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFeedEndpoints();
        return endpoints;
    }
}
