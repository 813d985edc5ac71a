using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
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
        var oldId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, old))).Id!.Value;
        var recentId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, recent))).Id!.Value;

        // Default retention: five years.
        var archived = await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None));
        Assert.True(archived >= 1);
        Assert.Equal(0, await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None)));

        var oldNow = await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(author, oldId));
        Assert.Equal("", oldNow!.Minutes);
        Assert.NotNull(oldNow.MinutesArchivedAt);
        Assert.NotEmpty(oldNow.Decisions);
        Assert.Contains(word, (await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(author, recentId)))!.Minutes);
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
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(author, oldId, again, oldNow.Version))).Result.Succeeded);
        Assert.Equal(1, await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None)));
        Assert.Equal("", (await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(author, oldId)))!.Minutes);

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
    [Fact]
    public async Task Archived_minutes_keep_the_label_they_were_archived_under()
    {
        var host = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (_, admin) = await app.CreateUserAsync(host, ExchangeRole.OrgAdmin);
        var meetings = (Func<MeetingSaver, Task<MeetingSaveOutcome>> action) => app.WithServiceAsync(s => action(s.GetRequiredService<MeetingSaver>()));
        var detail = (Viewer viewer, Guid id) => app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(viewer, id));
        var archive = () => app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ArchiveAsync(CancellationToken.None));

        // RED, its author the only named person: archived as RED.
        var input = MeetingBuilder.Valid("Cellule restreinte", Tlp.Red);
        input.StartsAt = DateTimeOffset.UtcNow.AddYears(-6);
        input.EndsAt = input.StartsAt.AddHours(1);
        input.Minutes = "Nom de l'informateur.";
        var created = await meetings(s => s.CreateAsync(author, input));
        Assert.True(await archive() >= 1);

        // Lowered to AMBER+STRICT: the host's administrator now sees the meeting, not what was archived under RED.
        var current = await detail(author, created.Id!.Value);
        input.Tlp = Tlp.AmberStrict;
        input.Minutes = "Suite, pour toute l'organisation.";
        Assert.True((await meetings(s => s.UpdateAsync(author, created.Id!.Value, input, current!.Version))).Result.Succeeded);
        Assert.NotNull(await detail(admin, created.Id!.Value));
        Assert.Null(await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ReadArchivedAsync(admin, created.Id!.Value)));

        // What was written under AMBER+STRICT and archived in turn is theirs to read, and only that.
        Assert.Equal(1, await archive());
        var readable = await app.WithServiceAsync(s => s.GetRequiredService<MinutesRetention>().ReadArchivedAsync(admin, created.Id!.Value));
        Assert.Equal("Suite, pour toute l'organisation.", readable);
    }
}
