using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Tests.Support;

internal static class TestServices
{
    /// <summary>The real resx-backed localizer, as the application registers it.</summary>
    public static IServiceCollection AddRealLocalization(this IServiceCollection services)
    {
        services.AddLogging(b => b.AddProvider(NullLoggerProvider.Instance));
        services.AddLocalization();
        return services;
    }

    public static IStringLocalizer<SharedResource> Localizer(IServiceProvider services) =>
        services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
