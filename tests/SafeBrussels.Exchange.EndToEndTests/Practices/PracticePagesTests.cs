using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Practices;

[Collection(BrowserCollection.Name)]
public sealed class PracticePagesTests(BrowserFixture browser)
{
    /// <summary>demo-p-sb-01 (safe.brussels, written in French) and its Dutch translation, from demo-practices.json.</summary>
    private const string ExploratoryWalksFrench = "Marches exploratoires autour des gares et des stations de métro avec des habitantes et des navetteuses";
    private const string ExploratoryWalksDutch = "Verkenningswandelingen rond stations en metrohaltes met bewoonsters en pendelaarsters";

    private static readonly Regex PracticePage = new("/practices/[0-9a-f-]{36}$");

    [Fact]
    public async Task A_Ghent_contributor_adapts_a_Brussels_practice_in_Dutch_and_Brussels_sees_the_adaptation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"Verkenningswandelingen rond Gentse stations {suffix}";
        var marker = $"GENT-{Guid.NewGuid():N}";
        var violations = new List<string>();

        var ghent = await browser.NewPageAsync("nl");
        await ghent.SignInAsync("contributor@stad-gent.example");
        await ghent.GotoAsync("/culture/set?lang=nl&returnUrl=%2Fpractices%3Forg%3Dsafe-brussels");
        await ghent.SettleAsync();
        violations.AddRange(await ghent.SeriousAccessibilityViolationsAsync());

        // In Dutch the catalogue shows the Dutch translation of the French record.
        await ghent.Locator("[data-testid=practices-list] h2 a", new() { HasText = ExploratoryWalksDutch }).ClickAsync();
        await ghent.WaitForURLAsync(PracticePage);
        var originalPath = new Uri(ghent.Url).AbsolutePath;
        await ghent.SettleAsync();
        violations.AddRange(await ghent.SeriousAccessibilityViolationsAsync());

        await ghent.Locator("[data-testid=adapt]").ClickAsync();
        await ghent.WaitForURLAsync("**/adapt");
        await ghent.SettleAsync();
        await Assertions.Expect(ghent.Locator("[data-testid=quality-panel]")).ToBeVisibleAsync();
        await Assertions.Expect(ghent.Locator("[data-testid=criterion]")).ToHaveCountAsync(4);
        // The adaptation starts empty, in its own language; the original stands beside it, in French, marked as such,
        // and a text is the adaptation's only once copied.
        await Assertions.Expect(ghent.Locator("#practice-title")).ToHaveValueAsync("");
        await Assertions.Expect(ghent.Locator("[data-testid=original-title]")).ToHaveTextAsync(ExploratoryWalksFrench);
        await Assertions.Expect(ghent.Locator("[data-testid=original-title]")).ToHaveAttributeAsync("lang", "fr");
        await ghent.Locator("[data-testid=copy-summary]").ClickAsync();
        var originalSummary = await ghent.Locator("[data-testid=original-summary]").InnerTextAsync();
        await Assertions.Expect(ghent.Locator("#practice-summary")).ToHaveValueAsync(originalSummary);
        violations.AddRange(await ghent.SeriousAccessibilityViolationsAsync());

        await ghent.Locator("#practice-adaptation-context").FillAsync(
            "Gent, rond de stations Gent-Sint-Pieters en Dampoort, met bewoonsters uit de buurt en pendelaarsters die 's avonds de trein nemen.");
        await ghent.Locator("#practice-adaptation-changes").FillAsync(
            $"{marker}: de wandelingen worden begeleid door de buurtregie en de gemeenschapswachten; De Lijn en NMBS nemen de plaats in van de STIB.");
        await ghent.Locator("#practice-title").FillAsync(title);
        await ghent.Locator("[data-testid=save-practice]").ClickAsync();

        await ghent.WaitForURLAsync(url => PracticePage.IsMatch(url) && !url.EndsWith(originalPath, StringComparison.Ordinal));
        var adaptationPath = new Uri(ghent.Url).AbsolutePath;
        await ghent.SettleAsync();
        await Assertions.Expect(ghent.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(ghent.Locator("[data-testid=adapted-from]")).ToContainTextAsync(ExploratoryWalksFrench);
        await Assertions.Expect(ghent.Locator("[data-testid=adaptation-changes]")).ToContainTextAsync(marker);
        // The "saved" notice fades in and out; axe measures the page once it is gone.
        await Assertions.Expect(ghent.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        violations.AddRange(await ghent.SeriousAccessibilityViolationsAsync());
        await ghent.Context.CloseAsync();

        var brussels = await browser.NewPageAsync("fr");
        await brussels.SignInAsync("contributor@safe-brussels.example");
        await brussels.GotoAsync("/culture/set?lang=fr&returnUrl=" + Uri.EscapeDataString(originalPath));
        await brussels.SettleAsync();
        var adaptations = brussels.Locator("[data-testid=adaptations]");
        await Assertions.Expect(adaptations).ToContainTextAsync("Stad Gent");
        await Assertions.Expect(adaptations).ToContainTextAsync(marker);
        await Assertions.Expect(brussels.Locator("[data-testid=lineage-tree]")).ToContainTextAsync(title);
        await Assertions.Expect(brussels.Locator($"[data-testid=lineage-tree] a[href='{adaptationPath}']")).ToHaveCountAsync(1);
        await brussels.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task Practice_pages_pass_axe()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("contributor@safe-brussels.example");
        var violations = new List<string>();

        try
        {
            // In French, this member's own language (the switcher saves the choice in the profile); these pages in
            // every language and at both widths are in the accessibility sweep (NavigationAccessibilityTests).
            foreach (var language in new[] { "fr" })
            {
                await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2Fpractices");
                await page.SettleAsync();
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await Assertions.Expect(page.Locator("[data-testid=practices-total]")).ToBeVisibleAsync();
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

                await page.GotoAsync("/practices?theme=street-harassment&lang=fr");
                await page.SettleAsync();
                await Assertions.Expect(page.Locator("[data-testid=practices-total]")).ToBeVisibleAsync();
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

                await page.Locator("[data-testid=practices-list] h2 a").First.ClickAsync();
                await page.WaitForURLAsync(PracticePage);
                await page.SettleAsync();
                await Assertions.Expect(page.Locator("[data-testid=discussion]")).ToBeVisibleAsync();
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

                await page.GotoAsync("/practices/new");
                await page.SettleAsync();
                await Assertions.Expect(page.Locator("[data-testid=quality-panel]")).ToBeVisibleAsync();
                violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
            }
        }
        finally
        {
            await page.GotoAsync("/culture/set?lang=fr&returnUrl=%2F");
            await page.Context.CloseAsync();
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task Catalogue_filters_live_in_the_url()
    {
        const string theme = "Harcèlement de rue";
        var page = await browser.NewPageAsync("fr");
        await page.SignInAsync("reader@ville-de-liege.example");
        await page.GotoAsync("/culture/set?lang=fr&returnUrl=%2Fpractices");
        await page.SettleAsync();
        var total = page.Locator("[data-testid=practices-total]");
        var cards = page.Locator("[data-testid=practices-list] .practice-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var unfiltered = (await total.InnerTextAsync()).Trim();

        await page.Locator("#filter-theme").SelectOptionAsync(new SelectOptionValue { Label = $"— {theme}" });
        await page.Locator("[data-testid=apply-filters]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("theme=street-harassment", StringComparison.Ordinal));
        await page.SettleAsync();
        // Only the chosen filter is in the address: the empty ones are left out.
        Assert.EndsWith("/practices?theme=street-harassment", page.Url);
        await Assertions.Expect(total).Not.ToHaveTextAsync(unfiltered);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var filtered = (await total.InnerTextAsync()).Trim();
        Assert.All(await cards.AllInnerTextsAsync(), card => Assert.Contains(theme, card));

        // The address is the filter: opening it again shows the same selection.
        await page.ReloadAsync();
        await page.SettleAsync();
        Assert.Contains("theme=street-harassment", page.Url);
        await Assertions.Expect(total).ToHaveTextAsync(filtered);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        Assert.All(await cards.AllInnerTextsAsync(), card => Assert.Contains(theme, card));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_comment_is_posted_on_a_practice()
    {
        var marker = Guid.NewGuid().ToString("N");
        var comment = $"Question de Liège {marker} : combien de participantes par marche ?";
        var page = await browser.NewPageAsync("fr");
        await page.SignInAsync("reader@ville-de-liege.example");
        await page.GotoAsync("/culture/set?lang=fr&returnUrl=%2Fpractices%3Forg%3Dsafe-brussels");
        await page.SettleAsync();

        var green = page.Locator("[data-testid=practices-list] .practice-card", new() { Has = page.Locator("[data-tlp=GREEN]") });
        await green.First.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync(PracticePage);
        await page.SettleAsync();

        await page.Locator("#comment-body").FillAsync(comment);
        await page.Locator("[data-testid=comment-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=comment]", new() { HasText = marker })).ToContainTextAsync("combien de participantes");

        await page.ReloadAsync();
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=comment]", new() { HasText = marker })).ToContainTextAsync("combien de participantes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_import_page_validates_then_imports()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var organization = $"e2e-city-{suffix}";
        var title = $"Crisis drill with neighbourhood wardens {suffix[..8]}";
        var page = await browser.NewPageAsync("en");
        await page.SignInAsync("platform.admin@safe-brussels.example");
        await page.GotoAsync("/culture/set?lang=en&returnUrl=%2Fadmin%2Fimport");
        await page.SettleAsync();
        var violations = new List<string>(await page.SeriousAccessibilityViolationsAsync());

        var file = page.Locator("input[type=file]").Last;
        await file.SetInputFilesAsync(Document("valid.json", organization, "crisis-management", title));
        var outcome = page.Locator("[data-testid=import-outcome]");
        await Assertions.Expect(outcome).ToContainTextAsync("Nothing has been written yet");
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        await page.Locator("[data-testid=run-import]").ClickAsync();
        await Assertions.Expect(outcome).ToContainTextAsync("Imported.");
        await Assertions.Expect(page.Locator("[data-testid=run-import]")).ToHaveCountAsync(0);

        await file.SetInputFilesAsync(Document("broken.json", $"e2e-broken-{suffix}", "no-such-theme", title));
        var problems = page.Locator("[data-testid=import-problems]");
        await Assertions.Expect(problems).ToContainTextAsync("$.practices[0].themes[0]");
        await Assertions.Expect(outcome).ToHaveCountAsync(0);
        violations.AddRange(await page.SeriousAccessibilityViolationsAsync());

        // Through the platform, only the administrator's own organization's records: another city's is refused on the page.
        await file.SetInputFilesAsync(Document("other-city.json", $"e2e-other-{suffix}", "crisis-management", title, practiceOrganization: "stad-gent"));
        await Assertions.Expect(problems).ToContainTextAsync("$.practices[0].organization");
        await Assertions.Expect(problems).ToContainTextAsync("safe-brussels");
        await Assertions.Expect(outcome).ToHaveCountAsync(0);

        // What was imported is in the catalogue; what was refused is not.
        await page.GotoAsync("/practices?org=safe-brussels");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=practices-list]")).ToContainTextAsync(title);
        await page.GotoAsync($"/practices?org=e2e-broken-{suffix}");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("[data-testid=practices-list] .practice-card")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    /// <summary>A small exchange document: one new organization and one GREEN practice of safe.brussels (or of <paramref name="practiceOrganization"/>).</summary>
    private static FilePayload Document(string fileName, string organization, string theme, string title, string practiceOrganization = "safe-brussels") => new()
    {
        Name = fileName,
        MimeType = "application/json",
        Buffer = Encoding.UTF8.GetBytes($$"""
            {
              "format": "safebrussels-exchange/1",
              "organizations": [
                { "key": "{{organization}}", "name": "E2E city {{organization}}", "city": "Testville", "country": "BE", "languages": ["en"] }
              ],
              "practices": [
                { "externalId": "{{organization}}-p-1", "organization": "{{practiceOrganization}}", "language": "en", "title": "{{title}}",
                  "summary": "Neighbourhood wardens rehearse the first hour of a crisis with residents twice a year.",
                  "themes": ["{{theme}}"], "tlp": "GREEN", "status": "pilot", "evidence": "untested" }
              ]
            }
            """),
    };
}
