using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.TestSupport;
using static SafeBrussels.Exchange.IntegrationTests.Exchange.ExchangeDatabaseFixture;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>The judged dev corpus goes in whole, a second import changes nothing, and export → import → export is a fixed point.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Corpus_imports_once_and_export_import_export_is_a_fixed_point()
    {
        var corpus = await File.ReadAllTextAsync(TestData.SearchDevCorpus);
        await using var first = await TestDatabase.CreateAsync("rt1");

        var report = await ImportAsync(first, corpus);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.True(report.Written);
        Assert.Equal((5, 40, 12), (report.Created.Organizations, report.Created.Practices, report.Created.Meetings));

        var before = await FingerprintAsync(first);
        var again = await ImportAsync(first, corpus);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Created.Total + again.Updated.Total);
        Assert.Equal((5, 40, 12), (again.Unchanged.Organizations, again.Unchanged.Practices, again.Unchanged.Meetings));
        Assert.Equal(before, await FingerprintAsync(first));

        var exported = await ExportAsync(first);
        var document = JsonNode.Parse(exported)!;
        Assert.Equal("safebrussels-exchange/1", (string?)document["format"]);
        Assert.Equal(40, document["practices"]!.AsArray().Count);
        Assert.Equal(12, document["meetings"]!.AsArray().Count);
        Assert.Equal(5, document["organizations"]!.AsArray().Count);
        Assert.Equal(6, document["practices"]!.AsArray().Count(p => p!["adaptedFrom"] is not null));
        AssertSameRecords(JsonNode.Parse(corpus)!, document);

        await using var second = await TestDatabase.CreateAsync("rt2");
        var reimport = await ImportAsync(second, exported);
        Assert.True(reimport.Succeeded, string.Join("\n", reimport.Problems));
        Assert.Equal(exported, await ExportAsync(second));
    }

    [Fact]
    public async Task The_import_adds_every_record_it_writes_to_the_search_indexs_change_sequence()
    {
        var corpus = await File.ReadAllTextAsync(TestData.SearchDevCorpus);
        await using var database = await TestDatabase.CreateAsync("idx");
        Assert.True((await ImportAsync(database, corpus)).Succeeded);

        // In the import's own transaction: every instance's index reads each imported record once the import commits.
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.Equal(40, await CountAsync("SELECT count(*) FROM practices p WHERE EXISTS (SELECT 1 FROM search_changes c WHERE c.record_type = 'practice' AND c.record_id = p.id)"));
        Assert.Equal(12, await CountAsync("SELECT count(*) FROM meetings m WHERE EXISTS (SELECT 1 FROM search_changes c WHERE c.record_type = 'meeting' AND c.record_id = m.id)"));
        Assert.Equal(40, await CountAsync("SELECT count(*) FROM practices"));
        Assert.Equal(12, await CountAsync("SELECT count(*) FROM meetings"));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_writes_nothing()
    {
        var corpus = await File.ReadAllTextAsync(TestData.SearchDevCorpus);
        await using var database = await TestDatabase.CreateAsync("dry");
        var before = await FingerprintAsync(database);

        var report = await Importer(database).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(corpus)), dryRun: true);

        Assert.True(report.Succeeded);
        Assert.False(report.Written);
        Assert.Equal(40, report.Created.Practices);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task Changing_one_record_updates_that_record_alone()
    {
        var corpus = JsonNode.Parse(await File.ReadAllTextAsync(TestData.SearchDevCorpus))!;
        await using var database = await TestDatabase.CreateAsync("upd");
        Assert.True((await ImportAsync(database, corpus.ToJsonString())).Succeeded);

        corpus["practices"]![3]!["title"] = "A new title from the source system";
        corpus["practices"]![3]!["tlp"] = (string?)corpus["practices"]![3]!["tlp"] == "RED" ? "GREEN" : "RED";
        corpus["meetings"]![0]!["decisions"] = new JsonArray("A decision added at the source");
        var report = await ImportAsync(database, corpus.ToJsonString());

        Assert.Equal((0, 1, 1), (report.Updated.Organizations, report.Updated.Practices, report.Updated.Meetings));
        Assert.Equal(39, report.Unchanged.Practices);
        await using (var db = database.CreateContext())
        {
            // The import is in the audit trail like a save on a page, the label change included.
            var relabelled = await db.AuditEntries.Where(e => e.Action == "content.tlp-changed").Select(e => e.Detail).ToListAsync();
            Assert.Single(relabelled);
            Assert.EndsWith("(import)", relabelled[0]);
        }

        var exported = JsonNode.Parse(await ExportAsync(database))!;
        var practiceId = (string?)corpus["practices"]![3]!["externalId"];
        Assert.Equal("A new title from the source system", (string?)exported["practices"]!.AsArray().Single(p => (string?)p!["externalId"] == practiceId)!["title"]);
        var meetingId = (string?)corpus["meetings"]![0]!["externalId"];
        Assert.Equal(["A decision added at the source"], exported["meetings"]!.AsArray().Single(m => (string?)m!["externalId"] == meetingId)!["decisions"]!.AsArray().Select(d => (string?)d));
    }

    /// <summary>The export carries every record of the corpus with its content (defaults made explicit).</summary>
    private static void AssertSameRecords(JsonNode corpus, JsonNode exported)
    {
        foreach (var kind in new[] { "practices", "meetings" })
        {
            var source = corpus[kind]!.AsArray().ToDictionary(r => (string)r!["externalId"]!);
            var written = exported[kind]!.AsArray().ToDictionary(r => (string)r!["externalId"]!);
            Assert.Equal(source.Keys.Order(), written.Keys.Order());
            foreach (var (id, record) in source)
            {
                foreach (var field in new[] { "title", "language", "organization", "summary", "problem", "approach", "results", "minutes", "startsAt", "endsAt", "adaptedFrom" })
                {
                    Assert.True(
                        JsonNode.DeepEquals(record![field], written[id]![field]),
                        $"{kind} {id}.{field}: {record[field]?.ToJsonString()} became {written[id]![field]?.ToJsonString()}");
                }

                var themes = record!["themes"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal);
                Assert.Equal(themes, written[id]!["themes"]!.AsArray().Select(t => (string)t!));
            }
        }
    }
}
