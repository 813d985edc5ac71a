using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.IntegrationTests.ScaleOut;

/// <summary>Two app instances on one database (what a load balancer serves) share one Data Protection key ring.</summary>
[Collection(AppCollection.Name)]
public sealed class SharedKeyRingTests(AppFixture app)
{
    [Fact]
    public async Task A_second_instance_reads_what_the_first_protected_and_accepts_its_sign_in_cookie()
    {
        await using var second = new ExchangeAppFactory(app.Database, app.Smtp);
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, Web.Data.ExchangeRole.Reader);

        // The key that protected the payload is the one stored in PostgreSQL (its id sits in the payload's header).
        var payload = app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out test").Protect([1, 2, 3]);
        var keyId = new Guid(payload.AsSpan(4, 16));
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == $"key-{keyId}"), $"key {keyId} is not in data_protection_keys");
        }

        Assert.Equal([1, 2, 3], second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out test").Unprotect(payload));

        // An unsubscribe link made by one instance works on the other.
        var token = app.Factory.Services.GetRequiredService<UnsubscribeTokens>().Create(user.Id);
        Assert.Equal(user.Id, second.Services.GetRequiredService<UnsubscribeTokens>().Read(token));

        // Signed in on the first instance, the same cookie opens a member page on the second.
        var cookies = new CookieContainer();
        using var first = new WebSession(app.Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
        var signIn = await first.SignInAsync(user.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("Login", signIn.Headers.Location!.ToString());
        using var other = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var profile = await other.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains(user.Email!, await profile.Content.ReadAsStringAsync());

        // Without the cookie the same page sends to sign-in: the 200 above is the cookie's doing.
        using var anonymous = second.CreateDefaultClient(new Uri("https://localhost"));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/profile")).StatusCode);
    }
}
