using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>An application of its own holding the judged dev corpus (every record GREEN), and a member to search as.</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public ExchangeAppFactory Factory { get; private set; } = default!;

    public HttpClient Client { get; private set; } = default!;

    private TestSmtpServer _smtp = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("search");
        _smtp = new TestSmtpServer();
        Factory = new ExchangeAppFactory(Database, _smtp);
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ExchangeImporter>();
        var corpus = SearchEvaluation.CorpusAllGreen(TestData.SearchDevCorpus);
        var report = await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(corpus)), dryRun: false);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = Database.CreateContext();
        var organization = db.Organizations.Single(o => o.Key == "stad-gent");
        var user = new ApplicationUser
        {
            UserName = "searcher@stad-gent.example", Email = "searcher@stad-gent.example", EmailConfirmed = true,
            DisplayName = "Searcher", OrganizationId = organization.Id, Role = ExchangeRole.Reader,
        };
        Assert.True((await users.CreateAsync(user, "search evaluation password")).Succeeded);
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().IssueAsync(user.Id, "search", 1);
        Client = Factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
