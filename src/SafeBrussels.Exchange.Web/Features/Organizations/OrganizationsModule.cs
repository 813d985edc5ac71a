namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>The organizations of the exchange.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        return services;
    }
}
