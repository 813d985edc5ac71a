using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// Rate limiting (ASP.NET Core's limiter, in memory per instance): a refused request gets 429 with Retry-After and a
/// short message in the caller's language (the API: a problem document). Behind a reverse proxy the client address
/// comes from X-Forwarded-For (docs/operations.md), or every member would share the proxy's limit.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddExchangeRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Classify(context) switch
            {
                ("sign-in", var key) => Fixed($"sign-in:{key}", limits.SignIn),
                ("password-reset", var key) => Fixed($"password-reset:{key}", limits.PasswordReset),
                ("api", var key) => Fixed($"api:{key}", limits.Api),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Every form that checks a password or a second factor before signing in.</summary>
    private static readonly HashSet<string> SignInPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/EnrollTwoFactor",
    };

    /// <summary>Which limit applies to the request, and whose it is: the client address, or the member for the API.</summary>
    public static (string? Limit, string Key) Classify(HttpContext context)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method))
        {
            // Routing also accepts a trailing slash: the limit must too.
            var path = (request.Path.Value ?? "").TrimEnd('/');
            if (SignInPaths.Contains(path))
            {
                return ("sign-in", address);
            }

            if (path.Equals("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase)
                || path.Equals("/Account/ResetPassword", StringComparison.OrdinalIgnoreCase))
            {
                return ("password-reset", address);
            }
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            return ("api", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? address);
        }

        return (null, "");
    }

    private static RateLimitPartition<string> Fixed(string key, RateWindow window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>().Plural("RateLimit.TooMany", seconds).Value;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimiting))
            .LogWarning("Rate limit {Limit} reached for {Path}; retry after {Seconds} s", Classify(context).Limit, context.Request.Path, seconds);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "Too many requests.", detail: $"Retry after {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, cancellationToken);
    }
}
