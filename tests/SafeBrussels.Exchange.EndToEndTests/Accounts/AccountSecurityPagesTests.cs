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
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/Passkeys", "/Account/Manage/Email", "/Account/Manage/ChangePassword",
        "/Account/Manage/DeleteAccount",
    ];

    [Fact]
    public async Task Security_pages_pass_axe_and_two_factor_works_end_to_end()
    {
        var email = await browser.CreateMemberAsync("stad-gent", ExchangeRole.Contributor);
        var page = await browser.NewPageAsync();
        var refused = page.CollectCspRefusals();
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
        // On a loaded 2-core machine the first post can be lost while the page's script starts (as in
        // PageChecks.SignInWithTheFormAsync): still on the sign-in form after 15 s, it is sent once more.
        for (var attempt = 1; ; attempt++)
        {
            await next.Locator("form button[type=submit]").First.ClickAsync();
            try
            {
                await next.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal), new() { Timeout = 15_000 });
                break;
            }
            catch (TimeoutException) when (attempt == 1 && next.Url.Contains("/Account/Login", StringComparison.Ordinal))
            {
            }
        }

        violations.AddRange(await next.SeriousAccessibilityViolationsAsync());
        await next.Locator("#Input\\.Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await next.Locator("form button[type=submit]").ClickAsync();
        await next.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await next.GotoAsync("/profile");
        await next.SettleAsync();
        Assert.EndsWith("/profile", next.Url);
        Assert.Equal(email, await next.Locator("#profile-email").InputValueAsync());

        // Signing out from the user menu (its form carries the antiforgery token the endpoint checks).
        await next.Locator("[data-testid=user-menu] button").First.ClickAsync();
        await next.Locator("[data-testid=sign-out]").ClickAsync();
        await next.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await next.GotoAsync("/profile");
        Assert.Contains("/Account/Login", next.Url);
        await next.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Distinct()));
    }

    [Fact]
    public async Task A_member_adds_a_passkey_then_signs_in_with_it_alone()
    {
        var email = await browser.CreateMemberAsync("safe-brussels", ExchangeRole.Reader);

        // WebAuthn needs a domain as relying party (an IP address cannot be one): the same server, named localhost.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            Locale = "en",
        });
        var page = await context.NewPageAsync();
        var refused = page.CollectCspRefusals();

        // Chromium's virtual authenticator stands for the platform authenticator (Windows Hello, Touch ID, a phone).
        var devtools = await context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.SignInAsync(email);
        await page.GotoAsync("/Account/Manage/Passkeys");
        await Assertions.Expect(page.Locator("[data-testid=no-passkeys]")).ToBeVisibleAsync();
        await page.Locator("#PasskeyName").FillAsync("Virtual authenticator");
        await page.Locator("[data-testid=add-passkey]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(1);
        Assert.Contains("Virtual authenticator", await page.Locator("[data-testid=passkeys]").InnerTextAsync());
        var violations = new List<string>(await page.SeriousAccessibilityViolationsAsync());

        // Signed out, the passkey alone signs in again: no email, no password.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/Account/Login");
        try
        {
            // The page offers the passkey as soon as it loads (conditional mediation), which this authenticator accepts at once.
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            try
            {
                await page.Locator("[data-testid=passkey-sign-in]").ClickAsync(new() { Timeout = 15_000 });
            }
            catch (Exception ex) when ((ex is PlaywrightException or TimeoutException) && !page.Url.Contains("/Account/Login", StringComparison.Ordinal))
            {
                // The offer made on load was accepted meanwhile, on a slow machine: the button went with the page.
            }

            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        }

        await page.GotoAsync("/profile");
        await page.SettleAsync();
        Assert.Equal(email, await page.Locator("#profile-email").InputValueAsync());
        await context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Distinct()));
    }
}
