using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Organizations;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

/// <summary>TOTP two-factor authentication end to end, as an authenticator app would compute the codes (RFC 6238).</summary>
[Collection(AppCollection.Name)]
public sealed class TwoFactorTests(AppFixture app)
{
    private const string Manage = "/Account/Manage/TwoFactorAuthentication";

    [Fact]
    public async Task A_member_turns_it_on_then_signs_in_with_a_code_or_once_with_each_recovery_code()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var (page, document) = await session.GetAsync(Manage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(document.QuerySelector(".account-qr svg"));
        var key = KeyOf(document.QuerySelector("#authenticator-key")!.TextContent);

        // A wrong code leaves it off.
        var wrong = await session.SubmitFormAsync(Manage, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" == Code(key) ? "111111" : "000000" });
        Assert.Contains("This code is not valid", await wrong.Content.ReadAsStringAsync());
        Assert.False(await TwoFactorEnabledAsync(user.Id));

        var enabled = await session.SubmitFormAsync(Manage, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = Code(key) });
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        Assert.True(await TwoFactorEnabledAsync(user.Id));

        // The password alone no longer signs in: a code is asked for first.
        using var phone = app.NewSession();
        var first = await phone.SignInAsync(user.Email!, AppFixture.Password);
        Assert.Contains("/Account/LoginWith2fa", first.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Client.GetAsync("/profile")).StatusCode);
        var refused = await phone.SubmitFormAsync(first.Headers.Location!.PathAndQuery(), "login-2fa", new Dictionary<string, string> { ["Input.Code"] = "12345" });
        Assert.Contains("This code is not valid", await refused.Content.ReadAsStringAsync());
        var second = await phone.SubmitFormAsync(first.Headers.Location!.PathAndQuery(), "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/profile")).StatusCode);

        // A recovery code signs in once.
        using var laptop = app.NewSession();
        await laptop.SignInAsync(user.Email!, AppFixture.Password);
        var recovered = await laptop.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/profile")).StatusCode);
        using var again = app.NewSession();
        await again.SignInAsync(user.Email!, AppFixture.Password);
        var reused = await again.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Contains("not valid or was already used", await reused.Content.ReadAsStringAsync());

        // New recovery codes and turning it off ask for the password again.
        var noCodes = await laptop.SubmitFormAsync(Manage, "new-recovery-codes", new Dictionary<string, string> { ["CodesPassword"] = "not the password" });
        Assert.Empty(RecoveryCodes(await noCodes.Content.ReadAsStringAsync()));
        var newCodes = await laptop.SubmitFormAsync(Manage, "new-recovery-codes", new Dictionary<string, string> { ["CodesPassword"] = AppFixture.Password });
        Assert.Equal(10, RecoveryCodes(await newCodes.Content.ReadAsStringAsync()).Count);

        var (_, manage) = await laptop.GetAsync(Manage);
        Assert.NotNull(manage.QuerySelector("input[name='_handler'][value='disable-2fa']"));
        var notOff = await laptop.SubmitFormAsync(Manage, "disable-2fa", new Dictionary<string, string> { ["DisablePassword"] = "not the password" });
        Assert.Contains("This is not your current password.", await notOff.Content.ReadAsStringAsync());
        Assert.True(await TwoFactorEnabledAsync(user.Id));
        var off = await laptop.SubmitFormAsync(Manage, "disable-2fa", new Dictionary<string, string> { ["DisablePassword"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(user.Id));

        await using var db = app.Database.CreateContext();
        var trail = await db.AuditEntries.Where(e => e.ActorId == user.Id).OrderBy(e => e.Id).Select(e => e.Action + " " + e.Detail).ToListAsync();
        Assert.Contains(AuditActions.TwoFactorEnabled + " ", trail);
        Assert.Contains(AuditActions.SignInSucceeded + " authenticator code", trail);
        Assert.Contains(AuditActions.SignInFailed + " authenticator code", trail);
        Assert.Contains(AuditActions.SignInSucceeded + " recovery code", trail);
    }

    [Fact]
    public async Task When_the_organization_requires_it_a_member_without_it_sets_it_up_before_being_signed_in()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (member, _) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (outsider, _) = await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Contributor);
        var set = await app.WithServiceAsync(s => s.GetRequiredService<OrganizationService>().SetTwoFactorRequiredAsync(admin, organization.Id, true));
        Assert.True(set.Succeeded);

        // Without a right password first, the set-up page sends to sign-in.
        using var stranger = app.NewSession();
        var direct = await stranger.Client.GetAsync("/Account/EnrollTwoFactor");
        Assert.Contains("/Account/Login", direct.Headers.Location!.ToString());

        using var session = app.NewSession();
        var signIn = await session.SignInAsync(member.Email!, AppFixture.Password);
        Assert.Contains("/Account/EnrollTwoFactor", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/profile")).StatusCode);
        // Half signed in, the code page does not let a member skip setting two-factor up.
        var skip = await session.Client.GetAsync("/Account/LoginWith2fa");
        Assert.Contains("/Account/EnrollTwoFactor", skip.Headers.Location!.ToString());
        var (page, document) = await session.GetAsync(signIn.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var key = KeyOf(document.QuerySelector("#authenticator-key")!.TextContent);
        // A return address elsewhere is not followed (open redirect): the page continues to the platform.
        var done = await session.SubmitFormAsync("/Account/EnrollTwoFactor?ReturnUrl=https%3A%2F%2Fevil.example%2F", "enrol-2fa", new Dictionary<string, string> { ["Input.Code"] = Code(key) });
        var html = await done.Content.ReadAsStringAsync();
        Assert.Equal(10, RecoveryCodes(html).Count);
        var continueLink = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("a.account-button");
        Assert.Equal("/", continueLink?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/profile")).StatusCode);

        // It cannot be turned off while the organization requires it.
        var (_, manage) = await session.GetAsync(Manage);
        Assert.Null(manage.QuerySelector("input[name='_handler'][value='disable-2fa']"));

        // A member of another organization is not concerned.
        using var other = app.NewSession();
        var outsiderSignIn = await other.SignInAsync(outsider.Email!, AppFixture.Password);
        Assert.DoesNotContain("Account", outsiderSignIn.Headers.Location!.ToString());

        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == admin.UserId && e.Action == AuditActions.OrganizationUpdated && e.Detail!.EndsWith("two-factor required")));
    }

    private static string KeyOf(string spaced) => spaced.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static List<string> RecoveryCodes(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("[data-testid='recovery-codes'] code").Select(c => c.TextContent.Trim()).ToList();
    }

    private async Task<bool> TwoFactorEnabledAsync(Guid userId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync();
    }
}

internal static class UriPaths
{
    /// <summary>The path and query of a redirect, absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/');
}
