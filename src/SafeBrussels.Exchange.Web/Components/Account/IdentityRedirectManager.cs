using Microsoft.AspNetCore.Components;

namespace SafeBrussels.Exchange.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)
            || uri.StartsWith("//", StringComparison.Ordinal)
            || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }

        navigationManager.NavigateTo(uri);
    }

    /// <summary>Redirects and shows a message on the next page; <paramref name="messageKey"/> is a resource key, "!" first for an error.</summary>
    public void RedirectToWithStatus(string uri, string messageKey, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, messageKey, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
