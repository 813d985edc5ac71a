using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

/// <summary>Both session limits are configuration; here they are seconds instead of 30 minutes and 12 hours.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionLifetimeTests(AppFixture app)
{
    [Fact]
    public async Task Session_ends_after_the_configured_idle_time()
    {
        await using var factory = Factory(idle: "00:00:02", absolute: "12:00:00");
        using var session = await SignedInSessionAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/profile")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3));

        var idle = await session.Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", idle.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Session_ends_after_the_configured_absolute_time_even_while_in_use()
    {
        await using var factory = Factory(idle: "00:30:00", absolute: "00:00:03");
        using var session = await SignedInSessionAsync(factory);
        var clock = Stopwatch.StartNew();

        TimeSpan? endedAfter = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var response = await session.Client.GetAsync("/profile");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                endedAfter = clock.Elapsed;
                break;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(250);
        }

        Assert.NotNull(endedAfter);
        // The sign-in time has second precision: the end comes between 2 and 4 seconds after it.
        Assert.InRange(endedAfter.Value, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task Pages_do_not_write_the_session_cookie_again_and_the_application_files_stay_cacheable()
    {
        using var session = await SignedInSessionAsync(app.Factory);
        var first = await session.Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await session.Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // The member was read again (nothing changed): the cookie stays as it is, and so does its absence from the page.
        Assert.False(second.Headers.Contains("Set-Cookie"), string.Join(" | ", second.Headers.Select(h => h.Key)));

        var styles = System.Text.RegularExpressions.Regex.Match(await second.Content.ReadAsStringAsync(), "app\\.[a-z0-9]+\\.css").Value;
        Assert.NotEmpty(styles);
        var file = await session.Client.GetAsync("/" + styles);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.False(file.Headers.Contains("Set-Cookie"));
        // As the static files' own rules say (a year, immutable, once published), not "no-store" from a sign-in.
        Assert.False(file.Headers.CacheControl?.NoStore ?? false, file.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(file.Headers.Pragma, pragma => pragma.Name == "no-cache");
    }

    private ExchangeAppFactory Factory(string idle, string absolute) =>
        new(app.Database, app.Smtp, settings: new Dictionary<string, string?>
        {
            ["Authentication:IdleTimeout"] = idle,
            ["Authentication:AbsoluteTimeout"] = absolute,
        });

    private async Task<WebSession> SignedInSessionAsync(ExchangeAppFactory factory)
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var session = new WebSession(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);
        return session;
    }
}
