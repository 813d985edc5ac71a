using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>
/// What the OpenAPI document says of each operation beyond its route: the descriptions of the query parameters the
/// operations share, and, from the operation's own <see cref="ApiOperation"/> (beside its endpoint), its summary,
/// example answer and error responses.
/// </summary>
public static class ApiExamples
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["q"] = "The words to find, in French, Dutch or English; \"quoted phrases\", OR and -exclusion work as in a web search box.",
        ["type"] = "practice, meeting or comment.",
        ["theme"] = "A theme key (e.g. street-harassment); a theme includes its children.",
        ["org"] = "An organization key (e.g. safe-brussels).",
        ["lang"] = "fr, nl or en: the language the record is written in.",
        ["year"] = "A year (e.g. 2026).",
        ["sort"] = "Search: relevance (default) or date. Practices: newest (default), updated or title.",
        ["from"] = "Meetings: starting at or after this date or date-time (ISO 8601). Practices: created on or after this day (yyyy-MM-dd, Brussels time).",
        ["to"] = "Meetings: starting at or before this date or date-time (ISO 8601). Practices: created on or before this day (yyyy-MM-dd, Brussels time).",
        ["evidence"] = "untested, promising, evaluated or effective.",
        ["status"] = "planned, pilot, running, evaluated or stopped.",
        ["page"] = "The page, from 1.",
        ["pageSize"] = "Items a page: 20 by default.",
        ["dryRun"] = "true: check the file and report what would change, without writing anything.",
        ["id"] = "The record's id (a UUID, the `id` of a list item).",
    };


    public static void Describe(OpenApiOperation operation, ApiOperation? described)
    {
        if (described is null)
        {
            return;
        }

        operation.Summary = described.Summary;
        operation.Description = described.Description;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } parameterName && Parameters.TryGetValue(parameterName, out var text))
            {
                parameter.Description = text;
            }
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Example = JsonNode.Parse(described.Example) },
            },
        };
        foreach (var status in described.Errors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Error(status);
        }
    }

    private static OpenApiResponse Error(int status) => status switch
    {
        400 => new OpenApiResponse
        {
            Description = "A parameter or the body is invalid; each problem is named.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Example = JsonNode.Parse("""{"title":"One or more validation errors occurred.","status":400,"errors":{"pageSize":["must be a whole number from 1 to 100."]}}"""),
                },
            },
        },
        401 => new OpenApiResponse { Description = "No valid token: unknown, revoked or expired, or its member is deactivated." },
        403 => new OpenApiResponse { Description = "The token's member lacks the role this needs." },
        404 => new OpenApiResponse { Description = "No such record, or not one you may see (the two are never told apart)." },
        _ => new OpenApiResponse { Description = status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
