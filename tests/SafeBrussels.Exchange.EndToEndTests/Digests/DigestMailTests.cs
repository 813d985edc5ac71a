using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.EndToEndTests.Digests;

/// <summary>
/// The whole way: a member follows a theme in the browser, the operator's verb sends the digests, the message
/// arrives in smtp4dev, and its link opens the record.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DigestMailTests(BrowserFixture browser)
{
    [Fact]
    public async Task Follow_a_theme_send_the_digest_and_follow_its_link_from_smtp4dev()
    {
        await using var smtp4dev = await Smtp4dev.StartAsync();
        await using var database = await TestDatabase.CreateAsync("e2email");
        await using var unused = new TestSmtpServer();
        var port = TestSmtpServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var app = new ExchangeAppFactory(database, unused, environment: "Development", settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Port"] = smtp4dev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        { PublicBaseUrl = baseUrl };
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        Assert.Equal(0, await RunAsync(app, "seed-demo"));

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en" });
        var page = await context.NewPageAsync();
        await page.SignInAsync("reader@stad-gent.example");
        await page.GotoAsync("/culture/set?lang=en&returnUrl=%2Fprofile%2Fdigest");
        await page.SettleAsync();
        // The Gent reader starts out following their organization's usual themes: stop following them all, then
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

        var period = DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow.AddDays(7))!.Value;
        Assert.Equal(0, await RunAsync(app, "digests", "send-due", "--at", period.AddMinutes(5).ToString("O")));

        var html = await smtp4dev.HtmlOfMessageToAsync("reader@stad-gent.example", "digest");
        // The week's drugs meeting (followed theme) is in it, under its theme; no group for the themes no longer
        // followed (their meetings may still appear for the action items of the reader's organization).
        Assert.Contains("drugsbeleid en schadebeperking", html);
        var groups = Heading().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("Drugs and addiction", groups);
        Assert.DoesNotContain("Street harassment", groups);
        Assert.DoesNotContain("Nuisance and the feeling of insecurity", groups);
        var link = PracticeLink().Match(html);
        Assert.True(link.Success, "no record link in the digest: " + html[..Math.Min(html.Length, 2000)]);
        Assert.StartsWith(baseUrl + "/", link.Groups[1].Value);

        var response = await page.GotoAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.True(response?.Ok);
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-button]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Drugs and addiction").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private static ILocator Theme(IPage page, string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    private static async Task<int> RunAsync(ExchangeAppFactory app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ExchangeCli.RunAsync(app.Services, args, output, error);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
        return exit;
    }

    [GeneratedRegex("<h2[^>]*>([^<]*)</h2>")]
    private static partial Regex Heading();

    [GeneratedRegex("href=\"([^\"]+/(?:practices|meetings)/[0-9a-f-]{36})\"")]
    private static partial Regex PracticeLink();
}
