using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// <c>POST /digests/unsubscribe?token=…</c>: RFC 8058 one-click unsubscribe from a mail client (body
/// <c>List-Unsubscribe=One-Click</c>, no cookie, no antiforgery token) and the confirm button of the unsubscribe page.
/// The GET of the same address is the page (<see cref="UnsubscribePage"/>), which changes nothing by itself.
/// </summary>
public static class UnsubscribeEndpoints
{
    public const string Path = "/digests/unsubscribe";

    public static void MapDigestUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (string? token, string? done, string? invalid, UnsubscribeTokens tokens) =>
                new RazorComponentResult<UnsubscribePage>(new
                {
                    Token = token,
                    Done = done == "1",
                    Invalid = invalid == "1" || (done != "1" && tokens.Read(token) is null),
                }))
            .AllowAnonymous();
        endpoints.MapPost(Path, async (HttpContext context, UnsubscribeTokens tokens, IDbContextFactory<ExchangeDbContext> dbFactory) =>
            {
                var userId = tokens.Read(context.Request.Query["token"]);
                var oneClick = context.Request.HasFormContentType
                    && (await context.Request.ReadFormAsync(context.RequestAborted))["List-Unsubscribe"] == "One-Click";
                if (userId is null)
                {
                    return oneClick
                        ? Results.BadRequest("The unsubscribe link is not valid.")
                        : Results.Redirect($"{Path}?invalid=1");
                }

                await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
                await db.Users.Where(u => u.Id == userId)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestFrequency, DigestFrequency.Off), context.RequestAborted);
                return oneClick
                    ? Results.Text("Unsubscribed.", "text/plain")
                    : Results.Redirect($"{Path}?done=1");
            })
            .DisableAntiforgery()
            .AllowAnonymous();
    }
}
