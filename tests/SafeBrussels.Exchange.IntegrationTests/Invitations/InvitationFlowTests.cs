using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Invitations;

namespace SafeBrussels.Exchange.IntegrationTests.Invitations;

[Collection(WebAppCollection.Name)]
public sealed partial class InvitationFlowTests(AppFixture app)
{
    [Fact]
    public async Task Invited_person_sets_a_password_from_the_mailed_link_and_signs_in()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var outcome = await InviteAsync(admin, email, ExchangeRole.Contributor, "fr");
        Assert.True(outcome.Result.Succeeded);

        var mail = await app.Smtp.WaitForMessageToAsync(email);
        Assert.NotNull(mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("Invitation à rejoindre", mail.Subject);
        var link = LinkIn(mail.TextBody);
        Assert.Contains(link, mail.HtmlBody);

        using var session = app.NewSession();
        var (page, document) = await session.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(email, document.QuerySelector("#invited-email")?.GetAttribute("value"));

        var accepted = await session.SubmitFormAsync(link, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Amélie Nouvelle",
            ["Input.Password"] = "a long and new password",
            ["Input.ConfirmPassword"] = "a long and new password",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("/Account/Login", accepted.Headers.Location!.ToString());

        var signIn = await session.SignInAsync(email, "a long and new password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("Login", signIn.Headers.Location!.ToString());

        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(ExchangeRole.Contributor, user.Role);
        Assert.Equal(organization.Id, user.OrganizationId);
        Assert.Equal("fr", user.PreferredLanguage);
    }

    [Fact]
    public async Task Reused_invitation_link_is_refused_with_a_clear_message()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email, ExchangeRole.Reader, "en");
        var link = LinkIn((await app.Smtp.WaitForMessageToAsync(email)).TextBody);

        using var session = app.NewSession();
        var first = await session.SubmitFormAsync(link, "accept-invitation", NewAccount("first password is long"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var other = app.NewSession();
        var (again, document) = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", document.QuerySelector("[data-testid=invitation-problem]")?.TextContent);
        Assert.Null(document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task Expired_invitation_link_is_refused_with_a_clear_message_and_creates_no_account()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"late-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email, ExchangeRole.Reader, "nl");
        var link = LinkIn((await app.Smtp.WaitForMessageToAsync(email)).TextBody);

        await using (var db = app.Database.CreateContext())
        {
            await db.Invitations.Where(i => i.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var (response, document) = await session.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("verlopen", document.QuerySelector("[data-testid=invitation-problem]")?.TextContent);

        await using var check = app.Database.CreateContext();
        Assert.False(await check.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Invitation_expires_seven_days_after_it_is_sent_and_only_the_token_hash_is_stored()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"week-{Guid.NewGuid():N}@example.org";
        var before = DateTimeOffset.UtcNow;
        await InviteAsync(admin, email, ExchangeRole.Reader, "en");

        await using var db = app.Database.CreateContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.InRange(invitation.ExpiresAt - before, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var token = LinkIn((await app.Smtp.WaitForMessageToAsync(email)).TextBody).Split("token=")[1];
        Assert.Equal(Web.Infrastructure.Security.SecretToken.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash);
    }

    [Fact]
    public async Task The_invitation_page_opens_in_the_language_the_invitation_was_sent_in_not_the_browser_one()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"dutch-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email, ExchangeRole.Reader, "nl");
        var link = LinkIn((await app.Smtp.WaitForMessageToAsync(email)).TextBody);

        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var (response, document) = await session.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welkom bij", document.QuerySelector("h1")!.TextContent);

        // The switcher on the page still decides for this browser.
        using var switched = app.NewSession();
        switched.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        await switched.Client.GetAsync(Web.Features.Localization.CultureEndpoints.Link("en", link));
        (_, document) = await switched.GetAsync(link);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Unknown_invitation_link_is_refused_with_a_message()
    {
        using var session = app.NewSession();
        var (response, document) = await session.GetAsync("/Account/Invitation?token=not-a-real-token");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid", document.QuerySelector("[data-testid=invitation-problem]")?.TextContent);
    }

    [Fact]
    public async Task Organization_admin_cannot_invite_into_another_organization_or_make_platform_admins()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (_, reader) = await app.CreateUserAsync(organization, ExchangeRole.Reader);

        Assert.Equal("Error.Forbidden", (await InviteAsync(admin, "x@example.org", ExchangeRole.Reader, "en", other.Id)).Result.ErrorFor(""));
        Assert.Equal("Error.Forbidden", (await InviteAsync(admin, "y@example.org", ExchangeRole.PlatformAdmin, "en")).Result.ErrorFor("Role"));
        Assert.Equal("Error.Forbidden", (await InviteAsync(reader, "z@example.org", ExchangeRole.Reader, "en")).Result.ErrorFor(""));
        Assert.Equal("Validation.Email", (await InviteAsync(admin, "not an email", ExchangeRole.Reader, "en")).Result.ErrorFor("Email"));
    }

    [Fact]
    public async Task Inviting_an_existing_member_is_refused()
    {
        var organization = await app.CreateOrganizationAsync();
        var (member, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var outcome = await InviteAsync(admin, member.Email!.ToUpperInvariant(), ExchangeRole.Reader, "en");
        Assert.Equal("Validation.EmailAlreadyMember", outcome.Result.ErrorFor("Email"));
    }

    private Task<InvitationOutcome> InviteAsync(
        SafeBrussels.Exchange.Web.Features.Accounts.Viewer inviter, string email, ExchangeRole role, string language, Guid? organizationId = null) =>
        app.WithServiceAsync(services => services.GetRequiredService<InvitationService>()
            .InviteAsync(inviter, new InvitationRequest(email, organizationId ?? inviter.OrganizationId, role, language)));

    private static Dictionary<string, string> NewAccount(string password) => new()
    {
        ["Input.DisplayName"] = "Someone",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static string LinkIn(string? text)
    {
        var match = InvitationLink().Match(text ?? "");
        Assert.True(match.Success, "No invitation link in the mail:\n" + text);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://localhost/Account/Invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLink();
}
