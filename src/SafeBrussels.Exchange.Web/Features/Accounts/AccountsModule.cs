namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>The member's own account: the two-factor set-up (sign-in itself is the host's, Hosting/ExchangeServices).</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<TwoFactorSetup>();
        return services;
    }
}
