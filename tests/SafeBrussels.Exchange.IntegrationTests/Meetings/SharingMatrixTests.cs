using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

/// <summary>
/// Every TLP level × every viewer relation × every access path available so far: exactly the allowed cells see the
/// record, every other cell gets 404, and list totals never count what the viewer may not see.
/// </summary>
[Collection(MeetingsAppCollection.Name)]
public sealed class SharingMatrixTests(AppFixture app) : IAsyncLifetime
{
    private static readonly Tlp[] Levels = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red];

    // Which levels each relation may see (FIRST TLP 2.0 as docs/sharing.md states it).
    public static TheoryData<string, Tlp[]> Matrix => new()
    {
        { "author", [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red] },
        { "host-colleague", [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict] },
        { "shared-with-member", [Tlp.Clear, Tlp.Green, Tlp.Amber] },
        { "other-member", [Tlp.Clear, Tlp.Green] },
        { "named-person", [Tlp.Clear, Tlp.Green, Tlp.Red] },
        { "platform-admin", [Tlp.Clear, Tlp.Green] },
    };

    private Dictionary<string, ApplicationUser> _viewers = [];
    private Dictionary<Tlp, Guid> _meetings = [];
    private Dictionary<Tlp, Guid> _attachments = [];
    private Organization _host = default!;

    // The members and meetings are read only: made once for the class.
    public async Task InitializeAsync()
    {
        var made = await app.OnceAsync(nameof(SharingMatrixTests), async () =>
        {
            await MakeAsync();
            return this;
        });
        (_host, _viewers, _meetings, _attachments) = (made._host, made._viewers, made._meetings, made._attachments);
    }

    private async Task MakeAsync()
    {
        _host = await app.CreateOrganizationAsync();
        var shared = await app.CreateOrganizationAsync("nl");
        var other = await app.CreateOrganizationAsync();
        var admins = await app.CreateOrganizationAsync("en");
        var (author, authorViewer) = await app.CreateUserAsync(_host, ExchangeRole.Contributor);
        _viewers["author"] = author;
        _viewers["host-colleague"] = (await app.CreateUserAsync(_host, ExchangeRole.Reader)).User;
        _viewers["shared-with-member"] = (await app.CreateUserAsync(shared, ExchangeRole.Reader)).User;
        _viewers["other-member"] = (await app.CreateUserAsync(other, ExchangeRole.Reader)).User;
        _viewers["named-person"] = (await app.CreateUserAsync(other, ExchangeRole.Reader)).User;
        _viewers["platform-admin"] = (await app.CreateUserAsync(admins, ExchangeRole.PlatformAdmin)).User;

        foreach (var level in Levels)
        {
            var input = MeetingBuilder.Valid($"Matrix {level}", level, shared.Id);
            input.AttendeeUserIds = [_viewers["named-person"].Id];
            input.AttendeeNames = ["Agent de quartier (externe)"];
            var outcome = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(authorViewer, input));
            Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
            _meetings[level] = outcome.Id!.Value;
            using var scope = app.Factory.Services.CreateScope();
            var attachments = scope.ServiceProvider.GetRequiredService<SafeBrussels.Exchange.Web.Features.Attachments.AttachmentService>();
            Assert.True((await attachments.AddAsync(authorViewer, SafeBrussels.Exchange.Web.Features.Sharing.RecordRef.Meeting(outcome.Id.Value), $"{level}.pdf", new MemoryStream(Attachments.AttachmentTests.Pdf))).Succeeded);
            _attachments[level] = (await attachments.ListAsync(authorViewer, SafeBrussels.Exchange.Web.Features.Sharing.RecordRef.Meeting(outcome.Id.Value))).Single().Id;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Api_list_and_detail_show_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(_viewers[relation].Email!, AppFixture.Password)).StatusCode);

        using var list = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/v1/meetings?org={_host.Key}&pageSize=100"));
        Assert.Equal(allowed.Length, list.RootElement.GetProperty("total").GetInt32());
        var listed = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tlp").GetString()!).Order().ToList();
        Assert.Equal(allowed.Select(Label).Order().ToList(), listed);

        foreach (var level in Levels)
        {
            var detail = await session.Client.GetAsync($"/api/v1/meetings/{_meetings[level]}");
            Assert.Equal(allowed.Contains(level) ? HttpStatusCode.OK : HttpStatusCode.NotFound, detail.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Detail_page_history_page_attachment_and_ics_download_show_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(_viewers[relation].Email!, AppFixture.Password)).StatusCode);

        foreach (var level in Levels)
        {
            var expected = allowed.Contains(level) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var (page, document) = await session.GetAsync($"/meetings/{_meetings[level]}");
            Assert.Equal(expected, page.StatusCode);
            Assert.Equal(allowed.Contains(level), document.Body!.TextContent.Contains($"Matrix {level}", StringComparison.Ordinal));
            Assert.Equal(expected, (await session.Client.GetAsync($"/meetings/{_meetings[level]}/history")).StatusCode);

            Assert.Equal(expected, (await session.Client.GetAsync($"/attachments/{_attachments[level]}")).StatusCode);

            var ics = await session.Client.GetAsync($"/meetings/{_meetings[level]}/calendar.ics");
            Assert.Equal(expected, ics.StatusCode);
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
                Assert.Contains($"SUMMARY:[TLP:{Label(level)}] Matrix {level}", await ics.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Api_with_a_bearer_token_shows_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        var issued = await app.WithServiceAsync(s => s.GetRequiredService<SafeBrussels.Exchange.Web.Features.Tokens.TokenService>()
            .IssueAsync(_viewers[relation].Id, "matrix", 1));
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Token);

        using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/meetings?org={_host.Key}"));
        Assert.Equal(allowed.Length, list.RootElement.GetProperty("total").GetInt32());
        foreach (var level in Levels)
        {
            var detail = await client.GetAsync($"/api/v1/meetings/{_meetings[level]}");
            Assert.Equal(allowed.Contains(level) ? HttpStatusCode.OK : HttpStatusCode.NotFound, detail.StatusCode);
        }
    }

    /// <summary>
    /// The search index (issue 25) decides who may see a record from its own tokens: its hits, total and every facet
    /// count give exactly the allowed levels, as the lists do.
    /// </summary>
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Search_hits_totals_and_facets_show_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        var issued = await app.WithServiceAsync(s => s.GetRequiredService<SafeBrussels.Exchange.Web.Features.Tokens.TokenService>()
            .IssueAsync(_viewers[relation].Id, "matrix search", 1));
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Token);

        using var found = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q=Matrix&org={_host.Key}&type=meeting&pageSize=100"));
        var root = found.RootElement;
        Assert.Equal(allowed.Length, root.GetProperty("total").GetInt32());
        Assert.Equal(
            allowed.Select(l => _meetings[l]).Order(),
            root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        foreach (var facet in new[] { "type", "org", "lang", "year" })
        {
            Assert.Equal(allowed.Length, root.GetProperty("facets").GetProperty(facet).EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Service_list_and_detail_show_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        var user = _viewers[relation];
        var viewer = new Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName);
        var page = await app.WithServiceAsync(s => s.GetRequiredService<MeetingListing>().ListAsync(viewer, new MeetingQuery(Organization: _host.Key, PageSize: 100)));
        Assert.Equal(allowed.Length, page.Total);
        Assert.Equal(allowed.Order(), page.Items.Select(i => i.Tlp).Order());

        foreach (var level in Levels)
        {
            var detail = await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(viewer, _meetings[level]));
            Assert.Equal(allowed.Contains(level), detail is not null);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Per_organization_and_per_person_visibility_together_give_exactly_the_allowed_levels(string relation, Tlp[] allowed)
    {
        // Digests decide visibility once per organization below RED and per person at RED; the two must add up to the rule.
        var user = _viewers[relation];
        var levels = await app.WithServiceAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<ExchangeDbContext>>().CreateDbContextAsync();
            var ids = _meetings.Values.ToList();
            var meetings = db.Meetings.Where(m => ids.Contains(m.Id));
            var organizations = db.Database.SqlQuery<Guid>($"SELECT {user.OrganizationId} AS \"Value\"");
            var readers = db.Database.SqlQuery<Reader>(
                $"SELECT {user.Id} AS user_id, {user.OrganizationId} AS organization_id, now() AS since");
            var byOrganization = await meetings.SeenByOrganizations(organizations).Select(p => p.Record.Tlp).ToListAsync();
            var personally = await meetings.SeenPersonallyBy(readers).Select(p => p.Record.Tlp).ToListAsync();
            Assert.DoesNotContain(Tlp.Red, byOrganization);
            Assert.All(personally, level => Assert.Equal(Tlp.Red, level));
            return byOrganization.Concat(personally).ToList();
        });

        Assert.Equal(allowed.Order(), levels.Order());
    }

    [Fact]
    public async Task A_record_that_does_not_exist_answers_like_a_hidden_one()
    {
        using var session = app.NewSession();
        await session.SignInAsync(_viewers["other-member"].Email!, AppFixture.Password);
        var missing = await session.Client.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}");
        var hidden = await session.Client.GetAsync($"/api/v1/meetings/{_meetings[Tlp.Red]}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_answers_401_without_credentials()
    {
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/v1/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync($"/api/v1/meetings/{_meetings[Tlp.Clear]}")).StatusCode);
    }

    [Fact]
    public async Task The_api_detail_returns_the_whole_record()
    {
        using var session = app.NewSession();
        await session.SignInAsync(_viewers["shared-with-member"].Email!, AppFixture.Password);
        var meeting = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_meetings[Tlp.Amber]}");

        Assert.Equal("AMBER", meeting.GetProperty("tlp").GetString());
        Assert.Equal(_host.Key, meeting.GetProperty("organization").GetString());
        Assert.Equal("2026-03-12T10:00:00+01:00", meeting.GetProperty("startsAt").GetString());
        Assert.Equal("hybrid", meeting.GetProperty("mode").GetString());
        Assert.Equal(["street-harassment"], meeting.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Tour de table", meeting.GetProperty("agenda")[0].GetProperty("title").GetString());
        Assert.Equal(2, meeting.GetProperty("attendees").GetArrayLength());
        Assert.Single(meeting.GetProperty("participants").EnumerateArray());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=yesterday", "from")]
    public async Task Bad_api_parameters_get_a_precise_error(string query, string field)
    {
        using var session = app.NewSession();
        await session.SignInAsync(_viewers["author"].Email!, AppFixture.Password);
        var response = await session.Client.GetAsync($"/api/v1/meetings?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string Label(Tlp tlp) => SafeBrussels.Exchange.Web.Features.Sharing.TlpLabels.ToLabel(tlp);
}
