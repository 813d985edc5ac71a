namespace SafeBrussels.Exchange.Web.Features.Tokens;

/// <summary>Personal access tokens for the API.</summary>
public static class TokensModule
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddScoped<TokenService>();
        return services;
    }
}
