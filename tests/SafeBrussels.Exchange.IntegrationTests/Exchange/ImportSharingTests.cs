using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Exchange;
using static SafeBrussels.Exchange.IntegrationTests.Exchange.ExchangeDatabaseFixture;
using static SafeBrussels.Exchange.TestSupport.ImportMatrix;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>
/// Through the platform (the API and the import page, run by a platform administrator) an import gets no override of
/// the sharing rules: it creates records only for the importer's own organization, changes only the records the
/// importer may edit, and answers for a record they may not see as for one they may see but not change. The dry run
/// and the real import give the same answer, and a refused import writes nothing. The operator's command line may.
/// </summary>
public sealed class ImportSharingTests : IClassFixture<ImportSharingTests.Records>
{
    private readonly Records _records;

    public ImportSharingTests(Records records) => _records = records;

    public static TheoryData<Relation, Change> Matrix => Cells();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_platform_administrator_writes_only_their_own_organizations_records_and_only_those_they_may_edit(Relation relation, Change change)
    {
        var database = _records.Database;
        var admin = await ViewerOfAsync(database, "city-b", ExchangeRole.PlatformAdmin);
        foreach (var collection in new[] { "practices", "meetings" })
        {
            var (json, externalId, organization) = File(collection, relation, change);
            var cell = $"{relation} × {change} ({collection})";
            var expected = Expected(relation, change, organization, editable: false, collection);
            var before = await FingerprintAsync(database);
            var dryRun = await ImportAsAsync(admin, database, json, dryRun: true);
            Assert.True(before == await FingerprintAsync(database), $"{cell}: a dry run writes nothing");
            var real = await ImportAsAsync(admin, database, json, dryRun: false);
            Assert.Equal(Describe(dryRun), Describe(real));
            Assert.True(expected.SequenceEqual(real.Problems.Select(p => (p.Path, p.Code))),
                $"{cell}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", real.Problems.Select(p => (p.Path, p.Code)))}]");
            if (!real.Succeeded)
            {
                Assert.True(before == await FingerprintAsync(database), $"{cell}: a refused import writes nothing");
            }
            else if (relation is Relation.NewOwn or Relation.NewOther)
            {
                Assert.Equal(1, real.Created.Practices + real.Created.Meetings);
                await DeleteAsync(database, collection, externalId);
            }
            else
            {
                Assert.Equal(1, real.Unchanged.Practices + real.Unchanged.Meetings);
            }
        }
    }

    [Theory]
    [InlineData(Change.Title)]
    [InlineData(Change.Label)]
    [InlineData(Change.Audience)]
    public async Task Whoever_may_edit_a_record_may_change_it_by_import_as_in_the_editor(Change change)
    {
        // The rule is the editor's: a contributor of the owning organization may change its label and audience, not
        // what they may not see. (The page and the API are for platform administrators, who edit no content.)
        await using var database = await TestDatabase.CreateAsync("ixe");
        Assert.True((await ImportAsync(database, Document)).Succeeded);
        var contributor = await ViewerOfAsync(database, "city-b", ExchangeRole.Contributor);
        foreach (var collection in new[] { "practices", "meetings" })
        {
            if (change == Change.Audience && collection == "practices")
            {
                continue;
            }

            var (json, _, _) = File(collection, Relation.OwnVisible, change);
            var report = await ImportAsAsync(contributor, database, json, dryRun: false);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            Assert.Equal(1, report.Updated.Practices + report.Updated.Meetings);

            var (hidden, _, _) = File(collection, Relation.OwnHidden, change);
            Assert.Equal([$"$.{collection}[0].externalId"], (await ImportAsAsync(contributor, database, hidden, dryRun: false)).Problems.Select(p => p.Path));
        }
    }

    [Fact]
    public async Task A_record_the_importer_may_not_see_answers_exactly_like_one_that_does_not_exist()
    {
        var database = _records.Database;
        var admin = await ViewerOfAsync(database, "city-b", ExchangeRole.PlatformAdmin);
        foreach (var collection in new[] { "practices", "meetings" })
        {
            var hidden = await ImportAsAsync(admin, database, File(collection, Relation.OtherHidden, Change.Label).Json, dryRun: true);
            var missing = await ImportAsAsync(admin, database, File(collection, Relation.NewOther, Change.Label).Json, dryRun: true);
            Assert.Equal(Describe(missing), Describe(hidden));
            Assert.Contains("not your organization", hidden.Problems.Single().Message, StringComparison.Ordinal);

            // Claimed for their own organization: refused as a record they see but may not change is.
            var moved = await ImportAsAsync(admin, database, File(collection, Relation.OtherHidden, Change.Owner).Json, dryRun: true);
            var seen = await ImportAsAsync(admin, database, File(collection, Relation.OtherVisible, Change.Owner).Json, dryRun: true);
            Assert.Equal(Describe(seen).Replace(Id(collection, Relation.OtherVisible), "?", StringComparison.Ordinal),
                Describe(moved).Replace(Id(collection, Relation.OtherHidden), "?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_adaptation_of_a_hidden_practice_is_refused_as_if_the_practice_did_not_exist_and_the_operator_keeps_its_power()
    {
        await using var database = await TestDatabase.CreateAsync("ixo");
        Assert.True((await ImportAsync(database, Document)).Succeeded);
        var admin = await ViewerOfAsync(database, "city-b", ExchangeRole.PlatformAdmin);
        var before = await FingerprintAsync(database);
        var adaptation = $$"""
            {
              "format": "safebrussels-exchange/1",
              "practices": [
                { "externalId": "b-p-adapted", "organization": "city-b", "language": "nl", "title": "Verkenningswandelingen", "summary": "Bewoonsters lopen door de wijk.",
                  "themes": ["street-harassment"], "adaptedFrom": "{{Id("practices", Relation.OtherHidden)}}",
                  "adaptation": { "localContext": "Gent", "changes": "Met de buurtregie." } }
              ]
            }
            """;
        var adapted = await ImportAsAsync(admin, database, adaptation, dryRun: false);
        Assert.Equal([("$.practices[0].adaptedFrom", "unknownPractice")], adapted.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal(before, await FingerprintAsync(database));

        // The operator's command line (no actor) may relabel and move records, as docs/exchange-format.md says.
        var relabelled = JsonNode.Parse(Document)!;
        foreach (var record in relabelled["practices"]!.AsArray().Concat(relabelled["meetings"]!.AsArray()))
        {
            record!["tlp"] = "GREEN";
        }

        var byOperator = await ImportAsync(database, relabelled.ToJsonString());
        Assert.True(byOperator.Succeeded, string.Join("\n", byOperator.Problems));
        Assert.Equal((2, 3), (byOperator.Updated.Practices, byOperator.Updated.Meetings));
        Assert.True((await ImportAsAsync(admin, database, adaptation, dryRun: false)).Succeeded);

        // An imported version is kept under the label the meeting has as it is written.
        await using var db = database.CreateContext();
        Assert.All(await db.MeetingRevisions.Where(r => r.Number == 2).Select(r => r.Tlp).ToListAsync(), tlp => Assert.Equal(Tlp.Green, tlp));
        Assert.Contains(Tlp.Red, await db.MeetingRevisions.Where(r => r.Number == 1).Select(r => r.Tlp).ToListAsync());
    }

    private static string Describe(ImportReport report) =>
        $"{report.Succeeded} {report.Created} {report.Updated} {report.Unchanged} | {string.Join(" | ", report.Problems)}";

    private static async Task<ImportReport> ImportAsAsync(Viewer actor, TestDatabase database, string json, bool dryRun) =>
        await Importer(database).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), dryRun, actor: actor);

    private static async Task<Viewer> ViewerOfAsync(TestDatabase database, string organizationKey, ExchangeRole role)
    {
        await using var db = database.CreateContext();
        var organizationId = await db.Organizations.Where(o => o.Key == organizationKey).Select(o => o.Id).SingleAsync();
        // A member on record: an import decides on the importer's role as the database holds it.
        var email = $"importer-{Guid.NewGuid():N}@{organizationKey}.example";
        var user = new ApplicationUser
        {
            Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            OrganizationId = organizationId, Role = role, DisplayName = $"{role} of {organizationKey}",
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Viewer(user.Id, organizationId, role, user.DisplayName);
    }

    private static async Task DeleteAsync(TestDatabase database, string collection, string externalId)
    {
        await using var db = database.CreateContext();
        _ = collection == "practices"
            ? await db.Practices.Where(p => p.ExternalId == externalId).ExecuteDeleteAsync()
            : await db.Meetings.Where(m => m.ExternalId == externalId).ExecuteDeleteAsync();
    }

    /// <summary>A database of its own with the matrix's records, imported by the operator.</summary>
    public sealed class Records : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("ixs");
            var report = await ImportAsync(Database, Document);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }
}
