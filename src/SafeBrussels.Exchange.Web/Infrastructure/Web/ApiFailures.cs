namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// An unexpected failure of the API answers a problem document (application/problem+json, status 500, nothing of the
/// exception, which is logged), never the HTML error page that the pages keep.
/// </summary>
public static class ApiFailures
{
    public static IApplicationBuilder UseApiProblemOnFailure(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiFailures).FullName!)
                    .LogError(exception, "Unhandled failure of {Method} {Path}", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred; it has been logged.")
                    .ExecuteAsync(context);
            }
        });
}
