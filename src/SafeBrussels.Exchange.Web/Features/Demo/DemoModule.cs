namespace SafeBrussels.Exchange.Web.Features.Demo;

/// <summary>The demo organizations, members and records (the `seed-demo` verb).</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
