using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POST requests (the IETF httpapi draft's semantics): the first request with a
/// key runs and its answer is kept a day; a retry with the same key and the same request gets that answer again,
/// marked <c>Idempotent-Replayed: true</c>, and does nothing; the same key with another request is refused (422), and a
/// retry while the first still runs is refused (409). A first request that fails on the server's side (5xx) keeps
/// nothing, so that it can be retried. Keys are per member.
/// </summary>
public static class IdempotentApiRequests
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public static IApplicationBuilder UseIdempotentApiRequests(this IApplicationBuilder app) =>
        app.UseWhen(
            context => HttpMethods.IsPost(context.Request.Method)
                && context.Request.Path.StartsWithSegments("/api")
                && context.Request.Headers.ContainsKey(HeaderName),
            branch => branch.Use(RunAsync));

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!Idempotency.IsValid(key))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid Idempotency-Key header.",
                detail: $"An {HeaderName} is 1 to {IdempotencyKey.MaxKeyLength} visible ASCII characters, for example a UUID.").ExecuteAsync(context);
            return;
        }

        if (Viewer.From(context.User) is not { } viewer)
        {
            // The endpoint refuses an anonymous caller; there is nobody to keep the key for.
            await next(context);
            return;
        }

        var scope = $"POST {context.Request.Path}";
        var hash = await HashAsync(context);
        var dbFactory = context.RequestServices.GetRequiredService<IDbContextFactory<ExchangeDbContext>>();
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        await using (var db = await dbFactory.CreateDbContextAsync(context.RequestAborted))
        {
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO idempotency_keys (user_id, scope, key, created_at, request_hash)
                VALUES ({viewer.UserId}, {scope}, {key}, {time.GetUtcNow()}, {hash})
                ON CONFLICT DO NOTHING
                """,
                context.RequestAborted);
            if (claimed == 0)
            {
                var earlier = await db.IdempotencyKeys.AsNoTracking()
                    .SingleAsync(k => k.UserId == viewer.UserId && k.Scope == scope && k.Key == key, context.RequestAborted);
                await ReplayAsync(context, earlier, hash);
                return;
            }
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            if (context.Response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                var response = buffer.ToArray();
                var status = context.Response.StatusCode;
                var contentType = context.Response.ContentType;
                await db.IdempotencyKeys
                    .Where(k => k.UserId == viewer.UserId && k.Scope == scope && k.Key == key)
                    .ExecuteUpdateAsync(k => k
                        .SetProperty(x => x.StatusCode, status)
                        .SetProperty(x => x.ContentType, contentType)
                        .SetProperty(x => x.Response, response), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await db.IdempotencyKeys.Where(k => k.UserId == viewer.UserId && k.Scope == scope && k.Key == key)
                    .ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyKey earlier, string hash)
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was used for another request.",
                detail: "A key names one request: send a new key with a new request.").ExecuteAsync(context);
            return;
        }

        if (earlier.StatusCode is not { } status)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A request with this Idempotency-Key is still running.",
                detail: "Retry in a moment: its answer will then be replayed.").ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeaderName] = "true";
        if (earlier.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
        }

        await context.Response.Body.WriteAsync(earlier.Response ?? [], context.RequestAborted);
    }

    /// <summary>The request's query string and body, hashed; the body is kept readable for the endpoint.</summary>
    private static async Task<string> HashAsync(HttpContext context)
    {
        // The body is read here, before the endpoint: the endpoint's own size limit must hold already.
        var sizeLimit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { } limit
            && sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = limit.MaxRequestBodySize;
        }

        context.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.QueryString.Value ?? ""));
        sha.AppendData([0]);
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        context.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
