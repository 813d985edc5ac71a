using Microsoft.Playwright;
using SafeBrussels.Exchange.EndToEndTests.Infrastructure;

namespace SafeBrussels.Exchange.EndToEndTests.Navigation;

[Collection(BrowserCollection.Name)]
public sealed class NavigationAccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] Languages = ["fr", "nl", "en"];

    private static readonly Dictionary<string, string> HomeHeading = new()
    {
        ["fr"] = "Bienvenue",
        ["nl"] = "Welkom",
        ["en"] = "Welcome",
    };

    [Theory]
    [InlineData("platform.admin@safe-brussels.example", 12)]
    [InlineData("org.admin@safe-brussels.example", 9)]
    [InlineData("contributor@safe-brussels.example", 7)]
    [InlineData("reader@stad-gent.example", 7)]
    public async Task Each_role_has_its_navigation_and_every_link_answers(string email, int expectedLinks)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync("/");
        await page.SettleAsync();
        var links = await NavigationLinksAsync(page);
        Assert.Equal(expectedLinks, links.Length);
        foreach (var link in links)
        {
            // The server's answer for the address itself (what a bookmark or a reload gets), without a browser render.
            var response = await page.APIRequest.GetAsync(link);
            Assert.True(response.Ok, $"{link} answered {response.Status} to {email}");
        }

        await page.Context.CloseAsync();
    }

    // What each page must say in each language (the rest of its text is checked by the resource tests).
    private static readonly Dictionary<string, Dictionary<string, string>> Says = new()
    {
        ["/"] = new() { ["fr"] = "Qui s’est réuni sur quoi", ["nl"] = "Wie vergaderde waarover", ["en"] = "Who met about what" },
        ["/calendar"] = new() { ["fr"] = "Calendrier", ["nl"] = "Kalender", ["en"] = "Calendar" },
        ["/profile/digest"] = new() { ["fr"] = "Résumé et suivis", ["nl"] = "Overzicht en gevolgde items", ["en"] = "Digest and follows" },
    };

    /// <summary>
    /// The accessibility sweep: every page of the navigation and the pages they lead to (a meeting and its history, a
    /// practice, the not-found page, search, the calendar's week, the digest and its preview: 21 routes), as the role that
    /// sees the most, in each language, at a desktop width (1280 px) and a phone width (390 px), moving between
    /// pages inside the app as a person does.
    /// </summary>
    [Fact]
    public async Task Every_page_passes_axe_in_every_language_at_desktop_and_phone_width()
    {
        var page = await browser.NewPageAsync();
        // The Content-Security-Policy must not block anything the pages use: the browser reports each refusal.
        var refused = page.CollectCspRefusals();
        await page.SignInAsync("platform.admin@safe-brussels.example");
        var violations = new List<string>();
        var scanned = new HashSet<string>();
        var truncated = new List<string>();
        string[]? routes = null;

        foreach (var language in Languages)
        {
            await page.GotoAsync($"/culture/set?lang={language}&returnUrl=%2F");
            await page.SettleAsync();
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Contains(HomeHeading[language], await page.Locator("h1").First.InnerTextAsync());
            var links = await NavigationLinksAsync(page);
            Assert.Equal(12, links.Length);
            routes ??= [.. links, .. await PagesBehindTheNavigationAsync(page)];

            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 600 ? 900 : 844);
                foreach (var route in routes)
                {
                    await page.NavigateInAppAsync(route);
                    Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                    if (Says.TryGetValue(route, out var says))
                    {
                        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(says[language]);
                    }

                    violations.AddRange((await page.SeriousAccessibilityViolationsAsync()).Select(v => $"[{width} px] {v}"));
                    scanned.Add($"{route} {language} {width}");

                    // The header on a phone: nothing in it is cut or wraps (the member's name on three lines, a search
                    // box two letters wide).
                    if (route == "/" && width < 600)
                    {
                        truncated.AddRange((await HeaderProblemsAsync(page)).Select(t => $"[{language}, {width} px] header: {t}"));
                    }
                }
            }
        }

        // The scanner itself finds what it must: an image without a text alternative is a critical violation.
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.src = '/favicon.png'; document.querySelector('main').appendChild(img); }");
        Assert.Contains(await page.SeriousAccessibilityViolationsAsync(), v => v.Contains("image-alt", StringComparison.Ordinal));

        await page.Context.CloseAsync();
        Assert.Equal(21 * 3 * 2, scanned.Count);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Distinct()));
        Assert.True(truncated.Count == 0, "cut or squeezed: " + string.Join(Environment.NewLine, truncated.Distinct()));
    }

    /// <summary>What is wrong with the app bar: an item taller than one line, or cut, or running off the bar.</summary>
    private static Task<string[]> HeaderProblemsAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => {
            const bar = document.querySelector('.mud-appbar .mud-toolbar');
            const width = bar.getBoundingClientRect().right;
            return [...bar.querySelectorAll('a, button, input')].filter(e => e.getClientRects().length > 0).flatMap(e => {
                const box = e.getBoundingClientRect();
                const problems = [];
                if (box.height > 56) problems.push(`${e.tagName.toLowerCase()} «${e.textContent.trim()}» is ${Math.round(box.height)} px high`);
                if (box.right > width + 1) problems.push(`${e.tagName.toLowerCase()} «${e.textContent.trim()}» runs past the bar`);
                if (e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'INPUT') problems.push(`${e.tagName.toLowerCase()} «${e.textContent.trim()}» is cut`);
                if (e.tagName === 'INPUT' && e.clientWidth < 120) problems.push(`the search box is ${e.clientWidth} px wide`);
                return problems;
            });
        }
        """);

    /// <summary>The pages a person reaches from the navigation: the first meeting and practice of the demo, and the rest.</summary>
    private static async Task<string[]> PagesBehindTheNavigationAsync(IPage page)
    {
        await page.NavigateInAppAsync("/meetings");
        var meeting = await page.Locator("[data-testid=meetings-table] tbody a").First.GetAttributeAsync("href");
        await page.NavigateInAppAsync("/practices");
        var practice = await page.Locator("[data-testid=practices-list] h2 a").First.GetAttributeAsync("href");
        Assert.Matches("^/meetings/[0-9a-f-]{36}$", meeting);
        Assert.Matches("^/practices/[0-9a-f-]{36}$", practice);
        return
        [
            // The platform administrator edits no content: an editor's address is the not-found page for them (scanned
            // once here); the meeting editor is scanned as a contributor, at both widths in every language, by
            // MeetingPagesTests, and the practice editor by PracticePagesTests.
            meeting!, meeting + "/history",
            practice!, "/practices?theme=street-harassment&lang=fr", "/practices/new",
            "/search?q=drugs&sort=date", "/calendar?view=week", "/profile/digest", "/profile/digest/preview",
        ];
    }

    private static Task<string[]> NavigationLinksAsync(IPage page) =>
        page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    [Theory]
    [InlineData("fr", "Se connecter")]
    [InlineData("nl", "Aanmelden")]
    [InlineData("en", "Sign in")]
    public async Task Sign_in_pages_follow_the_browser_language_and_pass_axe(string language, string heading)
    {
        var page = await browser.NewPageAsync(language);
        var violations = new List<string>();
        foreach (var path in new[] { "/Account/Login", "/Account/ForgotPassword", "/Account/Invitation?token=unknown", "/digests/unsubscribe?token=broken" })
        {
            await page.GotoAsync(path);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            violations.AddRange(await page.SeriousAccessibilityViolationsAsync());
        }

        await page.GotoAsync("/Account/Login");
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task Organization_admin_invites_a_colleague_from_the_members_page()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("org.admin@stad-gent.example");
        await page.GotoAsync("/members");
        await page.SettleAsync();

        var email = $"collega-{Guid.NewGuid():N}@stad-gent.example";
        await page.Locator("#invite-email").FillAsync(email);
        await page.Locator("[data-testid=send-invitation]").ClickAsync();

        await Assertions.Expect(page.Locator("table", new() { HasText = email })).ToBeVisibleAsync();
        var mail = await browser.Smtp.WaitForMessageToAsync(email);
        Assert.Contains("Stad Gent", mail.Subject);
        Assert.Contains($"{browser.BaseUrl}/Account/Invitation?token=", mail.TextBody);
        await page.Context.CloseAsync();
    }
}
