using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>
/// What the OpenAPI document says of each operation beyond its route and typed contract: from the operation's own
/// <see cref="ApiOperation"/> (beside its endpoint), its summary, example answer and error responses. The parameters
/// are described where they are declared (<c>[Description]</c>).
/// </summary>
public static class ApiExamples
{
    public static void Describe(OpenApiOperation operation, ApiOperation? described)
    {
        if (described is null)
        {
            return;
        }

        operation.Summary = described.Summary;
        operation.Description = described.Description;
        // The answers keep the schema their typed results give them; the example is added beside it.
        operation.Responses ??= [];
        operation.Responses["200"] = WithExample(operation.Responses.GetValueOrDefault("200"), "OK", "application/json", described.Example);
        foreach (var status in described.Errors)
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var error = Error(status);
            operation.Responses[code] = error.Content is { } content && content.Count > 0
                ? WithExample(operation.Responses.GetValueOrDefault(code), error.Description!, content.Keys.Single(), content.Values.Single().Example!.ToJsonString())
                : error;
        }
    }

    private static OpenApiResponse WithExample(IOpenApiResponse? generated, string description, string mediaType, string example)
    {
        var schema = generated?.Content?.Values.FirstOrDefault()?.Schema;
        return new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [mediaType] = new() { Schema = schema, Example = JsonNode.Parse(example) },
            },
        };
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
