using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.EndToEndTests.Digests;

/// <summary>
/// The whole way: a member follows a theme in the browser, the operator's verb sends the digests through the
/// application's SMTP relay, the message arrives, and its link opens the record.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DigestMailTests(BrowserFixture browser)
{
    [Fact]
    public async Task Follow_a_theme_send_the_digest_and_follow_its_link_from_the_mail()
    {
        // A new Gent reader who reads in English (their profile language, so that of their mails): the demo members'
        // follows are other tests' business.
        var email = await browser.CreateMemberAsync("stad-gent", ExchangeRole.Reader, language: "en");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync("/culture/set?lang=en&returnUrl=%2Fprofile%2Fdigest");
        await page.SettleAsync();
        // A new Gent member starts out following their organization's usual themes: stop following them all, then
        // follow one of them again, so that what the digest holds comes from the clicks below.
        foreach (var usual in new[] { "Street harassment", "Drugs and addiction", "Nuisance and the feeling of insecurity" })
        {
            var box = Theme(page, usual);
            await Assertions.Expect(box).ToBeCheckedAsync();
            await box.ClickAsync();
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(0);
        await Theme(page, "Drugs and addiction").ClickAsync();
        await Assertions.Expect(Theme(page, "Drugs and addiction")).ToBeCheckedAsync();

        // Saved, not only shown: a fresh page load says the same.
        await page.ReloadAsync();
        await page.SettleAsync();
        await Assertions.Expect(Theme(page, "Drugs and addiction")).ToBeCheckedAsync();
        await Assertions.Expect(Theme(page, "Street harassment")).Not.ToBeCheckedAsync();

        // A first digest covers the time since the member joined and followed: a drugs practice Brussels shares now.
        var fresh = $"Drugsbeleid en schadebeperking in de buurt {Guid.NewGuid():N}"[..52];
        var file = Path.Combine(Path.GetTempPath(), $"digest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "safebrussels-exchange/1",
              "practices": [ { "externalId": "digest-{{Guid.NewGuid():N}}", "organization": "safe-brussels", "language": "nl", "tlp": "GREEN",
                               "title": "{{fresh}}", "summary": "Een gedeelde aanpak.", "themes": ["drugs-addiction"] } ] }
            """);
        await browser.RunCommandAsync("import", file);
        File.Delete(file);

        var period = DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow.AddDays(7))!.Value;
        Assert.Equal(0, await browser.RunCommandAsync("digests", "send-due", "--at", period.AddMinutes(5).ToString("O")));

        var html = (await browser.Smtp.WaitForMessageToAsync(email, matching: m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal))).HtmlBody ?? "";
        // The new drugs practice (followed theme) is in it, under its theme; no group for the themes no longer
        // followed (their meetings may still appear for the action items of the reader's organization).
        Assert.Contains(fresh, html);
        var groups = Heading().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("Drugs and addiction", groups);
        Assert.DoesNotContain("Street harassment", groups);
        Assert.DoesNotContain("Nuisance and the feeling of insecurity", groups);
        var link = PracticeLink().Match(html);
        Assert.True(link.Success, "no record link in the digest: " + html[..Math.Min(html.Length, 2000)]);
        Assert.StartsWith(browser.BaseUrl + "/", link.Groups[1].Value);

        var response = await page.GotoAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.True(response?.Ok);
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-button]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Drugs and addiction").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator Theme(IPage page, string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    [GeneratedRegex("<h2[^>]*>([^<]*)</h2>")]
    private static partial Regex Heading();

    [GeneratedRegex("href=\"([^\"]+/(?:practices|meetings)/[0-9a-f-]{36})\"")]
    private static partial Regex PracticeLink();
}
