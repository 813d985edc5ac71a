using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Invitations;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class LogPrivacyTests(AppFixture app)
{
    [Fact]
    public async Task Logs_never_carry_passwords_invitation_tokens_or_reset_codes()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var email = $"private-{Guid.NewGuid():N}@example.org";
        const string password = "secret-passphrase-for-the-log-test";
        await app.WithServiceAsync(s => s.GetRequiredService<InvitationService>()
            .InviteAsync(admin, new InvitationRequest(email, organization.Id, ExchangeRole.Reader, "en")));
        var link = new Uri(Link().Match((await app.Smtp.WaitForMessageToAsync(email)).TextBody ?? "").Value).PathAndQuery;

        using var session = app.NewSession();
        await session.SubmitFormAsync(link, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Private Person",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        await session.SignInAsync(email, password + "-wrong");
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, password)).StatusCode);
        await session.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = await app.Smtp.WaitForMessageToAsync(email, matching: m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true);
        var code = Regex.Match(reset.TextBody ?? "", "code=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(code);

        var token = link.Split("token=")[1];
        var logged = app.Factory.LogEvents
            .Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values) + " " + e.Exception)
            .ToList();
        Assert.True(logged.Any(line => line.Contains("/Account/Invitation", StringComparison.Ordinal)), string.Join("\n", logged.Where(l => l.Contains("Account", StringComparison.Ordinal))));
        Assert.DoesNotContain(logged, line => line.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.Contains(code, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https://localhost/Account/Invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}
