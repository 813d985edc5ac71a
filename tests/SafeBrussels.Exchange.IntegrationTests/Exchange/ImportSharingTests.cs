using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using static SafeBrussels.Exchange.IntegrationTests.Exchange.ExchangeDatabaseFixture;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>
/// Through the platform (the API and the import page, run by a platform administrator) an import gets no override of
/// the sharing rules: it neither replaces nor adapts a record its administrator may not see, which would let them
/// relabel it and read what was kept on it. The operator's command line may.
/// </summary>
public sealed class ImportSharingTests
{
    private const string File = """
        {
          "format": "safebrussels-exchange/1",
          "organizations": [
            { "key": "city-a", "name": "City A", "languages": ["fr"] },
            { "key": "city-b", "name": "City B", "languages": ["nl"] }
          ],
          "practices": [
            { "externalId": "a-p-1", "organization": "city-a", "language": "fr", "title": "Marches exploratoires",
              "summary": "Des habitantes arpentent le quartier.", "themes": ["street-harassment"], "tlp": "AMBER+STRICT" }
          ],
          "meetings": [
            { "externalId": "a-m-1", "organization": "city-a", "language": "fr", "title": "Cellule de crise",
              "startsAt": "2026-11-20T10:00:00+01:00", "themes": ["crisis-management"], "tlp": "RED",
              "minutes": "Ce qui s'est dit en cellule de crise." }
          ]
        }
        """;

    [Fact]
    public async Task An_administrator_may_not_replace_nor_adapt_a_record_they_may_not_see_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync("ixs");
        Assert.True((await ImportAsync(database, File)).Succeeded);
        var admin = await AdministratorOfAsync(database, "city-b");
        var before = await FingerprintAsync(database);

        // Relabelled GREEN, so that they could read them (and what was kept on them) afterwards.
        var relabelled = JsonNode.Parse(File)!;
        relabelled["practices"]![0]!["tlp"] = "GREEN";
        relabelled["meetings"]![0]!["tlp"] = "GREEN";
        foreach (var dryRun in new[] { true, false })
        {
            var report = await ImportAsAsync(admin, database, relabelled.ToJsonString(), dryRun);
            Assert.False(report.Written);
            Assert.Equal(
                [("$.practices[0].externalId", "notVisible"), ("$.meetings[0].externalId", "notVisible")],
                report.Problems.Select(p => (p.Path, p.Code)));
            Assert.All(report.Problems, p => Assert.Contains("a record you may not see", p.Message, StringComparison.Ordinal));
        }

        // An adaptation of the hidden practice is refused as if the practice did not exist.
        var adaptation = """
            {
              "format": "safebrussels-exchange/1",
              "practices": [
                { "externalId": "b-p-1", "organization": "city-b", "language": "nl", "title": "Verkenningswandelingen", "summary": "Bewoonsters lopen door de wijk.",
                  "themes": ["street-harassment"], "adaptedFrom": "a-p-1",
                  "adaptation": { "localContext": "Gent", "changes": "Met de buurtregie." } }
              ]
            }
            """;
        var adapted = await ImportAsAsync(admin, database, adaptation);
        Assert.Equal([("$.practices[0].adaptedFrom", "unknownPractice")], adapted.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal(before, await FingerprintAsync(database));

        // An administrator of the owning organization sees the practice but not the RED meeting.
        var owner = await AdministratorOfAsync(database, "city-a");
        Assert.Equal(["$.meetings[0].externalId"], (await ImportAsAsync(owner, database, relabelled.ToJsonString())).Problems.Select(p => p.Path));
        Assert.Equal(before, await FingerprintAsync(database));

        // The operator's command line (no actor) may relabel them, as docs/exchange-format.md says; then the administrator
        // of another city, who now sees them, may update them in turn.
        var byOperator = await ImportAsync(database, relabelled.ToJsonString());
        Assert.Equal((1, 1), (byOperator.Updated.Practices, byOperator.Updated.Meetings));
        relabelled["practices"]![0]!["title"] = "Marches exploratoires de nuit";
        var byAdministrator = await ImportAsAsync(admin, database, relabelled.ToJsonString());
        Assert.True(byAdministrator.Succeeded, string.Join("\n", byAdministrator.Problems));
        Assert.Equal(1, byAdministrator.Updated.Practices);
        Assert.True((await ImportAsAsync(admin, database, adaptation)).Succeeded);
    }

    private static async Task<Web.Features.Exchange.ImportReport> ImportAsAsync(Viewer actor, TestDatabase database, string json, bool dryRun = false) =>
        await Importer(database).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), dryRun, actor: actor);

    private static async Task<Viewer> AdministratorOfAsync(TestDatabase database, string organizationKey)
    {
        await using var db = database.CreateContext();
        var organizationId = await db.Organizations.Where(o => o.Key == organizationKey).Select(o => o.Id).SingleAsync();
        return new Viewer(Guid.NewGuid(), organizationId, ExchangeRole.PlatformAdmin, $"Platform administrator of {organizationKey}");
    }
}
