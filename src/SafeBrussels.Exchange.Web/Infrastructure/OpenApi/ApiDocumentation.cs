using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c> and its interactive reference (Scalar) at
/// <c>/api/reference</c> for signed-in members. Every endpoint names and describes its operation beside it
/// (<see cref="ApiOperation"/>); the shared descriptions of the query parameters live in <see cref="ApiExamples"/>.
/// </summary>
public static class ApiDocumentation
{
    public const string ReferencePath = "/api/reference";
    public const string BearerScheme = "bearer";

    private const string ContrastCss = """
        :root, .light-mode {
            --scalar-color-1: #111111;
            --scalar-color-2: #333333;
            --scalar-color-3: #4a4a4a;
            --scalar-color-green: #0a6630;
            --scalar-color-blue: #0b4f8a;
            --scalar-color-orange: #8a4500;
            --scalar-color-yellow: #6e5400;
            --scalar-color-red: #a3141c;
            --scalar-color-purple: #5b2a86;
            --scalar-color-accent: #0b4f8a;
        }
        """;

    public static IServiceCollection AddExchangeOpenApi(this IServiceCollection services) => services
        // The API's numbers are JSON numbers, and its schemas say so (the web default also reads numbers from strings).
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict)
        .AddValidation()
        .AddOpenApi("v1", options =>
        {
            // Only the public API: the pages, sign-in forms and feeds are not part of it.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                // The platform's public address, never the Host header of the request that asked for the document.
                var baseUrl = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.PublicUrlOptions>>().Value.PublicBaseUrl.TrimEnd('/');
                document.Servers = [new OpenApiServer { Url = baseUrl }];
                document.Info = new OpenApiInfo
                {
                    Title = "SafeBrussels Exchange API",
                    Version = "v1",
                    Description =
                        "Meetings, practices and search across the administrations of the exchange, under the same sharing rules " +
                        "(FIRST TLP 2.0) as the pages: every answer holds only what the caller may see. Authenticate with a personal " +
                        "access token (Profile → API tokens) sent as `Authorization: Bearer sbx_…`. See docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (sbx_…), made on the profile page or with `tokens issue`.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                ApiExamples.Describe(operation, context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiOperation>().FirstOrDefault());
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        // The document itself is public (it describes shapes, never data); the reference page is for members.
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference(ReferencePath, options =>
        {
            options.WithTitle("SafeBrussels Exchange API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(BearerScheme)
                .ExpandAllTags()
                .HideDarkModeToggle()
                // Nothing leaves the platform from this page: no telemetry, no hosted AI agent or MCP, no web fonts.
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .DisableDefaultFonts()
                .HideDeveloperTools()
                .ForceLightMode()
                // The page's language, and colours dark enough for WCAG AA contrast (axe runs on this page too).
                .AddHeadContent("<script>document.documentElement.lang = 'en';</script>")
                .WithCustomCss(ContrastCss);
        }).RequireAuthorization();
    }
}
