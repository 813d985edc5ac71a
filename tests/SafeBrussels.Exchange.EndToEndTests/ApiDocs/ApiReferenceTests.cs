using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.ApiDocs;

[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_reference_renders_every_operation_from_the_served_document_and_passes_axe()
    {
        var page = await browser.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        var refused = page.CollectCspRefusals();
        await page.SignInAsync("contributor@stad-gent.example");
        var document = page.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        await page.GotoAsync("/api/reference/");
        Assert.Equal(200, (await document).Status);

        // Scalar renders from the application's own document: its summaries appear (no CDN, no outside request).
        await Assertions.Expect(page.GetByText("Search everything you may see, in the three languages").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("List the practices you may see").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(refused.Count == 0, "refused by the Content-Security-Policy: " + string.Join(", ", refused));
        Assert.True(outside.Count == 0, "requests outside the platform: " + string.Join(", ", outside.Distinct()));

        var violations = await page.SeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }
}
