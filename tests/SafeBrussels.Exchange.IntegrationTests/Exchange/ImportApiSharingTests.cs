using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>
/// The outside probe's steps through <c>POST /api/v1/import</c>: a platform administrator whose organization only
/// participates in another city's AMBER meeting can neither relabel it for everyone nor take it over; the dry run
/// answers the same, and the meeting stays as it was for its owners and for strangers.
/// </summary>
[Collection(ContentAppCollection.Name)]
public sealed class ImportApiSharingTests(AppFixture app)
{
    // The matrix's records, imported once by the operator into the shared database under keys of their own.
    private static readonly string Scope = $"x{Guid.NewGuid():N}"[..9] + "-";
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static HttpClient? _admin;

    public static TheoryData<ImportMatrix.Relation, ImportMatrix.Change> Cells() => ImportMatrix.Cells();

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Through_the_api_an_administrator_writes_only_their_own_organizations_records_and_only_those_they_may_edit(
        ImportMatrix.Relation relation, ImportMatrix.Change change)
    {
        var client = await AdministratorOfCityBAsync();
        foreach (var collection in new[] { "practices", "meetings" })
        {
            var (json, _, organization) = ImportMatrix.File(collection, relation, change);
            var expected = ImportMatrix.Expected(relation, change, organization, editable: false, collection);
            var answers = new List<string>();
            foreach (var query in new[] { "?dryRun=true", "" })
            {
                using var response = await client.PostAsync($"/api/v1/import{query}", new StringContent(ImportMatrix.Scoped(json, Scope), Encoding.UTF8, "application/json"));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((expected.Count == 0 ? HttpStatusCode.OK : HttpStatusCode.BadRequest) == response.StatusCode, $"{relation} × {change} ({collection}): {body}");
                if (expected.Count > 0)
                {
                    using var problems = JsonDocument.Parse(body);
                    var found = problems.RootElement.GetProperty("problems").EnumerateArray()
                        .Select(p => (p.GetProperty("path").GetString(), p.GetProperty("message").GetString()!)).ToList();
                    Assert.Equal(expected.Select(e => e.Path), found.Select(f => f.Item1));
                    Assert.All(found.Zip(expected), pair => Assert.Contains(
                        pair.Second.Code == Web.Features.Exchange.ExchangeProblemCodes.NotYourOrganization ? "is not your organization" : "a record you may not change",
                        pair.First.Item2, StringComparison.Ordinal));
                    answers.Add(string.Join("\n", found));
                }
            }

            Assert.True(answers.Count == 0 || answers[0] == answers[1], "the dry run and the import answer the same");
        }
    }

    private async Task<HttpClient> AdministratorOfCityBAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_admin is null)
            {
                var report = await app.WithServiceAsync(s => s.GetRequiredService<Web.Features.Exchange.ExchangeImporter>()
                    .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(ImportMatrix.Scoped(ImportMatrix.Document, Scope))), dryRun: false));
                Assert.True(report.Succeeded, string.Join("\n", report.Problems));
                await using var db = app.Database.CreateContext();
                var cityB = await db.Organizations.SingleAsync(o => o.Key == Scope + "city-b");
                _admin = await app.BearerClientAsync((await app.CreateUserAsync(cityB, ExchangeRole.PlatformAdmin)).User);
            }

            return _admin;
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Fact]
    public async Task An_administrator_cannot_relabel_nor_take_over_another_citys_meeting_through_the_api()
    {
        var ghent = await app.CreateOrganizationAsync("nl");
        var brussels = await app.CreateOrganizationAsync();
        var antwerp = await app.CreateOrganizationAsync("nl");
        var (contributor, contributorViewer) = await app.CreateUserAsync(ghent, ExchangeRole.Contributor);
        var (admin, _) = await app.CreateUserAsync(brussels, ExchangeRole.PlatformAdmin);
        var (stranger, _) = await app.CreateUserAsync(antwerp, ExchangeRole.Reader);
        var input = MeetingBuilder.Valid("Overleg met de informant", Tlp.Amber, brussels.Id);
        input.Minutes = "Wat de informant vertelde.";
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(contributorViewer, input));
        var id = created.Id!.Value;

        using var client = await app.BearerClientAsync(admin);
        foreach (var (organization, tlp, path) in new[]
        {
            (ghent.Key, "CLEAR", "$.meetings[0].organization"),
            (brussels.Key, "AMBER+STRICT", "$.meetings[0].externalId"),
        })
        {
            var file = $$"""
                { "format": "safebrussels-exchange/1",
                  "meetings": [ { "externalId": "{{id}}", "organization": "{{organization}}", "language": "fr", "title": "Overleg met de informant",
                                  "startsAt": "2026-03-12T10:00:00+01:00", "themes": ["street-harassment"], "tlp": "{{tlp}}",
                                  "participants": ["{{brussels.Key}}"], "minutes": "Wat de informant vertelde." } ] }
                """;
            var answers = new List<string>();
            foreach (var query in new[] { "?dryRun=true", "" })
            {
                using var response = await client.PostAsync($"/api/v1/import{query}", new StringContent(file, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var problems = body.RootElement.GetProperty("problems").EnumerateArray().ToList();
                Assert.Equal([path], problems.Select(p => p.GetProperty("path").GetString()));
                answers.Add(string.Join("\n", problems.Select(p => p.GetProperty("message").GetString())));
            }

            Assert.Equal(answers[0], answers[1]);
        }

        // Nothing changed: the stranger still gets 404, the owner still reads it as AMBER.
        using (var strangerClient = await app.BearerClientAsync(stranger))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        }

        using var ownerClient = await app.BearerClientAsync(contributor);
        using var meeting = JsonDocument.Parse(await ownerClient.GetStringAsync($"/api/v1/meetings/{id}"));
        Assert.Equal("AMBER", meeting.RootElement.GetProperty("tlp").GetString());
    }
}
