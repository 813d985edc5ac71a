using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPagesTests(BrowserFixture browser)
{
    // In French; the dashboard and calendar in every language (their headings included) and at both widths are in
    // the accessibility sweep (NavigationAccessibilityTests).
    [Fact]
    public async Task The_dashboard_and_calendar_pass_axe_and_the_charts_lead_to_the_filtered_lists()
    {
        const string language = "fr";
        const string matrixTitle = "Qui s’est réuni sur quoi";
        const string calendarTitle = "Calendrier";
        // A member no other test signs in as: setting the language saves it on the member.
        var page = await browser.NewPageAsync(language);
        await page.SignInAsync("reader@safe-brussels.example");
        await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2F");
        await page.SettleAsync();
        var violations = new List<string>(await page.SeriousAccessibilityViolationsAsync());

        // EXCHANGE_SCREENSHOTS=docs/images regenerates the README's picture of the dashboard.
        if (Environment.GetEnvironmentVariable("EXCHANGE_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard.png"), FullPage = true });
        }

        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = matrixTitle })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-upcoming] a[href^='/meetings/']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-actions] li").First).ToBeVisibleAsync();

        // The demo's year of exchanges shows in the bars; 12 quarters reach back further and keep them.
        var bars = page.Locator("[data-testid=chart-theme-quarter] a.chart-segment");
        Assert.True(await bars.CountAsync() >= 3, "the per-theme chart shows fewer than three bars");
        await page.Locator("[data-testid=dashboard-period] a", new() { HasText = "12" }).ClickAsync();
        await page.WaitForURLAsync("**/?quarters=12");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-theme-quarter] thead th")).ToHaveCountAsync(13);

        // A bar of meetings opens the meeting list filtered on its theme and quarter.
        var meetingBar = page.Locator("[data-testid=chart-theme-quarter] a.chart-meetings").First;
        var href = (await meetingBar.GetAttributeAsync("href"))!;
        Assert.Matches(new Regex(@"^/meetings\?theme=[a-z-]+&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$"), href);
        await meetingBar.ClickAsync();
        await page.WaitForURLAsync("**/meetings?theme=*");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#filter-from")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("[data-testid=meetings-table] tbody a").First).ToBeVisibleAsync();

        // A cell of the matrix opens the meetings of that organization on that theme.
        await page.GoBackAsync();
        await page.SettleAsync();
        var cell = page.Locator("[data-testid=chart-matrix] td a").First;
        Assert.Contains("org=", await cell.GetAttributeAsync("href"));
        await cell.ClickAsync();
        await page.WaitForURLAsync("**/meetings?org=*");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=meetings-table] tbody a").First).ToBeVisibleAsync();

        // The calendar, month and week.
        await page.GotoAsync("/calendar");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(calendarTitle);
        await Assertions.Expect(page.Locator("[data-testid=calendar-month] a[href^='/meetings/']").First).ToBeVisibleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
        await page.GotoAsync("/calendar?view=week");
        await page.SettleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // The profile's feed links.
        await page.GotoAsync("/profile");
        await page.SettleAsync();
        await page.Locator("[data-testid=show-feeds]").ClickAsync();
        await Assertions.Expect(page.Locator("#feed-calendar")).ToHaveValueAsync(new Regex(@"/feeds/sbf_[A-Za-z0-9_-]+/calendar\.ics$"));
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task A_meeting_prints_alone_with_its_tlp_header_and_downloads_as_docx()
    {
        var page = await browser.NewPageAsync("fr");
        await page.SignInAsync("contributor@safe-brussels.example");
        await page.GotoAsync("/culture/set?lang=fr&returnUrl=%2Fmeetings");
        await page.SettleAsync();
        await page.Locator("[data-testid=meetings-table] tbody a", new() { HasText = "harcèlement de rue" }).First.ClickAsync();
        await page.WaitForURLAsync("**/meetings/*");
        await page.SettleAsync();

        // On screen the print layout is hidden; printed, it is all there is, with the label in its repeated header.
        await Assertions.Expect(page.Locator("[data-testid=minutes-print]")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("[data-testid=minutes-print]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".screen-only")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".minutes-print-frame > thead .minutes-print-tlp")).ToHaveTextAsync("TLP:AMBER");
        await Assertions.Expect(page.Locator(".minutes-print-frame > tbody > tr > td > h2")).ToHaveTextAsync(["Ordre du jour", "Procès-verbal", "Décisions", "Actions"]);
        // Each fact reads "label : value", and no notice is printed over the page: the page's own notices are in its
        // screen part, and a snackbar (on the interactive pages that have them) is not printed.
        Assert.Matches(@"^Quand\s:\s\S", await page.Locator("[data-testid=minutes-print-facts] li").First.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('#mud-snackbar-container, [role=status], [role=alert]')].every(e => e.closest('.screen-only') !== null || getComputedStyle(e).display === 'none')"));
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 5_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=minutes-docx]").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        await page.Context.CloseAsync();
    }
}
