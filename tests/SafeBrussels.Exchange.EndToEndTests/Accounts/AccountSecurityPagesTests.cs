using Microsoft.Playwright;
using OtpNet;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.EndToEndTests.Accounts;

/// <summary>The account security pages in the browser: axe-clean in three languages, two-factor set up and used.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountSecurityPagesTests(BrowserFixture browser)
{
    private static readonly string[] Pages =
    [
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/DeleteAccount",
    ];

    [Fact]
    public async Task Security_pages_pass_axe_and_two_factor_works_end_to_end()
    {
        var email = await browser.CreateMemberAsync("stad-gent", ExchangeRole.Contributor);
        var page = await browser.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.SignInAsync(email);
        var violations = new List<string>();
        foreach (var language in new[] { "fr", "nl", "en" })
        {
            await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2Fprofile");
            foreach (var path in Pages)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response?.Ok, $"{path} answered {response?.Status}");
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
            }
        }

        // Set up with the key as an authenticator app would; the recovery codes are shown once.
        await page.GotoAsync("/Account/Manage/TwoFactorAuthentication");
        await Assertions.Expect(page.Locator(".account-qr svg")).ToBeVisibleAsync();
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.Locator("#Input\\.Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
        await page.Context.CloseAsync();

        // Next sign-in: the password, then the code.
        var next = await browser.NewPageAsync();
        await next.GotoAsync("/Account/Login");
        await next.Locator("input[name='Input.Email']").FillAsync(email);
        await next.Locator("input[name='Input.Password']").FillAsync(PageChecks.DemoPassword);
        await next.Locator("form button[type=submit]").ClickAsync();
        await next.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
        violations.AddRange(await next.SeriousAccessibilityViolationsAsync());
        await next.Locator("#Input\\.Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await next.Locator("form button[type=submit]").ClickAsync();
        await next.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await next.GotoAsync("/profile");
        await next.SettleAsync();
        Assert.EndsWith("/profile", next.Url);
        Assert.Equal(email, await next.Locator("#profile-email").InputValueAsync());
        await next.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Distinct()));
    }
}
