using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static SafeBrussels.Exchange.IntegrationTests.Exchange.ExchangeDatabaseFixture;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>A file that breaks any rule is refused whole, each problem named by its JSON path, and nothing of it is written.</summary>
public sealed class BrokenFileTests(ExchangeDatabaseFixture fixture) : IClassFixture<ExchangeDatabaseFixture>
{
    private const string Valid = """
        {
          "format": "safebrussels-exchange/1",
          "organizations": [
            { "key": "city-a", "name": "City A", "city": "Aville", "country": "BE", "languages": ["fr"] },
            { "key": "city-b", "name": "City B", "languages": ["nl"] }
          ],
          "practices": [
            { "externalId": "bx-p-1", "organization": "city-a", "language": "fr", "title": "Marches exploratoires",
              "summary": "Des habitantes arpentent le quartier.", "themes": ["street-harassment"], "tlp": "GREEN",
              "startedOn": "2023-04-01", "contact": { "name": "A. Dupont", "email": "a.dupont@city-a.example" },
              "translations": { "nl": { "title": "Verkenningswandelingen", "summary": "Bewoonsters lopen door de wijk." } } },
            { "externalId": "bx-p-2", "organization": "city-b", "language": "nl", "title": "Verkenningswandelingen in Gent",
              "summary": "Aangepast van Brussel.", "themes": ["street-harassment"], "adaptedFrom": "bx-p-1",
              "adaptation": { "localContext": "Gent", "changes": "Met de buurtregie." } }
          ],
          "meetings": [
            { "externalId": "bx-m-1", "organization": "city-a", "participants": ["city-b"], "language": "fr", "title": "Échange",
              "startsAt": "2024-11-20T10:00:00+01:00", "endsAt": "2024-11-20T12:00:00+01:00", "themes": ["crisis-management"],
              "actionItems": [ { "title": "Envoyer le rapport", "owner": "city-b", "due": "2025-01-15" } ] }
          ]
        }
        """;

    public static TheoryData<string, string, string> Variants => new()
    {
        { "wrong format tag", "$.format", "const" },
        { "unknown theme", "$.practices[0].themes[0]", "unknownTheme" },
        { "unknown organization", "$.practices[1].organization", "unknownOrganization" },
        { "dangling adaptedFrom", "$.practices[1].adaptedFrom", "unknownPractice" },
        { "duplicate externalId", "$.practices[1].externalId", "duplicateExternalId" },
        { "bad date", "$.practices[0].startedOn", "date" },
        { "bad TLP", "$.practices[0].tlp", "enum" },
        { "over-long title", "$.practices[0].title", "maxLength" },
        { "wrong type", "$.practices[0].themes", "type" },
        { "truncated JSON", "$", "json" },
        { "missing summary", "$.practices[0]", "required" },
        { "unknown property", "$.practices[0].colour", "additionalProperty" },
        { "bad date-time", "$.meetings[0].startsAt", "dateTime" },
        { "ends before it starts", "$.meetings[0].endsAt", "endsBeforeStart" },
        { "unknown participant", "$.meetings[0].participants[0]", "unknownOrganization" },
        { "unknown action owner", "$.meetings[0].actionItems[0].owner", "unknownOrganization" },
        { "adaptation cycle", "$.practices[0].adaptedFrom", "adaptationCycle" },
        { "translation into its own language", "$.practices[0].translations.fr", "translationLanguage" },
        { "bad email", "$.practices[0].contact.email", "email" },
        { "bad organization key", "$.organizations[0].key", "pattern" },
        { "duplicate organization key", "$.organizations[1].key", "duplicateKey" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Each_broken_variant_is_refused_with_its_path_and_nothing_is_written(string variant, string path, string code)
    {
        var before = await FingerprintAsync(fixture.Database);

        var report = await ImportAsync(fixture.Database, Break(variant));

        Assert.False(report.Succeeded, variant);
        Assert.False(report.Written);
        Assert.Contains(report.Problems, p => p.Path == path && p.Code == code);
        Assert.All(report.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Equal(before, await FingerprintAsync(fixture.Database));
    }

    [Fact]
    public async Task The_valid_file_itself_imports_so_each_variant_fails_for_its_own_reason()
    {
        await using var database = await TestSupport.TestDatabase.CreateAsync("valid");
        var report = await ImportAsync(database, Valid);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((2, 2, 1), (report.Created.Organizations, report.Created.Practices, report.Created.Meetings));

        // Organizations a file creates are in the audit trail, as when made on their page.
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == Web.Features.Audit.AuditActions.OrganizationCreated && e.Detail == "import"));
    }

    [Fact]
    public async Task Control_characters_are_removed_on_reading_so_the_dry_run_and_the_import_agree()
    {
        await using var database = await TestSupport.TestDatabase.CreateAsync("ctl");
        var document = JsonNode.Parse(Valid)!;
        document["practices"]![0]!["title"] = "Marches\u0000 exploratoires\u000B";
        document["meetings"]![0]!["minutes"] = "Compte rendu\u0000 de la\u0085 réunion";
        var json = document.ToJsonString();
        Assert.Contains("\\u0000", json, StringComparison.Ordinal);

        var dryRun = await Importer(database).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), dryRun: true);
        Assert.True(dryRun.Succeeded, string.Join("\n", dryRun.Problems));
        var report = await ImportAsync(database, json);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((dryRun.Created, dryRun.Updated), (report.Created, report.Updated));

        await using var db = database.CreateContext();
        var externalId = document["practices"]![0]!["externalId"]!.GetValue<string>();
        Assert.Equal("Marches exploratoires", await db.Practices.Where(p => p.ExternalId == externalId).Select(p => p.Title).SingleAsync());
        var meetingId = document["meetings"]![0]!["externalId"]!.GetValue<string>();
        Assert.Equal("Compte rendu de la réunion", await db.Meetings.Where(m => m.ExternalId == meetingId).Select(m => m.Minutes).SingleAsync());

        // The same file again changes nothing: its hash is that of the cleaned records.
        Assert.Equal(2, (await ImportAsync(database, json)).Unchanged.Practices);
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_listed_not_only_the_first()
    {
        var document = JsonNode.Parse(Valid)!;
        document["practices"]![0]!["tlp"] = "BLUE";
        document["practices"]![1]!["themes"] = new JsonArray("drugs");
        document["meetings"]![0]!["organization"] = "nowhere";

        var report = await ImportAsync(fixture.Database, document.ToJsonString());

        // Schema problems are reported first; references are checked once the shape is right.
        Assert.Equal(["$.practices[0].tlp"], report.Problems.Select(p => p.Path));
        document["practices"]![0]!["tlp"] = "AMBER";
        report = await ImportAsync(fixture.Database, document.ToJsonString());
        Assert.Equal(["$.practices[1].themes[0]", "$.meetings[0].organization"], report.Problems.Select(p => p.Path));
        Assert.Equal("$.practices[1].themes[0]: unknown theme 'drugs'", report.Problems[0].ToString());
    }

    private static string Break(string variant)
    {
        if (variant == "truncated JSON")
        {
            return Valid[..(Valid.Length / 2)];
        }

        var document = JsonNode.Parse(Valid)!;
        var practices = document["practices"]!;
        var first = practices[0]!;
        var meeting = document["meetings"]![0]!;
        switch (variant)
        {
            case "wrong format tag": document["format"] = "safebrussels-exchange/2"; break;
            case "unknown theme": first["themes"] = new JsonArray("drugs"); break;
            case "unknown organization": practices[1]!["organization"] = "city-z"; break;
            case "dangling adaptedFrom": practices[1]!["adaptedFrom"] = "bx-p-404"; break;
            case "duplicate externalId": practices[1]!["externalId"] = "bx-p-1"; practices[1]!.AsObject().Remove("adaptedFrom"); break;
            case "bad date": first["startedOn"] = "2024-02-30"; break;
            case "bad TLP": first["tlp"] = "BLUE"; break;
            case "over-long title": first["title"] = new string('x', 301); break;
            case "wrong type": first["themes"] = "street-harassment"; break;
            case "missing summary": first.AsObject().Remove("summary"); break;
            case "unknown property": first["colour"] = "red"; break;
            case "bad date-time": meeting["startsAt"] = "2024-11-20 10:00"; break;
            case "ends before it starts": meeting["endsAt"] = "2024-11-20T09:00:00+01:00"; break;
            case "unknown participant": meeting["participants"] = new JsonArray("city-z"); break;
            case "unknown action owner": meeting["actionItems"]![0]!["owner"] = "city-z"; break;
            case "adaptation cycle": first["adaptedFrom"] = "bx-p-2"; break;
            case "translation into its own language": first["translations"]!["fr"] = new JsonObject { ["title"] = "Doublon" }; break;
            case "bad email": first["contact"]!["email"] = "not an address"; break;
            case "bad organization key": document["organizations"]![0]!["key"] = "City A"; break;
            case "duplicate organization key": document["organizations"]![1]!["key"] = "city-a"; break;
            default: throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }

        return document.ToJsonString();
    }
}
