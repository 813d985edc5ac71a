using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// <c>POST /api/v1/import</c> (platform administrators; <c>?dryRun=true</c> only checks) and
/// <c>GET /api/v1/export?org=KEY</c> (what the caller may see).
/// </summary>
public static class ExchangeApi
{
    private static readonly ApiOperation Importing = new(
        "Import",
        "Import an exchange-format file (platform administrators)",
        "The request body is an exchange-v1 JSON document. All or nothing: any problem refuses the whole file and lists every problem with its JSON path.",
        """
        {"dryRun":false,"created":{"organizations":0,"practices":12,"meetings":3},"updated":{"organizations":1,"practices":0,"meetings":0},
         "unchanged":{"organizations":3,"practices":40,"meetings":8}}
        """,
        [400, 401, 403]);

    private static readonly ApiOperation Exporting = new(
        "Export",
        "Export what you may see in the exchange format",
        "An exchange-v1 JSON document of the organizations, practices and meetings you may see; `org` keeps one organization's records.",
        """
        {"format":"safebrussels-exchange/1","organizations":[{"key":"gent","name":"Stad Gent","city":"Gent","country":"BE"}],"practices":[],"meetings":[]}
        """,
        [400, 401]);

    public const long MaxImportBytes = 512L * 1024 * 1024;

    public static void MapExchangeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/import", async (HttpContext context, ExchangeImporter importer, bool? dryRun) =>
        {
            var sizeLimit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (sizeLimit is { IsReadOnly: false })
            {
                sizeLimit.MaxRequestBodySize = MaxImportBytes;
            }

            var report = await importer.ImportAsync(context.Request.Body, dryRun == true, context.RequestAborted, Viewer.From(context.User));
            return report.Succeeded
                ? Results.Ok(new { dryRun = !report.Written, created = Counts(report.Created), updated = Counts(report.Updated), unchanged = Counts(report.Unchanged) })
                // A problem document like every error of the API, with each problem's JSON path, code and message.
                : Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The file was refused; nothing was imported.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["problems"] = report.Problems.Select(p => new { path = p.Path, code = p.Code, message = p.Message }).ToList(),
                    });
        }).RequireAuthorization(Policies.PlatformAdmin).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes))
            .Documented(Importing).WithTags("Exchange format")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json");

        endpoints.MapGet("/api/v1/export", async (HttpContext context, ExchangeExporter exporter, ExchangeDbContext db, string? org) =>
        {
            if (!string.IsNullOrEmpty(org) && !await db.Organizations.AnyAsync(o => o.Key == org, context.RequestAborted))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["org"] = [$"no organization has the key '{org}'."] });
            }

            var document = await exporter.ExportAsync(Viewer.From(context.User)!, string.IsNullOrEmpty(org) ? null : org, context.RequestAborted);
            var name = $"safebrussels-exchange-{(string.IsNullOrEmpty(org) ? "all" : org)}-{DateTime.UtcNow:yyyyMMdd}.json";
            return Results.Stream(stream => ExchangeExporter.WriteAsync(stream, document, context.RequestAborted), "application/json", name);
        }).RequireAuthorization().Documented(Exporting).WithTags("Exchange format");
    }

    private static object Counts(ImportCounts counts) => new { organizations = counts.Organizations, practices = counts.Practices, meetings = counts.Meetings };
}
