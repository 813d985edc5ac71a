using Microsoft.AspNetCore.Http.Extensions;
using SafeBrussels.Exchange.Web.Infrastructure.Text;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// Control characters in a query string (a NUL in <c>?theme=%00</c>) never reach a query: the API refuses them with a
/// problem document naming the parameter; a page is sent to its address without them (a redirect, so that the browser's
/// address, which an interactive page reads again, holds none either), as a person would have meant it.
/// </summary>
public static class QueryStringGuard
{
    public static IApplicationBuilder UseQueryStringGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var query = context.Request.Query;
            var dirty = query.Where(p => ControlCharacters.Contains(p.Key) || p.Value.Any(v => v is not null && ControlCharacters.Contains(v))).ToList();
            if (dirty.Count == 0)
            {
                await next(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var problems = dirty.ToDictionary(p => ControlCharacters.Clean(p.Key), _ => new[] { "must not contain control characters." });
                await Results.ValidationProblem(problems).ExecuteAsync(context);
                return;
            }

            var builder = new QueryBuilder();
            foreach (var (key, values) in query)
            {
                builder.Add(ControlCharacters.Clean(key), values.Select(v => ControlCharacters.Clean(v ?? "")).ToArray());
            }

            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Redirect(context.Request.PathBase + context.Request.Path + builder.ToQueryString());
                return;
            }

            context.Request.QueryString = builder.ToQueryString();
            await next(context);
        });
}
