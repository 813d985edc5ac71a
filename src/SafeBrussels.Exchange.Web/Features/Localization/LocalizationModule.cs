namespace SafeBrussels.Exchange.Web.Features.Localization;

/// <summary>The language switcher's endpoint (which language a request is answered in is the host's, Hosting).</summary>
public static class LocalizationModule
{
    public static IEndpointRouteBuilder MapLocalization(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCultureEndpoints();
        return endpoints;
    }
}
