using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace SafeBrussels.Exchange.EndToEndTests.Infrastructure;

internal static class PageChecks
{
    public const string DemoPassword = "Exchange-demo-2026";

    /// <summary>
    /// Signs <paramref name="page"/>'s browser context in as <paramref name="email"/>: through the sign-in form the
    /// first time for this application, then with the cookies that sign-in gave (as Playwright's storage state
    /// does), so that a test does not pay a form sign-in and a dashboard load each time. The page stays where it
    /// is; every test goes to its own page next.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        if (SignedIn.TryGetValue(email, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            return;
        }

        await SignInWithTheFormAsync(page, email);
        // The culture cookie is left out: each context starts from its browser's language, as after a sign-in.
        var session = (await page.Context.CookiesAsync())
            .Where(c => !c.Name.Contains("Culture", StringComparison.Ordinal))
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })
            .ToList();
        SignedIn.TryAdd(email, session);
    }

    /// <summary>The sign-in form, as a person fills it.</summary>
    public static async Task SignInWithTheFormAsync(this IPage page, string email)
    {
        // On a loaded 2-core machine the first post can be slow; one more attempt, then say what the page shows.
        for (var attempt = 1; ; attempt++)
        {
            // Back to a light static page rather than the dashboard: the test goes to its own page next.
            await page.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage%2FEmail");
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
        // The layout's marker says ready once the circuit is up and the page has its data (at once on a static page);
        // on a static page each interactive part has its own, ready once that part is interactive. Each says for which
        // address: after a click, the previous page's markers stay until the new page arrives.
        await page.WaitForFunctionAsync(
            "() => { const here = location.href.split('#')[0]; const marks = [...document.querySelectorAll('main [data-ready]')]; return marks.length > 0 && marks.every(m => m.dataset.ready === 'true' && m.dataset.address === here); }");
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-skeleton')");
    }

    /// <summary>
    /// Goes to <paramref name="path"/> inside the running app as a click on a link does (Blazor's router, the circuit
    /// kept, for an interactive page), and waits until the new page has settled.
    /// </summary>
    public static async Task NavigateInAppAsync(this IPage page, string path)
    {
        if (new Uri(page.Url).PathAndQuery == path)
        {
            await page.SettleAsync();
            return;
        }

        await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true')");
        // A click on a link, as a person makes it: Blazor's router takes it, or loads the page in full when the page is
        // rendered statically (ExcludeFromInteractiveRouting); Blazor.navigateTo would render "not found" for those.
        await page.EvaluateAsync(
            "path => { const link = document.createElement('a'); link.href = path; link.hidden = true; document.querySelector('main').appendChild(link); link.click(); link.remove(); }",
            path);
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
        await page.Locator("main h1:not([data-left])").First.WaitForAsync();
        await page.SettleAsync();
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

    /// <summary>
    /// The labels and single values of the form in <c>main</c> that do not fit their box (scrollWidth over clientWidth:
    /// shown cut, "sa…" or "20"), described for the failure message. Free text longer than its field is not counted,
    /// nor the joined values of a multiple choice: only what a layout must leave room for.
    /// </summary>
    public static Task<string[]> TruncatedFormTextAsync(this IPage page) => page.EvaluateAsync<string[]>(
        """
        () => {
            const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const cut = e => e.scrollWidth > e.clientWidth + 1;
            const labels = [...document.querySelectorAll('main label, main .mud-input-helper-text')];
            const values = [...document.querySelectorAll('main .mud-picker input, main .mud-select:not(:has(.mud-select-input-multiple, [id$="themes"], [id$="participants"], [id$="attendees"], [id$="practices"])) input:not([type=hidden])')];
            return [...labels, ...values].filter(e => shown(e) && cut(e)).map(e =>
                `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} «${(e.value ?? e.textContent).trim().slice(0, 60)}» needs ${e.scrollWidth} px, has ${e.clientWidth} px`);
        }
        """);

    /// <summary>
    /// A screenshot of the whole page kept with the test results: in EXCHANGE_TEST_ARTIFACTS (test.sh sets
    /// TestResults/artifacts), else beside the test assembly.
    /// </summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("EXCHANGE_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>axe-core on the whole page: the serious and critical violations, described for the failure message.</summary>
    /// <remarks>
    /// axe-core as Deque ships it (Deque.AxeCore.Commons), run in the page with every rule. The Playwright wrapper's
    /// RunAxe does the same in two steps (runPartial, then finishRun in a new blank page) and took 2 to 7 s a page
    /// here; this takes 0.1 to 0.7 s. The pages have no frames, the case the two steps exist for.
    /// </remarks>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<AxeViolation[]>(
            """
            async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }))
            """);
        return violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes)}")
            .ToList();
    }

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    // The session cookies of each member signed in so far, by address. There is one application per test run
    // (BrowserFixture), so an address names one session.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cookie>> SignedIn = new();

    private sealed class AxeViolation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string Help { get; set; } = "";

        public string[] Nodes { get; set; } = [];
    }
}
