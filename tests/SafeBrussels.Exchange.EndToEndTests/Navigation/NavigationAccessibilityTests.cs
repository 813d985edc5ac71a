using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Navigation;

[Collection(BrowserCollection.Name)]
public sealed class NavigationAccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] Languages = ["fr", "nl", "en"];

    private static readonly Dictionary<string, string> HomeHeading = new()
    {
        ["fr"] = "Bienvenue",
        ["nl"] = "Welkom",
        ["en"] = "Welcome",
    };

    [Theory]
    [InlineData("platform.admin@safe-brussels.example", 12)]
    [InlineData("org.admin@safe-brussels.example", 9)]
    [InlineData("contributor@safe-brussels.example", 7)]
    [InlineData("reader@stad-gent.example", 7)]
    public async Task Every_page_in_the_navigation_passes_axe_in_all_three_languages(string email, int expectedLinks)
    {
        var page = await browser.NewPageAsync();
        // The Content-Security-Policy must not block anything the pages use: the browser reports each refusal.
        var refused = page.CollectCspRefusals();
        await page.SignInAsync(email);
        var violations = new List<string>();

        foreach (var language in Languages)
        {
            await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2F");
            await page.SettleAsync();
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Contains(HomeHeading[language], await page.Locator("h1").First.InnerTextAsync());

            var links = await page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(expectedLinks, links.Length);
            foreach (var link in links)
            {
                var response = await page.GotoAsync(link);
                Assert.True(response?.Ok, $"{link} answered {response?.Status}");
                await page.SettleAsync();
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
            }
        }

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Distinct()));
    }

    [Theory]
    [InlineData("fr", "Se connecter")]
    [InlineData("nl", "Aanmelden")]
    [InlineData("en", "Sign in")]
    public async Task Sign_in_pages_follow_the_browser_language_and_pass_axe(string language, string heading)
    {
        var page = await browser.NewPageAsync(language);
        var violations = new List<string>();
        foreach (var path in new[] { "/Account/Login", "/Account/ForgotPassword", "/Account/Invitation?token=unknown" })
        {
            await page.GotoAsync(path);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
        }

        await page.GotoAsync("/Account/Login");
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task Organization_admin_invites_a_colleague_from_the_members_page()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("org.admin@stad-gent.example");
        await page.GotoAsync("/members");
        await page.SettleAsync();

        var email = $"collega-{Guid.NewGuid():N}@stad-gent.example";
        await page.Locator("#invite-email").FillAsync(email);
        await page.Locator("[data-testid=send-invitation]").ClickAsync();

        await Assertions.Expect(page.Locator("table", new() { HasText = email })).ToBeVisibleAsync();
        var mail = await browser.Smtp.WaitForMessageToAsync(email);
        Assert.Contains("Stad Gent", mail.Subject);
        Assert.Contains($"{browser.BaseUrl}/Account/Invitation?token=", mail.TextBody);
        await page.Context.CloseAsync();
    }
}
