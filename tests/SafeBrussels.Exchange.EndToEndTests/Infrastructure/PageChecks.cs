using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SafeBrussels.Exchange.EndToEndTests.Infrastructure;

internal static class PageChecks
{
    public const string DemoPassword = "Exchange-demo-2026";

    public static async Task SignInAsync(this IPage page, string email)
    {
        // On a loaded 2-core machine the first post can be slow; one more attempt, then say what the page shows.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Account/Login");
            await page.Locator("input[name='Input.Email']").FillAsync(email);
            await page.Locator("input[name='Input.Password']").FillAsync(DemoPassword);
            await page.Locator("form button[type=submit]").First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 45_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 2)
            {
            }
            catch (TimeoutException ex)
            {
                var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
                throw new TimeoutException($"Signing in as {email} did not leave {page.Url}; the page shows: {shown}", ex);
            }
        }
    }

    /// <summary>Waits until the interactive page has settled (circuit up, data loaded).</summary>
    public static async Task SettleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-skeleton')");
    }

    /// <summary>Picks an option of the MudSelect whose input has <paramref name="inputId"/>, and waits until its list is closed.</summary>
    public static async Task PickAsync(this IPage page, string inputId, string option)
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

    /// <summary>
    /// Every Content-Security-Policy refusal the browser reports on <paramref name="page"/> from now on, for the
    /// assertion that the policy blocks nothing the pages use.
    /// </summary>
    public static List<string> CollectCspRefusals(this IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };
        return refused;
    }

    /// <summary>axe-core on the whole page: the serious and critical violations, described for the failure message.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }
}
