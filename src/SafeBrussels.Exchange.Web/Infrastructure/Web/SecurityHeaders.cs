namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// The security headers of every response (docs/security.md). The Content-Security-Policy allows scripts from the
/// application only: no inline script, no <c>unsafe-eval</c> (Blazor Server and MudBlazor need neither); inline style
/// attributes stay allowed because MudBlazor sets them. Two pages served by libraries, the API reference (Scalar) and
/// the jobs dashboard (Hangfire), carry inline start-up scripts: on those paths only, inline scripts are allowed, and
/// still nothing from elsewhere and no eval. Framing is refused everywhere. Answers are not stored unless they say so.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string LibraryPagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var libraryPage = context.Request.Path.StartsWithSegments("/api/reference") || context.Request.Path.StartsWithSegments("/admin/jobs");
                headers.ContentSecurityPolicy = libraryPage ? LibraryPagePolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // What the application answers is for the member who asked: never stored by a browser or a proxy, unless
                // the answer says otherwise (the application's files: a year; feeds and downloads set their own).
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
