using Microsoft.AspNetCore.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Localization;

internal static class CultureEndpoints
{
    public const string Path = "/culture/set";

    /// <summary>
    /// The language switcher: remembers the choice in a cookie, for the screens of this browser only. It never
    /// changes the member's profile language, which is also the language of their mails (set on the profile).
    /// </summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context, string? lang, string? returnUrl) =>
        {
            if (!SupportedLanguages.IsSupported(lang))
            {
                return Results.BadRequest("Unsupported language: use fr, nl or en.");
            }

            var language = lang!.ToLowerInvariant();
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });

            // Only a path of this site: not another site ("//host", "/\\host"), nor anything with a control character.
            var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
                || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl)
                ? "/"
                : returnUrl;
            return Results.LocalRedirect(target);
        }).AllowAnonymous();

    public static string Link(string language, string returnUrl) =>
        $"{Path}?lang={language}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
