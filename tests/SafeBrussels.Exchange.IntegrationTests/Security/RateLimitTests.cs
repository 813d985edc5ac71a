using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>Sign-in, password reset and the API answer 429 with Retry-After past their limits.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RateLimitTests(AppFixture app)
{
    [Fact]
    public async Task Past_the_limit_sign_in_password_reset_and_api_answer_429_with_retry_after()
    {
        await using var limited = new ExchangeAppFactory(app.Database, app.Smtp, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "60",
            ["RateLimits:PasswordReset:PermitLimit"] = "2",
            ["RateLimits:PasswordReset:WindowSeconds"] = "600",
            ["RateLimits:Api:PermitLimit"] = "2",
            ["RateLimits:Api:WindowSeconds"] = "60",
        });
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (other, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);

        // Sign-in: three posts are answered (wrong password: the form again), the fourth is refused in French.
        using var session = new WebSession(limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        session.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(user.Email!, "wrong password")).StatusCode);
        }

        var refused = await session.SignInAsync(user.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync());

        // Password reset: two requests, then 429.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var asked = await session.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, asked.StatusCode);
        }

        var tooMany = await session.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.True(tooMany.Headers.Contains("Retry-After"));

        // The API: a limit per member; another member still gets through.
        using var api = await Bearer(limited, user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/practices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/meetings")).StatusCode);
        using var third = await api.GetAsync("/api/v1/search?q=drugs");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.InRange(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        using var colleague = await Bearer(limited, other);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/v1/practices")).StatusCode);
    }

    private static async Task<HttpClient> Bearer(ExchangeAppFactory factory, ApplicationUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<TokenService>().IssueAsync(user.Id, "rate", 1);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        return client;
    }
}
