using MudBlazor;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

public static class MudLocalizationRegistration
{
    /// <summary>MudBlazor's texts in the reader's language (after <c>AddMudServices</c>).</summary>
    public static IServiceCollection AddExchangeMudLocalization(this IServiceCollection services) =>
        services.AddTransient<MudLocalizer, ExchangeMudLocalizer>();
}
