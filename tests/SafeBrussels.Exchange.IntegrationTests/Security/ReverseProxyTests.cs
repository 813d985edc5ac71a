using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>Forwarded headers are believed from the configured load balancers only (client address: audit trail, rate limits).</summary>
[Collection(WebAppCollection.Name)]
public sealed class ReverseProxyTests(AppFixture app)
{
    private const string Proxy = "198.51.100.10";
    private const string Client = "203.0.113.7";

    [Theory]
    [InlineData(null, Proxy)]
    [InlineData("198.51.100.0/24", Client)]
    public async Task The_client_address_comes_from_X_Forwarded_For_only_behind_a_trusted_proxy(string? trusted, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (trusted is not null)
        {
            settings["ReverseProxy:TrustedNetworks:0"] = trusted;
        }

        await using var factory = new ExchangeAppFactory(app.Database, app.Smtp, settings: settings).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(IPAddress.Parse(Proxy)))));
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = new WebSession(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);

        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.ActorId == user.Id && e.Action == AuditActions.SignInSucceeded);
        Assert.Equal(expected, entry.ClientAddress);
    }

    /// <summary>Every request arrives from <paramref name="address"/>, as if a load balancer there had sent it.</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following();
            });
            next(builder);
        };
    }
}
