using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Localization;

internal static class CultureEndpoints
{
    public const string Path = "/culture/set";

    /// <summary>The language switcher: remembers the choice in a cookie and, for a member, in their profile.</summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, string? lang, string? returnUrl, IDbContextFactory<ExchangeDbContext> dbFactory) =>
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

            if (Viewer.From(context.User) is { } viewer)
            {
                await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
                await db.Users.Where(u => u.Id == viewer.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language), context.RequestAborted);
            }

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
