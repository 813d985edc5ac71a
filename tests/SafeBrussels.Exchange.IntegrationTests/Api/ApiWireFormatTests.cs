using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Api;

/// <summary>
/// The API's JSON on the wire, byte for byte, for each operation of <c>/api/v1</c>: the field names, their order,
/// their shapes and nulls are a contract (docs/api.md). Only what differs from run to run is replaced: ids, the
/// organization's key and name, the instants of writing, a search's score. A search's snippet and facet values are
/// what the engine makes of the record (issue 25: the search index replaced PostgreSQL's ts_headline, and the theme
/// facet counts a sub-theme's records under its parent too); their shape is the contract.
/// </summary>
[Collection(ContentAppCollection.Name)]
public sealed partial class ApiWireFormatTests(AppFixture app)
{
    [Fact]
    public async Task Each_operation_answers_exactly_the_documented_json()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (reader, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var word = "filet" + Guid.NewGuid().ToString("N")[..8];
        var original = await app.CreateAsync(author, PracticeBuilder.Input($"Marches {word}", Tlp.Green, "fr", "street-harassment"));
        var adaptation = await app.CreateAsync(author, PracticeBuilder.Input($"Wandelingen {word}", Tlp.Green, "nl"), adaptedFrom: original);
        var meeting = MeetingBuilder.Valid($"Réunion {word}", Tlp.Green);
        meeting.ActionItems = [new ActionItemInput { Title = "Partager le guide", Due = new DateOnly(2026, 4, 1) }];
        var meetingId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, meeting))).Id!.Value;
        using var client = await app.BearerClientAsync(reader);
        string Normal(string json) => Normalize(json, organization.Key, organization.Name, word);

        AssertWire(
            """{"total":2,"items":[{"id":"<id>","externalId":"<id>","title":"Marches <word>","organization":"<org>","language":"fr","tlp":"GREEN","themes":["street-harassment"],"evidence":"untested","status":"running","adaptedFrom":null},{"id":"<id>","externalId":"<id>","title":"Wandelingen <word>","organization":"<org>","language":"nl","tlp":"GREEN","themes":["street-harassment"],"evidence":"untested","status":"running","adaptedFrom":"<id>"}]}""",
            Normal(await client.GetStringAsync($"/api/v1/practices?org={organization.Key}&sort=title")));
        AssertWire(
            """{"id":"<id>","externalId":"<id>","organization":"<org>","language":"nl","title":"Wandelingen <word>","summary":"Résumé de Wandelingen <word>","problem":"Le problème décrit en quelques mots.","approach":"L’approche suivie.","results":"","targetGroups":[],"themes":["street-harassment"],"tlp":"GREEN","status":"running","evidence":"untested","startedOn":null,"contact":{"name":"","email":""},"adaptedFrom":"<id>","adaptation":{"localContext":"Notre ville, nos partenaires.","changes":"Adapté pour Wandelingen <word>"},"translations":{},"lineage":{"adaptedFrom":{"id":"<id>","externalId":"<id>","title":"Marches <word>","organization":"Org <org>","language":"fr","tlp":"GREEN","status":"running","evidence":"untested","changes":"","adaptations":null},"adaptations":[],"tree":{"id":"<id>","externalId":"<id>","title":"Marches <word>","organization":"Org <org>","language":"fr","tlp":"GREEN","status":"running","evidence":"untested","changes":"","adaptations":[{"id":"<id>","externalId":"<id>","title":"Wandelingen <word>","organization":"Org <org>","language":"nl","tlp":"GREEN","status":"running","evidence":"untested","changes":"Adapté pour Wandelingen <word>","adaptations":[]}]}},"meetings":[],"createdAt":"<time>","updatedAt":"<time>"}""",
            Normal(await client.GetStringAsync($"/api/v1/practices/{adaptation}")));
        AssertWire(
            """{"total":1,"items":[{"id":"<id>","externalId":"<id>","title":"Réunion <word>","organization":"<org>","tlp":"GREEN","startsAt":"<time>","themes":["street-harassment"]}]}""",
            Normal(await client.GetStringAsync($"/api/v1/meetings?org={organization.Key}")));
        AssertWire(
            """{"id":"<id>","externalId":"<id>","organization":"<org>","participants":[],"language":"fr","title":"Réunion <word>","startsAt":"2026-03-12T10:00:00+01:00","endsAt":"2026-03-12T12:30:00+01:00","mode":"hybrid","location":"Rue de la Loi 1, Bruxelles","themes":["street-harassment"],"tlp":"GREEN","agenda":[{"title":"Tour de table","notes":"Chaque ville présente **son** dispositif."}],"minutes":"## Compte rendu\n\nLes deux villes comparent leurs approches.","decisions":["Partager les outils de formation"],"actionItems":[{"title":"Partager le guide","owner":null,"ownerPerson":null,"due":"2026-04-01","done":false}],"attendees":[],"createdAt":"<time>","updatedAt":"<time>"}""",
            Normal(await client.GetStringAsync($"/api/v1/meetings/{meetingId}")));
        AssertWire(
            """{"total":1,"items":[{"type":"meeting","id":"<id>","externalId":"<id>","title":"Réunion <word>","snippet":"Tour de table Chaque ville présente **son** dispositif. Partager les outils de formation ## Compte rendu Les deux villes comparent leurs approches.","language":"fr","themes":["street-harassment"],"organization":"<org>","tlp":"GREEN","date":"<time>","score":<score>,"link":"/meetings/<id>"}],"facets":{"type":[{"value":"meeting","count":1}],"theme":[{"value":"intrafamily-violence","count":1},{"value":"street-harassment","count":1}],"org":[{"value":"<org>","count":1}],"lang":[{"value":"fr","count":1}],"year":[{"value":"2026","count":1}]}}""",
            Normal(await client.GetStringAsync($"/api/v1/search?q={word}&org={organization.Key}&type=meeting")));
        AssertWire(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"evidence":["must be one of untested, promising, evaluated, effective."],"page":["must be a whole number from 1 to 1000000."]}}""",
            Normal(await (await client.GetAsync("/api/v1/practices?page=0&evidence=maybe")).Content.ReadAsStringAsync()));

        using var adminClient = await app.BearerClientAsync(admin);
        var file = $$"""
            { "format": "safebrussels-exchange/1",
              "practices": [ { "externalId": "wire-{{word}}", "organization": "{{organization.Key}}", "language": "en",
                               "title": "Imported", "summary": "One practice.", "themes": ["crisis-management"] } ] }
            """;
        AssertWire(
            """{"dryRun":true,"created":{"organizations":0,"practices":1,"meetings":0},"updated":{"organizations":0,"practices":0,"meetings":0},"unchanged":{"organizations":0,"practices":0,"meetings":0}}""",
            Normal(await (await adminClient.PostAsync("/api/v1/import?dryRun=true", Json(file))).Content.ReadAsStringAsync()));
        AssertWire(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The file was refused; nothing was imported.","status":400,"problems":[{"path":"$.practices[0].themes[0]","code":"unknownTheme","message":"unknown theme 'drugs'"}]}""",
            Normal(await (await adminClient.PostAsync("/api/v1/import", Json(file.Replace("crisis-management", "drugs", StringComparison.Ordinal)))).Content.ReadAsStringAsync()));
        _ = original;
    }

    private static void AssertWire(string expected, string actual) => Assert.Equal(expected, actual);

    private static string Normalize(string json, string organizationKey, string organizationName, string word)
    {
        json = Id().Replace(json, "<id>");
        json = Instant().Replace(json, "\"<time>\"");
        json = Score().Replace(json, "\"score\":<score>");
        json = TraceId().Replace(json, "\"traceId\":\"<trace>\"");
        return json.Replace(organizationKey, "<org>", StringComparison.Ordinal)
            .Replace(organizationName, "<org name>", StringComparison.Ordinal)
            .Replace(word, "<word>", StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();

    // The instants of writing (createdAt, updatedAt): not the meeting's own fixed times.
    [GeneratedRegex("\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-]00:00)\"")]
    private static partial Regex Instant();

    [GeneratedRegex("\"score\":[0-9.eE+-]+")]
    private static partial Regex Score();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
