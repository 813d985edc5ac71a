using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>Outside Development an unexpected failure shows the error page: no stack trace, no SQL, no exception text.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ErrorPageTests(AppFixture app)
{
    private const string Secret = "SELECT password_hash FROM users WHERE email = 'x' -- internal detail";

    [Fact]
    public async Task A_failure_shows_the_generic_error_page_without_its_details()
    {
        using var failing = app.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>()));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        using var response = await client.GetAsync("/test/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1", body);
        Assert.DoesNotContain("password_hash", body);
        Assert.DoesNotContain("SELECT", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("   at ", body);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_failure_of_the_api_answers_a_problem_document_without_its_details()
    {
        using var failing = app.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>()));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/test/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, body[..Math.Min(body.Length, 3000)]);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("password_hash", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("<html", body);
    }

    /// <summary>A route the application does not have, answered after the whole pipeline by throwing.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use(following => context =>
                context.Request.Path == "/test/fail" || context.Request.Path == "/api/test/fail" ? throw new InvalidOperationException(Secret) : following(context));
        };
    }
}
