using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Members;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Pages_require_sign_in()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync("/organizations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Account_is_locked_after_five_failed_sign_ins_even_for_the_right_password()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await session.SignInAsync(user.Email!, "wrong password " + attempt);
            if (attempt < 5)
            {
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
                Assert.Contains("Sign-in failed", await failed.Content.ReadAsStringAsync());
            }
            else
            {
                Assert.EndsWith("/Account/Lockout", failed.Headers.Location!.ToString());
            }
        }

        var right = await session.SignInAsync(user.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.EndsWith("/Account/Lockout", right.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Deactivated_member_loses_every_session_at_once_and_cannot_sign_in_again()
    {
        var organization = await app.CreateOrganizationAsync();
        var (member, _) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        using var session = app.NewSession();
        using var otherDevice = app.NewSession();
        foreach (var open in new[] { session, otherDevice })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await open.SignInAsync(member.Email!, AppFixture.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await open.Client.GetAsync("/profile")).StatusCode);
        }

        var result = await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().DeactivateAsync(admin, member.Id));
        Assert.True(result.Succeeded);

        foreach (var open in new[] { session, otherDevice })
        {
            var afterwards = await open.Client.GetAsync("/profile");
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
            Assert.StartsWith("https://localhost/Account/Login", afterwards.Headers.Location!.ToString());
        }

        using var again = app.NewSession();
        var signIn = await again.SignInAsync(member.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sign-in failed", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Members_of_another_organization_cannot_be_deactivated_by_an_organization_admin()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (stranger, _) = await app.CreateUserAsync(other, ExchangeRole.Reader);

        var result = await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().DeactivateAsync(admin, stranger.Id));
        Assert.Equal("Error.NotFound", result.ErrorFor(""));
    }

    [Fact]
    public async Task Session_cookie_is_http_only_same_site_lax_and_secure()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        var response = await session.SignInAsync(user.Email!, AppFixture.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("exchange.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("secure", cookie);
    }

    [Fact]
    public async Task Password_reset_by_email_lets_the_member_sign_in_with_the_new_password()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader, language: "nl");
        using var session = app.NewSession();
        var asked = await session.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        Assert.EndsWith("/Account/ForgotPasswordConfirmation", asked.Headers.Location!.ToString());

        var mail = await app.Smtp.WaitForMessageToAsync(user.Email!);
        Assert.Contains("wachtwoord", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(mail.HtmlBody);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value).PathAndQuery;

        var reset = await session.SubmitFormAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = "my brand new password",
            ["Input.ConfirmPassword"] = "my brand new password",
        });
        Assert.EndsWith("/Account/ResetPasswordConfirmation", reset.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);
        var signIn = await session.SignInAsync(user.Email!, "my brand new password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_pbkdf2_at_210000_iterations_or_more()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.True(iterations >= 210_000, $"PBKDF2 iteration count is {iterations}");
    }

    [GeneratedRegex(@"https://localhost/Account/ResetPassword\?code=[A-Za-z0-9_\-]+")]
    private static partial Regex ResetLink();
}
