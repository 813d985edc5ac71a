using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using SafeBrussels.Exchange.Web.Components.Layout;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Layout;

public sealed class NavMenuTests : MudBunitContext
{
    public NavMenuTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Theory]
    [InlineData(RoleNames.PlatformAdmin, new[] { "/", "/meetings", "/calendar", "/practices", "/action-items", "/organizations", "/members", "/admin/audit", "/themes", "/admin/import", "/admin/glossary", "/profile" })]
    [InlineData(RoleNames.OrgAdmin, new[] { "/", "/meetings", "/calendar", "/practices", "/action-items", "/organizations", "/members", "/admin/audit", "/profile" })]
    [InlineData(RoleNames.Contributor, new[] { "/", "/meetings", "/calendar", "/practices", "/action-items", "/organizations", "/profile" })]
    [InlineData(RoleNames.Reader, new[] { "/", "/meetings", "/calendar", "/practices", "/action-items", "/organizations", "/profile" })]
    public void Navigation_shows_each_role_what_it_may_use(string role, string[] expected)
    {
        SignIn(role);
        var menu = Render<CascadingAuthenticationState>(p => p.AddChildContent<NavMenu>());

        var links = menu.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(expected, links);
    }

    [Fact]
    public void Anonymous_visitor_only_sees_sign_in()
    {
        AddAuthorization();
        var menu = Render<CascadingAuthenticationState>(p => p.AddChildContent<NavMenu>());
        var link = Assert.Single(menu.FindAll("a[href]"));
        Assert.Equal("Account/Login", link.GetAttribute("href"));
    }

    [Fact]
    public void Navigation_is_translated()
    {
        SignIn(RoleNames.Reader);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        var menu = Render<CascadingAuthenticationState>(p => p.AddChildContent<NavMenu>());
        Assert.Contains("Organisaties", menu.Markup);
        Assert.Contains("Mijn profiel", menu.Markup);
    }

    private void SignIn(string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Test Person");
        authorization.SetRoles(role);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ExchangeClaims.OrganizationId, Guid.NewGuid().ToString()));
    }
}
