using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Digests;

[Collection(BrowserCollection.Name)]
public sealed class DigestPagesTests(BrowserFixture browser)
{
    private static readonly Regex PracticePage = new("/practices/[0-9a-f-]{36}$");

    // Once, in Dutch: the digest pages in every language and at both widths are in the accessibility sweep
    // (NavigationAccessibilityTests), the unsubscribe page with the sign-in pages.
    [Fact]
    public async Task A_member_follows_a_theme_and_a_practice_and_previews_the_digest()
    {
        const string language = "nl";
        var violations = new List<string>();
        var page = await browser.NewPageAsync(language);
        // A new Gent reader: their follows are theirs alone.
        await page.SignInAsync(await browser.CreateMemberAsync("stad-gent", Web.Data.ExchangeRole.Reader));
        await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2Fprofile%2Fdigest");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Overzicht en gevolgde items");
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // Follow a theme: the choice is saved at once and still there after a reload.
        var checkbox = page.Locator(".mud-checkbox input[type=checkbox]").First;
        var before = await checkbox.IsCheckedAsync();
        await checkbox.ClickAsync();
        await Assertions.Expect(checkbox).ToBeCheckedAsync(new() { Checked = !before });
        await page.ReloadAsync();
        await page.SettleAsync();
        await Assertions.Expect(page.Locator(".mud-checkbox input[type=checkbox]").First).ToBeCheckedAsync(new() { Checked = !before });

        // Follow a practice from its page; it appears among the followed records.
        await page.GotoAsync("/practices");
        await page.SettleAsync();
        await page.Locator("[data-testid=practices-list] h2 a").First.ClickAsync();
        await page.WaitForURLAsync(PracticePage);
        await page.SettleAsync();
        var follow = page.Locator("[data-testid=follow-button]");
        if (await follow.GetAttributeAsync("aria-pressed") == "false")
        {
            await follow.ClickAsync();
        }

        await Assertions.Expect(follow).ToHaveAttributeAsync("aria-pressed", "true");
        var title = (await page.Locator("h1").InnerTextAsync()).Trim();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
        await page.GotoAsync("/profile/digest");
        await page.SettleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        // The preview: the subject as it would be sent (in the member's email language) and the records' links.
        await page.GotoAsync("/profile/digest/preview");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=digest-subject]")).ToContainTextAsync(new Regex("(Your digest|Votre résumé|Uw overzicht) ?: "));
        await Assertions.Expect(page.Locator("main a[href*='/meetings/'], main a[href*='/practices/']").First).ToBeVisibleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // The unsubscribe page opens without signing in; a broken link says so.
        var anonymous = await browser.NewPageAsync(language);
        await anonymous.GotoAsync("/digests/unsubscribe?token=broken");
        await Assertions.Expect(anonymous.Locator("[role=alert]")).ToBeVisibleAsync();
        Assert.Equal(language, await anonymous.Locator("html").GetAttributeAsync("lang"));
        violations.AddRange(await anonymous.SeriousAccessibilityViolationsAsync());

        await page.Context.CloseAsync();
        await anonymous.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }
}
