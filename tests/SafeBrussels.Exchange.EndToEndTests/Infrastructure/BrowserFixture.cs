using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.EndToEndTests.Infrastructure;

/// <summary>
/// The application on a real Kestrel port (Development environment, demo data seeded), and Debian's Chromium
/// driven by Playwright. Playwright never downloads a browser: it launches /usr/bin/chromium (EXCHANGE_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ExchangeAppFactory _factory = default!;
    private IPlaywright _playwright = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every mail the application sends during the run.</summary>
    public TestSmtpServer Smtp { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("e2e");
        Smtp = new TestSmtpServer();
        var port = TestSmtpServer.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new ExchangeAppFactory(_database, Smtp, environment: "Development", settings: new Dictionary<string, string?>
        {
            // A notice that nobody reads goes at once (tests wait for it to go before measuring a page).
            ["Ui:SnackbarMilliseconds"] = "500",
        })
        { PublicBaseUrl = BaseUrl };
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();

        await RunCommandAsync("seed-demo");

        // A 2-core machine running the app, PostgreSQL and Chromium at once can take more than the default 5 s to
        // render a page; an assertion that holds only waits as long as it needs to.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EXCHANGE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Contexts share a few renderer processes instead of each starting its own (the tests open about a hundred).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-site-isolation-trials", "--renderer-process-limit=2"],
        });
    }

    public async Task<IPage> NewPageAsync(string? acceptLanguage = "en")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = acceptLanguage,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            // What a person who asks their system for less motion gets: MudBlazor's transitions do not run.
            ReducedMotion = ReducedMotion.Reduce,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new member of a demo organization with the demo password, for a test that changes its own account.</summary>
    /// <param name="language">The member's profile language (that of their mails); none by default.</param>
    public async Task<string> CreateMemberAsync(string organizationKey, Web.Data.ExchangeRole role, string? language = null)
    {
        await using var db = _database.CreateContext();
        var organization = await db.Organizations.SingleAsync(o => o.Key == organizationKey);
        var (user, _) = await TestMembers.CreateAsync(_factory.Services, organization.Id, role, PageChecks.DemoPassword, language: language,
            email: $"member-{Guid.NewGuid():N}@{organizationKey}.example");
        return user.Email!;
    }

    /// <summary>How many meetings have exactly <paramref name="title"/>, read from the database.</summary>
    public async Task<int> CountMeetingsAsync(string title)
    {
        await using var db = _database.CreateContext();
        return await db.Meetings.CountAsync(m => m.Title == title);
    }

    /// <summary>How many "read" audit entries the member <paramref name="email"/> has on the meeting <paramref name="meetingId"/>.</summary>
    public async Task<int> CountMeetingReadsAsync(string email, Guid meetingId)
    {
        await using var db = _database.CreateContext();
        var userId = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var target = meetingId.ToString();
        return await db.AuditEntries.CountAsync(e => e.ActorId == userId && e.Action == Web.Features.Audit.AuditActions.ContentRead && e.TargetId == target);
    }

    /// <summary>An operator's command-line verb against the running application (as <c>dotnet SafeBrussels.Exchange.Web.dll …</c>).</summary>
    public async Task<int> RunCommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ExchangeCli.RunAsync(_factory.Services, args, output, error);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
        return exit;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
