using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task Meeting_list_detail_and_editor_pass_axe(string language)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("contributor@safe-brussels.example");
        await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2Fmeetings");
        await page.SettleAsync();
        var violations = new List<string>(await page.SeriousAccessibilityViolationsAsync());

        await page.Locator("[data-testid=meetings-table] a").First.ClickAsync();
        await page.WaitForURLAsync("**/meetings/*");
        await page.SettleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.GotoAsync(page.Url + "/history");
        await page.SettleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.GotoAsync("/meetings/new");
        await page.SettleAsync();
        await page.Locator("[data-testid=agenda-add]").ClickAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task An_amber_meeting_with_stad_gent_is_seen_by_a_ghent_reader_and_not_by_a_third_city()
    {
        var title = $"Réunion AMBER de test {Guid.NewGuid():N}"[..36];
        var page = await browser.NewPageAsync("fr");
        await page.SignInAsync("contributor@safe-brussels.example");
        await page.GotoAsync("/meetings/new");
        await page.SettleAsync();

        await page.Locator("#meeting-title").FillAsync(title);
        await SelectAsync(page, "#meeting-themes", "Radicalisme");
        await SelectAsync(page, "#meeting-participants", "Stad Gent");
        await page.Locator("[data-testid=agenda-add]").ClickAsync();
        await page.Locator("#agenda-0-title").FillAsync("Présentation croisée");
        await page.Locator("#meeting-minutes").FillAsync("**Compte rendu** de test <script>alert(1)</script>");
        await Assertions.Expect(page.Locator("[data-testid=minutes-preview] strong")).ToHaveTextAsync("Compte rendu");
        await page.Locator("[data-testid=save-meeting]").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/meetings/[0-9a-f-]{36}$"));
        var meetingUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("[data-tlp]")).ToHaveAttributeAsync("data-tlp", "AMBER");
        Assert.Equal(0, await page.Locator("[data-testid=minutes] script").CountAsync());
        await page.Context.CloseAsync();

        var ghent = await browser.NewPageAsync("nl");
        await ghent.SignInAsync("reader@stad-gent.example");
        await ghent.GotoAsync(meetingUrl);
        await ghent.SettleAsync();
        Assert.Equal(title, (await ghent.Locator("h1").InnerTextAsync()).Trim());
        await ghent.Context.CloseAsync();

        var liege = await browser.NewPageAsync("fr");
        await liege.SignInAsync("reader@ville-de-liege.example");
        await liege.GotoAsync(meetingUrl);
        await liege.SettleAsync();
        Assert.NotEqual(title, (await liege.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await liege.GetByText(title).CountAsync());
        await liege.Context.CloseAsync();
    }

    private static async Task SelectAsync(IPage page, string inputId, string option)
    {
        await page.Locator(".mud-select", new() { Has = page.Locator(inputId) }).Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();

        // A multi-select stays open after a choice: close it the way a person does, and wait until it is gone.
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 0; attempt < 10 && await open.CountAsync() > 0; attempt++)
        {
            if (attempt % 2 == 0)
            {
                await page.Keyboard.PressAsync("Escape");
            }
            else
            {
                // The overlay behind an open list closes it when clicked.
                var overlay = page.Locator(".mud-overlay");
                if (await overlay.CountAsync() > 0)
                {
                    await overlay.First.ClickAsync(new() { Force = true, Position = new() { X = 2, Y = 2 } });
                }
            }

            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(open).ToHaveCountAsync(0);
    }
}
