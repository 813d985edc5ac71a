using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Imports the judged dev corpus (every record GREEN) into a scratch database, runs each judged query through
/// <c>GET /api/v1/search</c> as a member, and prints recall@10 and nDCG@10 per query kind and overall.
/// </summary>
internal static class SearchEvalCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var queriesPath = args.Length >= 2 && args[0] == "--queries" ? args[1] : TestData.PathOf(Path.Combine("search-dev", "queries.json"));
        var corpusPath = args.Length >= 4 && args[2] == "--corpus" ? args[3] : TestData.SearchDevCorpus;

        await using var database = await TestDatabase.CreateAsync("eval");
        await using var smtp = new TestSmtpServer();
        await using var app = new ExchangeAppFactory(database, smtp);
        await using var scope = app.Services.CreateAsyncScope();

        var corpus = SearchEvaluation.CorpusAllGreen(corpusPath);
        var report = await scope.ServiceProvider.GetRequiredService<ExchangeImporter>()
            .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(corpus)), dryRun: false);
        if (!report.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, report.Problems));
            return 1;
        }

        var user = new ApplicationUser
        {
            UserName = "evaluator@example.org", Email = "evaluator@example.org", EmailConfirmed = true,
            DisplayName = "Evaluator", OrganizationId = FirstOrganization(database), Role = ExchangeRole.Reader,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "search evaluation password");
        if (!created.Succeeded)
        {
            Console.Error.WriteLine(string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().IssueAsync(user.Id, "search-eval", 1);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var scores = await SearchEvaluation.RunAsync(client, SearchEvaluation.Queries(queriesPath));
        Console.WriteLine($"Search quality on {Path.GetFileName(Path.GetDirectoryName(queriesPath))} ({scores.Count} queries), {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine(SearchEvaluation.Report(scores));
        return 0;
    }

    private static Guid FirstOrganization(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.Organizations.OrderBy(o => o.Key).Select(o => o.Id).First();
    }
}
