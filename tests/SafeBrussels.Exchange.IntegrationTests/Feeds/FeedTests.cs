using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Feeds;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Members;

namespace SafeBrussels.Exchange.IntegrationTests.Feeds;

[Collection(ContentAppCollection.Name)]
public sealed class FeedTests(AppFixture app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_calendar_feed_parses_and_holds_exactly_the_meetings_the_member_may_see()
    {
        var mine = await app.CreateOrganizationAsync();
        var partner = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, reader) = await app.CreateUserAsync(mine, ExchangeRole.Reader);
        var (_, colleague) = await app.CreateUserAsync(mine, ExchangeRole.Contributor);
        var (_, partnerAuthor) = await app.CreateUserAsync(partner, ExchangeRole.Contributor);
        var (_, otherAuthor) = await app.CreateUserAsync(other, ExchangeRole.Contributor);
        var soon = DateTimeOffset.UtcNow.AddDays(10);

        var visible = new[]
        {
            await Meeting(colleague, "Own AMBER+STRICT", Tlp.AmberStrict, soon),
            await Meeting(partnerAuthor, "Partner AMBER shared with us", Tlp.Amber, soon, mine.Id),
            await Meeting(otherAuthor, "Other GREEN", Tlp.Green, soon.AddDays(-40)),
            await Meeting(otherAuthor, "Other CLEAR, last month", Tlp.Clear, DateTimeOffset.UtcNow.AddMonths(-1)),
        };
        var hidden = new[]
        {
            await Meeting(partnerAuthor, "Partner AMBER not shared", Tlp.Amber, soon),
            await Meeting(partnerAuthor, "Partner AMBER+STRICT", Tlp.AmberStrict, soon, mine.Id),
            await Meeting(colleague, "Colleague's RED", Tlp.Red, soon),
        };
        var tooOld = await Meeting(colleague, "Two years ago", Tlp.Green, DateTimeOffset.UtcNow.AddYears(-2));

        var token = await app.WithServiceAsync(s => s.GetRequiredService<FeedTokenService>().GetOrCreateAsync(reader));
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync($"/feeds/{token}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var ours = new HashSet<string>([mine.Name, partner.Name, other.Name]);
        var events = calendar.Events.Where(e => ours.Any(name => e.Description?.StartsWith(name, StringComparison.Ordinal) == true)).ToList();
        Assert.Equal(visible.Select(id => $"{id}@safebrussels-exchange").Order(), events.Select(e => e.Uid).Order());
        Assert.DoesNotContain(calendar.Events, e => hidden.Concat([tooOld]).Any(id => e.Uid == $"{id}@safebrussels-exchange"));
        var shared = events.Single(e => e.Uid!.StartsWith(visible[1].ToString(), StringComparison.Ordinal));
        Assert.Equal("[TLP:AMBER] Partner AMBER shared with us", shared.Summary);
        Assert.Equal("CONFIDENTIAL", shared.Class);
        Assert.Equal(soon.ToUniversalTime().DateTime, shared.DtStart!.AsUtc, TimeSpan.FromSeconds(1));
        Assert.EndsWith($"/meetings/{visible[1]}", shared.Url!.ToString());

        // The secret in the path never reaches the logs.
        Assert.DoesNotContain(app.Factory.LogEvents, e => e.RenderMessage().Contains(token[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replaced_token_or_a_deactivated_member_gets_404_and_no_data()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (user, reader) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var tokens = (Func<Func<FeedTokenService, Task<string>>, Task<string>>)(action => app.WithServiceAsync(s => action(s.GetRequiredService<FeedTokenService>())));
        var first = await tokens(t => t.GetOrCreateAsync(reader));
        Assert.Equal(first, await tokens(t => t.GetOrCreateAsync(reader)));
        using var client = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/feeds/{first}/calendar.ics")).StatusCode);

        var second = await tokens(t => t.ReplaceAsync(reader));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feeds/{first}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feeds/{first}/themes/street-harassment.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/feeds/{second}/themes/street-harassment.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/sbf_made-up/calendar.ics")).StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            // The trail says which link was made and which stopped working.
            var trail = await db.AuditEntries.Where(e => e.ActorId == user.Id && e.TargetType == "feed-token").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            Assert.Equal(["token.created", "token.revoked", "token.created"], trail);
        }


        await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().DeactivateAsync(admin, user.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feeds/{second}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task The_theme_feed_is_valid_atom_and_never_carries_amber_or_above()
    {
        var mine = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, reader) = await app.CreateUserAsync(mine, ExchangeRole.Reader);
        var (_, colleague) = await app.CreateUserAsync(mine, ExchangeRole.Contributor);
        var (_, stranger) = await app.CreateUserAsync(other, ExchangeRole.Contributor);

        // On the parent theme through its child (street harassment sits under intrafamily violence).
        var included = new[]
        {
            await app.CreateAsync(colleague, PracticeBuilder.Input("Clear practice", Tlp.Clear)),
            await app.CreateAsync(stranger, PracticeBuilder.Input("Other city's green practice", Tlp.Green)),
            await Meeting(stranger, "Green meeting", Tlp.Green, DateTimeOffset.UtcNow.AddDays(3)),
        };
        var excluded = new[]
        {
            await app.CreateAsync(colleague, PracticeBuilder.Input("Own AMBER practice, visible but not for a feed", Tlp.Amber)),
            await Meeting(colleague, "Own AMBER meeting", Tlp.Amber, DateTimeOffset.UtcNow.AddDays(3)),
            await app.CreateAsync(colleague, PracticeBuilder.Input("Own RED practice", Tlp.Red)),
            await app.CreateAsync(stranger, PracticeBuilder.Input("Green on another theme", Tlp.Green, "fr", "radicalisation")),
        };

        var token = await app.WithServiceAsync(s => s.GetRequiredService<FeedTokenService>().GetOrCreateAsync(reader));
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync($"/feeds/{token}/themes/intrafamily-violence.atom?lang=nl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        // Atom 1.0 as System.ServiceModel.Syndication reads it, and RFC 4287's required elements.
        using (var reader2 = XmlReader.Create(new StringReader(xml)))
        {
            Assert.True(new Atom10FeedFormatter().CanRead(reader2));
            var feed = SyndicationFeed.Load(reader2);
            Assert.NotNull(feed.Id);
            Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString().Contains("/themes/intrafamily-violence.atom", StringComparison.Ordinal));
            Assert.All(feed.Items, item =>
            {
                Assert.False(string.IsNullOrEmpty(item.Id));
                Assert.False(string.IsNullOrEmpty(item.Title?.Text));
                Assert.NotEqual(default, item.LastUpdatedTime);
                Assert.Contains(item.Links, l => l.RelationshipType == "alternate");
            });
        }

        var document = XDocument.Parse(xml);
        var root = document.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.Single(root.Elements(Atom + required));
        }

        Assert.Contains("Intrafamiliaal geweld", root.Element(Atom + "title")!.Value, StringComparison.OrdinalIgnoreCase);
        var entries = root.Elements(Atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.All(included, id => Assert.Contains($"urn:uuid:{id}", ids));
        Assert.All(excluded, id => Assert.DoesNotContain($"urn:uuid:{id}", ids));
        // Whatever else other tests wrote: nothing above GREEN, ever.
        Assert.All(entries, e => Assert.Matches(@"^\[TLP:(CLEAR|GREEN)\] ", e.Element(Atom + "title")!.Value));
    }

    private async Task<Guid> Meeting(Viewer author, string title, Tlp tlp, DateTimeOffset startsAt, params Guid[] participants)
    {
        var input = MeetingBuilder.Valid(title, tlp, participants);
        input.StartsAt = startsAt;
        input.EndsAt = startsAt.AddHours(2);
        var outcome = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, input));
        Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
        return outcome.Id!.Value;
    }
}
