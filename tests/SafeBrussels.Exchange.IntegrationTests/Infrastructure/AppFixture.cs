using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.IntegrationTests.Infrastructure;

/// <summary>One running application (real PostgreSQL, real SMTP) shared by the tests of a collection; tests create their own data.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public TestDatabase Database { get; private set; } = default!;

    public TestSmtpServer Smtp { get; private set; } = default!;

    public ExchangeAppFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("it");
        Smtp = new TestSmtpServer();
        Factory = new ExchangeAppFactory(Database, Smtp);
        _ = Factory.Server;
        // As a load balancer does: the tests start once the instance is ready (its search index made from the database).
        await Factory.Services.GetRequiredService<Web.Features.Search.Engine.SearchIndexer>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    public WebSession NewSession() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

    public Task<Organization> CreateOrganizationAsync(string language = "fr") => TestMembers.CreateOrganizationAsync(Database, language);

    public Task<(ApplicationUser User, Viewer Viewer)> CreateUserAsync(Organization organization, ExchangeRole role, string? language = "en") =>
        TestMembers.CreateAsync(Factory.Services, organization.Id, role, Password, language);

    /// <summary>An API client authenticated with a fresh personal access token of <paramref name="user"/>.</summary>
    public async Task<HttpClient> BearerClientAsync(ApplicationUser user)
    {
        var issued = await WithServiceAsync(s => s.GetRequiredService<Web.Features.Tokens.TokenService>().IssueAsync(user.Id, "test", 1));
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Token);
        return client;
    }

    /// <summary>
    /// Data that the tests of one class read and none changes (a matrix of members and records), made once for this
    /// application instead of once per test.
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
        where T : class =>
        (T)await _once.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<object>>> _once = new();

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

// Five applications, each serving the classes of one collection in turn, side by side: the tests of a collection
// create their own data, so nothing but CPU is shared between them.

/// <summary>Accounts, audit, operations.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Meetings: saves, history, the sharing matrix.</summary>
[CollectionDefinition(Name)]
public sealed class MeetingsAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app-meetings";
}

/// <summary>Concurrent saves, two hundred rounds: long enough to run beside the others.</summary>
[CollectionDefinition(Name)]
public sealed class SavesAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app-saves";
}

/// <summary>Practices and what is built on the records (search, feeds, digests, exchange, attachments).</summary>
[CollectionDefinition(Name)]
public sealed class ContentAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app-content";
}

/// <summary>Membership and the web surface (invitations, security, rendering, API documents).</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app-web";
}
