using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>
/// The glossary is data platform administrators maintain; the index is made again with their change in the background,
/// and searches use it once that is done (seconds for these records).
/// </summary>
[Collection(ContentAppCollection.Name)]
public sealed class GlossaryTests(AppFixture app)
{
    [Fact]
    public async Task A_concept_added_by_a_platform_administrator_carries_the_next_search_across_languages()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].Replace('0', 'o').Replace('1', 'l');
        var (fr, nl, en) = ($"zorblat{suffix}", $"flimpex{suffix}", $"quorbix{suffix}");
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        var (reader, readerViewer) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = PracticeBuilder.Input("Pratique " + suffix);
        input.Summary = $"Le dispositif {fr} du quartier.";
        await app.CreateAsync(author, input);
        var glossary = await app.WithServiceAsync(s => Task.FromResult(s.GetRequiredService<GlossaryService>()));
        using var client = await app.BearerClientAsync(reader);

        Assert.Equal(0, await TotalAsync(client, nl, organization.Key));
        Assert.Equal("Error.Forbidden", (await glossary.SaveAsync(readerViewer, null, "k-" + suffix, [fr], [nl], [en])).ErrorFor(""));
        Assert.True((await glossary.SaveAsync(admin, null, "k-" + suffix, [fr], [nl], [en])).Succeeded);
        Assert.Equal(1, await EventuallyAsync(client, nl, organization.Key, 1));
        Assert.Equal(1, await TotalAsync(client, en, organization.Key));

        // A term belongs to one concept; every language needs a term.
        var clash = await glossary.SaveAsync(admin, null, "other-" + suffix, [fr + "x"], [nl], [en + "x"]);
        Assert.Equal("Validation.GlossaryTermTaken", clash.ErrorFor("Nl"));
        Assert.Equal("Validation.GlossaryTerms", (await glossary.SaveAsync(admin, null, "empty-" + suffix, [fr + "y"], [], [en + "y"])).ErrorFor("Nl"));

        // The verb writes the glossary as edited, in the reviewed file's format.
        var path = Path.GetTempFileName();
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await ExchangeCli.RunAsync(app.Factory.Services, ["glossary", "export", path], output, TextWriter.Null));
        }

        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var concept = file.RootElement.GetProperty("concepts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "k-" + suffix);
        Assert.Equal(nl, concept.GetProperty("nl")[0].GetString());
        Assert.True(file.RootElement.GetProperty("concepts").GetArrayLength() >= 400);
        File.Delete(path);

        var id = (await glossary.ListAsync(nl)).Single().Id;
        Assert.True((await glossary.DeleteAsync(admin, id)).Succeeded);
        Assert.Equal(0, await EventuallyAsync(client, nl, organization.Key, 0));
    }

    /// <summary>The total once it is <paramref name="expected"/>, or as it is after 60 seconds.</summary>
    private static async Task<int> EventuallyAsync(HttpClient client, string q, string organization, int expected)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var total = await TotalAsync(client, q, organization);
            if (total == expected || DateTime.UtcNow > until)
            {
                return total;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string q, string organization)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q={q}&org={organization}"));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
