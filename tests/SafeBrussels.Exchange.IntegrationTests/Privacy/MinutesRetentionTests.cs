using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.IntegrationTests.Privacy;

/// <summary>Minutes older than the retention leave the record, its history and search; the host's administrators can still retrieve them.</summary>
[Collection(AppCollection.Name)]
public sealed class MinutesRetentionTests(AppFixture app)
{
    [Fact]
    public async Task Minutes_past_the_retention_are_archived_out_of_the_meeting_its_revisions_and_search()
    {
        var host = await app.CreateOrganizationAsync();
        var guest = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (adminUser, admin) = await app.CreateUserAsync(host, ExchangeRole.OrgAdmin);
        var (_, guestAdmin) = await app.CreateUserAsync(guest, ExchangeRole.OrgAdmin);
        var word = "zwrx" + Guid.NewGuid().ToString("N")[..6];
        var old = MeetingBuilder.Valid("Ancienne réunion", Tlp.Green, guest.Id);
        old.StartsAt = DateTimeOffset.UtcNow.AddYears(-6);
        old.EndsAt = old.StartsAt.AddHours(2);
        old.Minutes = $"Compte rendu détaillé {word}.";
        var recent = MeetingBuilder.Valid("Réunion récente", Tlp.Green, guest.Id);
        recent.Minutes = $"Compte rendu récent {word}.";
        var oldId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().CreateAsync(author, old))).Id!.Value;
        var recentId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().CreateAsync(author, recent))).Id!.Value;

        // Default retention: five years.
        var archived = await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None));
        Assert.True(archived >= 1);
        Assert.Equal(0, await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None)));

        var oldNow = await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().GetAsync(author, oldId));
        Assert.Equal("", oldNow!.Minutes);
        Assert.NotNull(oldNow.MinutesArchivedAt);
        Assert.NotEmpty(oldNow.Decisions);
        Assert.Contains(word, (await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().GetAsync(author, recentId)))!.Minutes);
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.TargetId == oldId.ToString() && e.Detail == "minutes archived (retention)"));
            Assert.All(await db.MeetingRevisions.Where(r => r.MeetingId == oldId).Select(r => r.Snapshot).ToListAsync(), s => Assert.DoesNotContain(word, s));
        }

        var found = await app.WithServiceAsync(s => s.GetRequiredService<SearchService>().SearchAsync(author, new SearchRequest(word)));
        Assert.DoesNotContain(found.Items, h => h.Id == oldId);
        Assert.Contains(found.Items, h => h.Id == recentId);

        // Minutes typed again into the archived meeting are archived again at the next run, next to the first ones.
        var again = MeetingBuilder.Valid("Ancienne réunion", Tlp.Green, guest.Id);
        again.StartsAt = old.StartsAt;
        again.EndsAt = old.EndsAt;
        again.Minutes = "Complément ajouté plus tard.";
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().UpdateAsync(author, oldId, again, oldNow.Version))).Result.Succeeded);
        Assert.Equal(1, await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None)));
        Assert.Equal("", (await app.WithServiceAsync(s => s.GetRequiredService<MeetingService>().GetAsync(author, oldId)))!.Minutes);

        // The host's administrator can download them; the guest's administrator and the author cannot.
        var both = await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ReadArchivedAsync(admin, oldId));
        Assert.Contains(word, both);
        Assert.Contains("Complément ajouté plus tard.", both);
        Assert.Null(await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ReadArchivedAsync(guestAdmin, oldId)));
        Assert.Null(await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ReadArchivedAsync(author, oldId)));
        using var session = app.NewSession();
        await session.SignInAsync(adminUser.Email!, AppFixture.Password);
        using var file = await session.Client.GetAsync($"/meetings/{oldId}/archived-minutes.md");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains(word, await file.Content.ReadAsStringAsync());
    }
}
