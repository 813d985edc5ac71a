using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Search;

[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserFixture browser)
{
    /// <summary>demo-p-sb-01: written in French by safe.brussels, about street harassment.</summary>
    private const string ExploratoryWalksFrench = "Marches exploratoires autour des gares";

    [Fact]
    public async Task A_dutch_query_typed_in_the_header_finds_the_french_practice_and_a_facet_refines_it()
    {
        var page = await browser.NewPageAsync("nl");
        await page.SignInAsync("contributor@stad-gent.example");
        await page.GotoAsync("/culture/set?lang=nl&returnUrl=%2Fpractices");
        await page.SettleAsync();
        var violations = new List<string>();

        await page.Locator("#header-search-input").FillAsync("straatintimidatie");
        await page.Locator("#header-search-input").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=straatintimidatie", StringComparison.Ordinal));
        await page.SettleAsync();
        var hits = page.Locator("[data-testid=search-hit]");
        await Assertions.Expect(hits.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=search-results]")).ToContainTextAsync(ExploratoryWalksFrench);
        await Assertions.Expect(page.Locator("[data-testid=search-results] mark").First).ToBeVisibleAsync();
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // Refine: only what is written in French.
        await page.Locator("[data-testid=facet-lang] a", new() { HasText = "Français" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("lang=fr", StringComparison.Ordinal));
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("Français");
        await Assertions.Expect(page.Locator("[data-testid=search-results]")).ToContainTextAsync(ExploratoryWalksFrench);
        // On a loaded machine the refined search can take a while: wait until the language facet has one value left.
        await Assertions.Expect(page.Locator("[data-testid=facet-lang] li")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        Assert.All(await hits.AllInnerTextsAsync(), hit => Assert.Contains("· FR ·", hit));

        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // The hit opens the practice.
        await page.Locator("[data-testid=search-hit] h2 a", new() { HasText = ExploratoryWalksFrench }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/practices/[0-9a-f-]{36}$"));
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    // In French; the search page in every language and at both widths is in the accessibility sweep.
    [Fact]
    public async Task The_search_page_passes_axe()
    {
        const string language = "fr";
        var page = await browser.NewPageAsync(language);
        await page.SignInAsync("reader@ville-de-liege.example");
        await page.GotoAsync($"/culture/set?lang={language}&returnUrl={Uri.EscapeDataString("/search?q=drugs&sort=date")}");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=search-total]")).ToBeVisibleAsync();
        var violations = await page.SeriousAccessibilityViolationsAsync();
        await page.GotoAsync("/culture/set?lang=fr&returnUrl=%2F");
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    /// <summary>
    /// The glossary's table is wider than a phone, with its rows or without them (a filter that matches nothing, or the
    /// moment before they load): the part that scrolls can be reached with the keyboard either way.
    /// </summary>
    [Fact]
    public async Task The_glossary_scrolls_in_a_region_the_keyboard_reaches_on_a_phone_full_or_empty()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync("platform.admin@safe-brussels.example");
        await page.GotoAsync("/admin/glossary");
        await page.SettleAsync();
        var rows = page.Locator("[data-testid=glossary-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var violations = new List<string>(await page.SeriousAccessibilityViolationsAsync());

        await page.Locator("#glossary-filter").FillAsync("no-such-concept-anywhere");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
