using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SafeBrussels.Exchange.EndToEndTests.Infrastructure;

internal static class PageChecks
{
    public const string DemoPassword = "Exchange-demo-2026";

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(DemoPassword);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Waits until the interactive page has settled (circuit up, data loaded).</summary>
    public static async Task SettleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-skeleton')");
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
