using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Idempotency;

/// <summary>A form submitted twice (a double click, a resend) and an API POST retried: one record, the same answer.</summary>
[Collection(SavesAppCollection.Name)]
public sealed class RepeatedSubmissionTests(AppFixture app)
{
    [Fact]
    public async Task Two_concurrent_creates_with_the_same_key_give_one_meeting_and_the_same_answer_twice()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        for (var round = 0; round < 10; round++)
        {
            var key = Guid.NewGuid().ToString("N");
            var title = $"Double click {round} {key}";
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid(title), key))));

            Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, string.Join(", ", o.Result.Errors)));
            Assert.Equal(outcomes[0].Id, outcomes[1].Id);
            Assert.Equal(outcomes[0].Version, outcomes[1].Version);
            await using var db = app.Database.CreateContext();
            Assert.Equal(1, await db.Meetings.CountAsync(m => m.Title == title));
            Assert.Equal(1, await db.MeetingRevisions.CountAsync(r => r.MeetingId == outcomes[0].Id));
        }

        // A later resend of the same form still answers with that meeting; a new form (new key) records a new one.
        var again = MeetingBuilder.Valid("Resent");
        var first = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, again, "resent-form"));
        var resent = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, again, "resent-form"));
        var other = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, again, "another-form"));
        Assert.Equal(first.Id, resent.Id);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task Practices_and_comments_submitted_twice_with_their_key_are_recorded_once()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, colleague) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var title = $"Practice twice {Guid.NewGuid():N}";
        var practices = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            app.WithServiceAsync(s => s.GetRequiredService<PracticeSaver>().CreateAsync(author, PracticeBuilder.Input(title), idempotencyKey: "practice-form"))));
        Assert.All(practices, p => Assert.True(p.Result.Succeeded));
        Assert.Equal(practices[0].Id, practices[1].Id);

        var target = RecordRef.Practice(practices[0].Id!.Value);
        var comments = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(author, target, "Posted twice?", "comment-box"))));
        Assert.Equal(comments[0].Id, comments[1].Id);

        // Keys are each member's own: a colleague's form with the same key is another submission.
        var colleagues = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(colleague, target, "Mine", "comment-box"));
        Assert.NotEqual(comments[0].Id, colleagues.Id);

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Practices.CountAsync(p => p.Title == title));
        Assert.Equal(2, await db.Comments.CountAsync(c => c.PracticeId == target.Id));
    }

    [Fact]
    public async Task An_api_post_retried_with_the_same_idempotency_key_gives_one_record_and_the_first_answer()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        using var client = await app.BearerClientAsync(admin);
        var externalId = "retry-" + Guid.NewGuid().ToString("N");
        var file = $$"""
            { "format": "safebrussels-exchange/1",
              "practices": [ { "externalId": "{{externalId}}", "organization": "{{organization.Key}}", "language": "en",
                               "title": "Imported once", "summary": "One practice.", "themes": ["crisis-management"] } ] }
            """;
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Post(file, key));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(1, JsonDocument.Parse(firstBody).RootElement.GetProperty("created").GetProperty("practices").GetInt32());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        int auditAfterFirst;
        await using (var db = app.Database.CreateContext())
        {
            auditAfterFirst = await db.AuditEntries.CountAsync(e => e.ActorId == admin.Id);
        }

        // The retry (the client never saw the answer, say) gets the first answer again and does nothing.
        using var retry = await client.SendAsync(Post(file, key));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.Practices.CountAsync(p => p.ExternalId == externalId));
            Assert.Equal(auditAfterFirst, await db.AuditEntries.CountAsync(e => e.ActorId == admin.Id));
        }

        // Without the key the same file is imported again (and found unchanged): the replay above is the key's doing.
        using var plain = await client.SendAsync(Post(file, key: null));
        Assert.Equal(1, JsonDocument.Parse(await plain.Content.ReadAsStringAsync()).RootElement.GetProperty("unchanged").GetProperty("practices").GetInt32());

        // The same key with another request is refused; a malformed key too.
        using var reused = await client.SendAsync(Post(file.Replace("Imported once", "Imported twice", StringComparison.Ordinal), key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("used for another request", await reused.Content.ReadAsStringAsync());
        using var malformed = await client.SendAsync(Post(file, new string('k', 201)));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal("Imported once", await db.Practices.Where(p => p.ExternalId == externalId).Select(p => p.Title).SingleAsync());
        }
    }

    private static HttpRequestMessage Post(string file, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import")
        {
            Content = new StringContent(file, System.Text.Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }
}
