using System.Net;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Digests;

/// <summary>The Hangfire dashboard at /admin/jobs answers platform administrators only.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class JobsDashboardTests(AppFixture app)
{
    [Theory]
    [InlineData(ExchangeRole.Reader)]
    [InlineData(ExchangeRole.OrgAdmin)]
    public async Task Members_who_are_not_platform_administrators_are_refused(ExchangeRole role)
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, role);
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);

        var response = await session.Client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_requests_are_refused()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_platform_administrator_sees_the_jobs()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(admin.Email!, AppFixture.Password)).StatusCode);

        var response = await session.Client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SafeBrussels Exchange", await response.Content.ReadAsStringAsync());
    }
}
