using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>Walks every GET route the application maps, signed in and not, and checks the security headers of each answer.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class SecurityHeadersTests(AppFixture app)
{
    [Fact]
    public async Task Every_route_answers_with_the_security_headers()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        // Not localhost: HSTS is never sent to localhost, and the walk must see it.
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://exchange.example") };
        using var signedIn = new WebSession(app.Factory.CreateClient(options));
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(admin.Email!, AppFixture.Password)).StatusCode);
        using var anonymous = app.Factory.CreateClient(options);

        var routes = Routes();
        Assert.Contains("/", routes);
        Assert.Contains("/api/v1/practices", routes);
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var problems = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (who, client) in new[] { ("member", signedIn.Client), ("anonymous", anonymous) })
            {
                using var response = await client.GetAsync(route);
                problems.AddRange(Check(response).Select(p => $"{who} GET {route} ({(int)response.StatusCode}): {p}"));
                // What a member is answered is theirs: never stored, except the application's own files (scripts, styles).
                if (who == "member" && response.Headers.CacheControl?.NoStore != true && !ApplicationFile().IsMatch(route))
                {
                    problems.Add($"member GET {route} ({(int)response.StatusCode}): Cache-Control without no-store ({response.Headers.CacheControl})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> Check(HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        var csp = Header(response, "Content-Security-Policy");
        if (csp is null)
        {
            yield return "no Content-Security-Policy";
        }
        else
        {
            if (csp.Contains("unsafe-eval", StringComparison.Ordinal))
            {
                yield return "CSP allows unsafe-eval";
            }

            if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            {
                yield return "CSP lacks frame-ancestors 'none'";
            }

            var scripts = Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value;
            var libraryPage = path.StartsWith("/api/reference", StringComparison.Ordinal) || path.StartsWith("/admin/jobs", StringComparison.Ordinal);
            if (scripts.Contains("unsafe-inline", StringComparison.Ordinal) && !libraryPage)
            {
                yield return "CSP allows inline scripts";
            }
        }

        foreach (var (name, expected) in new[]
        {
            ("Strict-Transport-Security", "max-age=31536000"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=()"),
        })
        {
            if (Header(response, name) is not { } value || !value.Contains(expected, StringComparison.Ordinal))
            {
                yield return $"{name} missing or without {expected}";
            }
        }
    }

    [GeneratedRegex(@"\.(css|js|mjs|png|ico|svg|woff2?|json|map|txt|gz|br)$")]
    private static partial Regex ApplicationFile();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>Every GET route pattern, with its parameters filled with plausible values.</summary>
    private List<string> Routes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(pattern => !pattern.Contains("**", StringComparison.Ordinal) && !pattern.Contains("{*", StringComparison.Ordinal))
            .Select(pattern => "/" + Regex.Replace(pattern.Trim('/'), @"\{([^}:?=]+)[^}]*\}", m => m.Groups[1].Value.ToLowerInvariant() switch
            {
                "key" => "street-harassment",
                "documentname" => "v1",
                "token" => "sbf_not-a-token",
                _ => Guid.NewGuid().ToString(),
            }))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
