using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Tokens;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Tokens;

[Collection(AppCollection.Name)]
public sealed class TokenTests(AppFixture app)
{
    [Fact]
    public async Task Tokens_issue_prints_the_token_alone_on_the_last_line_and_it_opens_the_api()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await ExchangeCli.RunAsync(app.Factory.Services, ["tokens", "issue", "--email", user.Email!, "--days", "3"], output, error));

        var token = output.ToString().TrimEnd().Split('\n').Last();
        Assert.Matches("^sbx_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(HttpStatusCode.OK, (await Api(token)).StatusCode);

        await using var db = app.Database.CreateContext();
        var stored = await db.PersonalAccessTokens.SingleAsync(t => t.UserId == user.Id);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(3), TimeSpan.FromDays(3).Add(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Revoked_expired_unknown_tokens_and_deactivated_members_get_401()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (other, owner) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var tokens = (Func<Guid, Task<string>>)(async id =>
            (await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().IssueAsync(id, "test", 5))).Token!);

        var revoked = await tokens(other.Id);
        var id = (await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().ListAsync(owner))).Single().Id;
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().RevokeAsync(owner, id))).Succeeded);
        var expired = await tokens(user.Id);
        await using (var db = app.Database.CreateContext())
        {
            await db.PersonalAccessTokens.Where(t => t.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        var (deactivated, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var ofDeactivated = await tokens(deactivated.Id);
        Assert.Equal(HttpStatusCode.OK, (await Api(ofDeactivated)).StatusCode);
        await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().DeactivateAsync(admin, deactivated.Id));

        foreach (var token in new[] { revoked, expired, ofDeactivated, "sbx_not-a-token", "garbage" })
        {
            var response = await Api(token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    private async Task<HttpResponseMessage> Api(string token)
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/meetings");
    }
}
