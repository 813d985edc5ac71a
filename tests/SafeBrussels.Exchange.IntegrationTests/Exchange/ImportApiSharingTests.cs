using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>
/// The outside probe's steps through <c>POST /api/v1/import</c>: a platform administrator whose organization only
/// participates in another city's AMBER meeting can neither relabel it for everyone nor take it over; the dry run
/// answers the same, and the meeting stays as it was for its owners and for strangers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportApiSharingTests(AppFixture app)
{
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
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().CreateAsync(contributorViewer, input));
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
