using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Attachments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>The practices API, the export and the import endpoint, under the sharing rules and the format's contract.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class PracticesApiTests(AppFixture app)
{
    public static TheoryData<string, Tlp[]> Matrix => new()
    {
        { "author", [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red] },
        { "colleague", [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict] },
        { "other-member", [Tlp.Clear, Tlp.Green] },
        { "platform-admin", [Tlp.Clear, Tlp.Green] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task List_detail_page_and_export_show_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        var host = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (authorUser, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var users = new Dictionary<string, ApplicationUser>
        {
            ["author"] = authorUser,
            ["colleague"] = (await app.CreateUserAsync(host, ExchangeRole.Reader)).User,
            ["other-member"] = (await app.CreateUserAsync(other, ExchangeRole.Contributor)).User,
            ["platform-admin"] = (await app.CreateUserAsync(other, ExchangeRole.PlatformAdmin)).User,
        };
        var practices = new Dictionary<Tlp, Guid>();
        var attachments = new Dictionary<Tlp, Guid>();
        var files = await app.WithServiceAsync(s => Task.FromResult(s.GetRequiredService<AttachmentService>()));
        foreach (var level in TlpLabels.All)
        {
            practices[level] = await app.CreateAsync(author, PracticeBuilder.Input($"Matrix {level} {Guid.NewGuid()}", level));
            var record = RecordRef.Practice(practices[level]);
            Assert.True((await files.AddAsync(author, record, $"{level}.pdf", new MemoryStream(Attachments.AttachmentTests.Pdf))).Succeeded);
            attachments[level] = (await files.ListAsync(author, record)).Single().Id;
        }

        using var client = await app.BearerClientAsync(users[relation]);
        using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/practices?org={host.Key}&pageSize=100"));
        Assert.Equal(allowed.Length, list.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(
            allowed.Select(TlpLabels.ToLabel).Order(),
            list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tlp").GetString()).Order());

        using var export = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/export?org={host.Key}"));
        Assert.Equal(
            allowed.Select(l => practices[l].ToString()).Order(),
            export.RootElement.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("externalId").GetString()).Order());

        using var session = app.NewSession();
        await session.SignInAsync(users[relation].Email!, AppFixture.Password);
        foreach (var (level, id) in practices)
        {
            var expected = allowed.Contains(level) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await client.GetAsync($"/api/v1/practices/{id}")).StatusCode);
            Assert.Equal(expected, (await session.Client.GetAsync($"/practices/{id}")).StatusCode);
            Assert.Equal(expected, (await session.Client.GetAsync($"/attachments/{attachments[level]}")).StatusCode);
        }

        // Only those who may edit a practice attach files to it.
        var outsider = new Web.Features.Accounts.Viewer(users["other-member"].Id, other.Id, ExchangeRole.Contributor, "outsider");
        Assert.Equal("Error.NotFound", (await files.AddAsync(outsider, RecordRef.Practice(practices[Tlp.Green]), "x.pdf", new MemoryStream(Attachments.AttachmentTests.Pdf))).ErrorFor(""));
    }

    [Fact]
    public async Task Filters_select_by_theme_with_its_children_organization_language_evidence_and_status()
    {
        var host = await app.CreateOrganizationAsync();
        var (user, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var harassment = PracticeBuilder.Input("Harcèlement", Tlp.Green, "fr", "street-harassment");
        harassment.Evidence = EvidenceLevel.Evaluated;
        harassment.Status = PracticeStatus.Pilot;
        var harassmentId = await app.CreateAsync(author, harassment);
        var drugs = await app.CreateAsync(author, PracticeBuilder.Input("Drugs", Tlp.Green, "nl", "drugs-addiction"));
        using var client = await app.BearerClientAsync(user);

        async Task<string[]> Ids(string query)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/practices?org={host.Key}&{query}"));
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
        }

        Assert.Equal([harassmentId.ToString()], await Ids("theme=intrafamily-violence"));
        Assert.Equal([drugs.ToString()], await Ids("lang=nl"));
        Assert.Equal([harassmentId.ToString()], await Ids("evidence=evaluated"));
        Assert.Equal([harassmentId.ToString()], await Ids("status=pilot"));
        Assert.Equal(2, (await Ids("sort=title")).Length);

        using var paged = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/practices?org={host.Key}&pageSize=1&page=2"));
        Assert.Equal(2, paged.RootElement.GetProperty("total").GetInt32());
        Assert.Single(paged.RootElement.GetProperty("items").EnumerateArray());

        var bad = await client.GetAsync("/api/v1/practices?evidence=proven&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problems = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.True(problems.RootElement.GetProperty("errors").TryGetProperty("evidence", out _));
        Assert.True(problems.RootElement.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync("/api/v1/practices")).StatusCode);
    }

    [Fact]
    public async Task The_detail_carries_the_record_its_lineage_and_the_meetings_that_cite_it()
    {
        var host = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync("nl");
        var (user, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (_, adapter) = await app.CreateUserAsync(other, ExchangeRole.Contributor);
        var original = await app.CreateAsync(author, PracticeBuilder.Input("Origine " + Guid.NewGuid()));
        var adaptation = await app.CreateAsync(adapter, PracticeBuilder.Input("Aanpassing " + Guid.NewGuid(), Tlp.Green, "nl"), original);
        var cited = MeetingBuilder.Valid("Présentation", Tlp.Green);
        cited.PracticeIds = [original];
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, cited));
        var hidden = MeetingBuilder.Valid("Entre nous", Tlp.AmberStrict);
        hidden.PracticeIds = [original];
        await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, hidden));

        using var client = await app.BearerClientAsync((await app.CreateUserAsync(other, ExchangeRole.Reader)).User);
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/practices/{original}"));
        var root = detail.RootElement;
        Assert.Equal(host.Key, root.GetProperty("organization").GetString());
        Assert.Equal("GREEN", root.GetProperty("tlp").GetString());
        Assert.Equal(adaptation, root.GetProperty("lineage").GetProperty("adaptations")[0].GetProperty("id").GetGuid());
        Assert.Equal(adaptation, root.GetProperty("lineage").GetProperty("tree").GetProperty("adaptations")[0].GetProperty("id").GetGuid());
        Assert.Equal([meeting.Id!.Value], root.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));

        using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/practices?org={other.Key}"));
        Assert.Equal(original.ToString(), list.RootElement.GetProperty("items")[0].GetProperty("adaptedFrom").GetString());
    }

    [Fact]
    public async Task Import_endpoint_is_for_platform_administrators_and_refuses_a_broken_file_with_paths()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        var (contributor, _) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var externalId = "api-" + Guid.NewGuid().ToString("N");
        var file = $$"""
            { "format": "safebrussels-exchange/1",
              "practices": [ { "externalId": "{{externalId}}", "organization": "{{organization.Key}}", "language": "en",
                               "title": "Imported over the API", "summary": "One practice.", "themes": ["crisis-management"] } ] }
            """;

        using (var forbidden = await app.BearerClientAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await forbidden.PostAsync("/api/v1/import", Json(file))).StatusCode);
        }

        using var client = await app.BearerClientAsync(admin);
        var dryRun = await client.PostAsync("/api/v1/import?dryRun=true", Json(file));
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        using (var counts = JsonDocument.Parse(await dryRun.Content.ReadAsStringAsync()))
        {
            Assert.True(counts.RootElement.GetProperty("dryRun").GetBoolean());
            Assert.Equal(1, counts.RootElement.GetProperty("created").GetProperty("practices").GetInt32());
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Practices.AnyAsync(p => p.ExternalId == externalId));
        }

        var imported = await client.PostAsync("/api/v1/import", Json(file));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.Practices.AnyAsync(p => p.ExternalId == externalId));
        }

        var broken = await client.PostAsync("/api/v1/import", Json(file.Replace("crisis-management", "drugs", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        using var problems = JsonDocument.Parse(await broken.Content.ReadAsStringAsync());
        var problem = problems.RootElement.GetProperty("problems")[0];
        Assert.Equal("$.practices[0].themes[0]", problem.GetProperty("path").GetString());
        Assert.Equal("unknown theme 'drugs'", problem.GetProperty("message").GetString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
