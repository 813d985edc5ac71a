using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.ApiDocs;

[Collection(WebAppCollection.Name)]
public sealed class OpenApiDocumentTests(AppFixture app)
{
    [Fact]
    public async Task The_document_lists_every_api_v1_endpoint_with_its_parameters_and_an_example()
    {
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        // Every endpoint the application maps under /api/v1, read from the routing table itself.
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Path: Normalize(e.RoutePattern.RawText!), Method: method.ToLowerInvariant())))
            .ToList();
        Assert.True(endpoints.Count >= 7, $"only {endpoints.Count} endpoints found");

        foreach (var (path, method) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{path} has no summary");
            var example = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
            Assert.Equal(JsonValueKind.Object, example.ValueKind);
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), $"{path}: parameter {parameter.GetProperty("name")} is undescribed");
            }
        }

        // Nothing but the API, and the search contract's parameters are there.
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name));
        var search = paths.GetProperty("/api/v1/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "q", "type", "theme", "org", "lang", "page", "pageSize" }, search.ToHashSet());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task Every_operation_answers_a_named_schema_with_its_properties()
    {
        using var client = app.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var operations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var answer = operation.Value.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Single().Value;
                Assert.True(answer.TryGetProperty("schema", out var schema), $"{where}: the answer has no schema");
                var reference = schema.TryGetProperty("$ref", out var named) ? named.GetString() : null;
                Assert.True(reference is not null && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal), $"{where}: the answer's schema is not named: {schema}");
                var name = reference["#/components/schemas/".Length..];
                Assert.NotEqual("JsonObject", name);
                var properties = schemas.GetProperty(name).GetProperty("properties");
                Assert.True(properties.EnumerateObject().Count() >= 2, $"{where}: {name} lists {properties}");
            }
        }

        Assert.Equal(7, operations);
        // The shapes people need to read are there with their fields.
        foreach (var (name, field) in new[] { ("PracticeResponse", "lineage"), ("MeetingResponse", "actionItems"), ("SearchResponse", "facets"), ("ImportResponse", "unchanged"), ("ExchangeDocument", "practices") })
        {
            Assert.True(schemas.GetProperty(name).GetProperty("properties").TryGetProperty(field, out _), $"{name} has no {field}");
        }
    }

    [Fact]
    public async Task The_reference_page_is_for_signed_in_members()
    {
        // Without a session, a person is sent to sign in and then back to the reference (not the browser's bare 401),
        // while the API itself still answers 401.
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/api/reference", "/api/reference/" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            var location = refused.Headers.Location!;
            Assert.Equal("/Account/Login", location.AbsolutePath);
            Assert.Equal(path, System.Web.HttpUtility.ParseQueryString(location.Query)["ReturnUrl"]);
        }

        using var api = await anonymous.GetAsync("/api/v1/practices");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        using var signIn = await session.SubmitFormAsync("/Account/Login?ReturnUrl=%2Fapi%2Freference%2F", "login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/api/reference/", new Uri(session.Client.BaseAddress!, signIn.Headers.Location!).AbsolutePath);
        using var page = await session.Client.GetAsync("/api/reference/");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode} {page.Headers.Location}");
        var html = await page.Content.ReadAsStringAsync();
        // Scalar resolves the document's address against the site's base path: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        // The reference's script is served by the application itself (no CDN: members' browsers may not reach one).
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.DoesNotContain("//", script);
        using var scriptResponse = await session.Client.GetAsync(new Uri(new Uri(session.Client.BaseAddress!, "/api/reference/"), script));
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
    }

    // Route parameters lose their constraints in OpenAPI paths: /api/v1/meetings/{id:guid} → /api/v1/meetings/{id}.
    private static string Normalize(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.Trim('/'), @"\{([^}:]+)(:[^}]*)?\}", "{$1}");
}
