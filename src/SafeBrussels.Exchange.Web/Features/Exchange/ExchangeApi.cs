using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Exchange.Api;
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
        endpoints.MapPost("/api/v1/import", async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> (
            HttpContext context,
            ExchangeImporter importer,
            [Description("true: check the file and report what would change, without writing anything.")] bool? dryRun) =>
        {
            var sizeLimit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (sizeLimit is { IsReadOnly: false })
            {
                sizeLimit.MaxRequestBodySize = MaxImportBytes;
            }

            var report = await importer.ImportAsync(context.Request.Body, dryRun == true, context.RequestAborted, Viewer.From(context.User));
            if (report.Succeeded)
            {
                return TypedResults.Ok(ImportResponse.From(report));
            }

            // A problem document like every error of the API, with each problem's JSON path, code and message.
            return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The file was refused; nothing was imported.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["problems"] = report.Problems.Select(p => new { path = p.Path, code = p.Code, message = p.Message }).ToList(),
                    });
        }).RequireAuthorization(Policies.PlatformAdmin).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes))
            .Documented(Importing).WithTags("Exchange format")
            .Accepts<ExchangeDocument>("application/json");

        endpoints.MapGet("/api/v1/export", async Task<Results<PushStreamHttpResult, ValidationProblem>> (
            HttpContext context,
            ExchangeExporter exporter,
            ExchangeDbContext db,
            [Description("Only this organization's records (its key, e.g. safe-brussels).")] string? org) =>
        {
            if (!string.IsNullOrEmpty(org) && !await db.Organizations.AnyAsync(o => o.Key == org, context.RequestAborted))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["org"] = [$"no organization has the key '{org}'."] });
            }

            var document = await exporter.ExportAsync(Viewer.From(context.User)!, string.IsNullOrEmpty(org) ? null : org, context.RequestAborted);
            var name = $"safebrussels-exchange-{(string.IsNullOrEmpty(org) ? "all" : org)}-{DateTime.UtcNow:yyyyMMdd}.json";
            return TypedResults.Stream(stream => ExchangeExporter.WriteAsync(stream, document, context.RequestAborted), "application/json", name);
        }).RequireAuthorization().Documented(Exporting).WithTags("Exchange format")
            .Produces<ExchangeDocument>(StatusCodes.Status200OK, "application/json");
    }
}
