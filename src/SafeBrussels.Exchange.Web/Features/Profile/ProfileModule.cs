namespace SafeBrussels.Exchange.Web.Features.Profile;

/// <summary>The member's profile, their personal data (GDPR access) and the deletion of their account.</summary>
public static class ProfileModule
{
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddScoped<ProfileService>();
        services.AddScoped<AccountDeletion>();
        return services;
    }

    public static IEndpointRouteBuilder MapProfile(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPersonalDataExport();
        return endpoints;
    }
}
