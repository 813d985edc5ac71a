using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Tokens;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>
/// Each instance's search index follows PostgreSQL (issue 25): what one instance saves, relabels or deletes reaches the
/// other's index; a record relabelled is never shown with its content by an index that lags; an instance whose index
/// was deleted rebuilds it and becomes ready; <c>search reindex</c> rebuilds every instance's index.
/// Waiting is polling up to a limit, not timing: the 2-second figure is measured apart (docs/benchmarks.md).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SearchIndexTests(AppFixture app)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_second_instance_finds_what_the_first_saves_loses_what_it_hides_or_deletes_and_rebuilds_a_deleted_index()
    {
        var word = "instance" + Guid.NewGuid().ToString("N")[..10];
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync("nl");
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (outsider, _) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var token = (await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().IssueAsync(outsider.Id, "two instances", 1))).Token!;

        var secondPath = Path.Combine(Path.GetTempPath(), "exchange-test-index", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Search:IndexPath"] = secondPath };
        try
        {
            Guid practice;
            await using (var second = new ExchangeAppFactory(app.Database, app.Smtp, settings: settings))
            {
                using var client = Client(second, token);
                Assert.Equal(0, await TotalAsync(client, word));

                practice = await app.CreateAsync(author, PracticeBuilder.Input($"Pratique {word}", Tlp.Green));
                Assert.Equal(1, await EventuallyAsync(client, word, 1));

                // Relabelled RED on the first instance, searched at once on the second: never shown, whatever its index holds.
                await app.SetTlpAsync(author, practice, Tlp.Red);
                var atOnce = await SearchAsync(client, word);
                Assert.DoesNotContain(atOnce.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == practice);
                Assert.Equal(0, await EventuallyAsync(client, word, 0));

                await app.SetTlpAsync(author, practice, Tlp.Green);
                Assert.Equal(1, await EventuallyAsync(client, word, 1));
            }

            // The second instance is stopped and its index deleted; started again, it rebuilds it and is ready.
            Directory.Delete(secondPath, recursive: true);
            await using (var restarted = new ExchangeAppFactory(app.Database, app.Smtp, settings: settings))
            {
                using var anonymous = restarted.CreateClient();
                Assert.Equal(HttpStatusCode.OK, await EventuallyReadyAsync(anonymous));
                Assert.True(Directory.EnumerateFiles(secondPath, "segments_*", SearchOption.AllDirectories).Any(), "no index was written");
                using var client = Client(restarted, token);
                Assert.Equal(1, await TotalAsync(client, word));

                // Deleted in the database (the system of record): gone from both instances' results.
                await using (var db = app.Database.CreateContext())
                {
                    await db.Practices.Where(p => p.Id == practice).ExecuteDeleteAsync();
                }

                Assert.Equal(0, await EventuallyAsync(client, word, 0));
                using var first = Client(app.Factory, token);
                Assert.Equal(0, await TotalAsync(first, word));
            }
        }
        finally
        {
            if (Directory.Exists(secondPath))
            {
                Directory.Delete(secondPath, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Search_reindex_rebuilds_the_index_and_it_still_finds_every_record()
    {
        var word = "reindex" + Guid.NewGuid().ToString("N")[..10];
        var organization = await app.CreateOrganizationAsync();
        var (reader, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        await app.CreateAsync(author, PracticeBuilder.Input($"Pratique {word}", Tlp.Amber));
        using var client = await app.BearerClientAsync(reader);
        Assert.Equal(1, await TotalAsync(client, word));
        var rebuilt = app.Factory.LogEvents.Count(e => e.MessageTemplate.Text.StartsWith("Search index rebuilt", StringComparison.Ordinal));

        using var output = new StringWriter();
        Assert.Equal(0, await ExchangeCli.RunAsync(app.Factory.Services, ["search", "reindex"], output, TextWriter.Null));
        Assert.Contains("rebuilds its search index", output.ToString());

        var until = DateTime.UtcNow + Limit;
        while (app.Factory.LogEvents.Count(e => e.MessageTemplate.Text.StartsWith("Search index rebuilt", StringComparison.Ordinal)) == rebuilt && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.True(app.Factory.LogEvents.Count(e => e.MessageTemplate.Text.StartsWith("Search index rebuilt", StringComparison.Ordinal)) > rebuilt, "the index was not rebuilt");
        Assert.Equal(1, await TotalAsync(client, word));
    }

    private static HttpClient Client(ExchangeAppFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q={q}&pageSize=100"));
        return json.RootElement.Clone();
    }

    private static async Task<int> TotalAsync(HttpClient client, string q) => (await SearchAsync(client, q)).GetProperty("total").GetInt32();

    private static async Task<int> EventuallyAsync(HttpClient client, string q, int expected)
    {
        var until = DateTime.UtcNow + Limit;
        while (true)
        {
            var total = await TotalAsync(client, q);
            if (total == expected || DateTime.UtcNow > until)
            {
                return total;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<HttpStatusCode> EventuallyReadyAsync(HttpClient client)
    {
        var until = DateTime.UtcNow + Limit;
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > until)
            {
                return response.StatusCode;
            }

            await Task.Delay(200);
        }
    }
}
