using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class PersonalDataTests(AppFixture app)
{
    [Fact]
    public async Task A_member_downloads_their_own_data_and_nobody_elses_and_no_secret()
    {
        var organization = await app.CreateOrganizationAsync();
        var (me, myself) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (colleague, colleagueViewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var practice = await app.CreateAsync(myself, PracticeBuilder.Input("Ma pratique de médiation"));
        await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(myself, RecordRef.Practice(practice), "Mon commentaire personnel"));
        await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(colleagueViewer, RecordRef.Practice(practice), "Le commentaire de ma collègue"));
        await using (var db = app.Database.CreateContext())
        {
            var theme = db.Themes.Single(t => t.Key == "radicalisation");
            await app.WithServiceAsync(s => s.GetRequiredService<FollowService>().FollowAsync(myself, FollowKind.Theme, theme.Id));
        }

        var token = (await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().IssueAsync(me.Id, "mon script", 5))).Token!;

        using var session = app.NewSession();
        await session.SignInAsync(me.Email!, AppFixture.Password);
        using var response = await session.Client.GetAsync("/profile/personal-data.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal(me.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(organization.Key, root.GetProperty("account").GetProperty("organizationKey").GetString());
        Assert.Contains(root.GetProperty("follows").EnumerateArray(), f => f.GetProperty("theme").GetString() == "radicalisation");
        Assert.Contains(root.GetProperty("practicesAuthored").EnumerateArray(), p => p.GetProperty("title").GetString() == "Ma pratique de médiation");
        Assert.Equal(["Mon commentaire personnel"], root.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        Assert.Equal("mon script", root.GetProperty("apiTokens").EnumerateArray().Single().GetProperty("name").GetString());
        // The audit trail about them (their sign-in, the token they made) and the versions they saved come with it.
        Assert.Contains(root.GetProperty("auditTrail").EnumerateArray(), e => e.GetProperty("action").GetString() == "sign-in.succeeded");
        Assert.Contains(root.GetProperty("auditTrail").EnumerateArray(), e => e.GetProperty("action").GetString() == "token.created");
        Assert.True(root.TryGetProperty("meetingVersionsSaved", out _));
        Assert.True(root.TryGetProperty("filesUploaded", out _));
        Assert.True(root.TryGetProperty("invitations", out _));
        Assert.True(root.TryGetProperty("passkeys", out _));

        // Nobody else's data, and no secret: neither the token nor any hash.
        Assert.DoesNotContain(colleague.Email!, text);
        Assert.DoesNotContain("Le commentaire de ma collègue", text);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tokenHash", text, StringComparison.OrdinalIgnoreCase);

        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/profile/personal-data.json")).StatusCode);
    }
}
