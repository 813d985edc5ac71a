using Microsoft.AspNetCore.Identity;
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

    public async Task<Organization> CreateOrganizationAsync(string language = "fr")
    {
        await using var db = Database.CreateContext();
        var key = "org-" + Guid.NewGuid().ToString("N")[..10];
        var organization = new Organization { Key = key, Name = "Org " + key, City = "Brussel", Country = "BE", WorkingLanguages = [language] };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    public async Task<(ApplicationUser User, Viewer Viewer)> CreateUserAsync(Organization organization, ExchangeRole role, string? language = "en")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToName()}-{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Person " + email[..12],
            OrganizationId = organization.Id,
            Role = role,
            PreferredLanguage = language,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (user, new Viewer(user.Id, organization.Id, role, user.DisplayName));
    }

    /// <summary>An API client authenticated with a fresh personal access token of <paramref name="user"/>.</summary>
    public async Task<HttpClient> BearerClientAsync(ApplicationUser user)
    {
        var issued = await WithServiceAsync(s => s.GetRequiredService<Web.Features.Tokens.TokenService>().IssueAsync(user.Id, "test", 1));
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Token);
        return client;
    }

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
