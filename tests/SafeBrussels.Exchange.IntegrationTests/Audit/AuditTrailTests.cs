using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.IntegrationTests.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditTrailTests(AppFixture app)
{
    [Fact]
    public async Task The_database_refuses_to_update_delete_or_truncate_the_trail_even_for_the_applications_own_role()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.ActorId == user.Id && e.Action == AuditActions.SignInSucceeded);

        // The application's connection (the table's owner here) is refused by the database itself.
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "edited")));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);

        // Setting the purge marker by hand does not open recent entries either.
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT set_config('exchange.audit_purge_before', '2999-01-01', false); DELETE FROM audit_entries WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", entry.Id);
            var sneaky = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, sneaky.SqlState);
        }

        await using var check = app.Database.CreateContext();
        Assert.Equal(AuditActions.SignInSucceeded, (await check.AuditEntries.SingleAsync(e => e.Id == entry.Id)).Action);
    }

    [Fact]
    public async Task Retention_purges_only_entries_older_than_the_configured_retention_and_never_under_thirty_days()
    {
        var marker = "retention-" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await using (var db = app.Database.CreateContext())
        {
            foreach (var age in new[] { 800, 100, 0 })
            {
                db.AuditEntries.Add(new AuditEntry { Action = AuditActions.ContentRead, OccurredAt = now.AddDays(-age), Detail = $"{marker} {age}" });
            }

            await db.SaveChangesAsync();
        }

        // The default retention is two years (730 days).
        var purged = await app.WithServiceAsync(s => s.GetRequiredService<AuditRetention>().PurgeAsync(CancellationToken.None));
        Assert.True(purged >= 1);
        await using (var db = app.Database.CreateContext())
        {
            var left = await db.AuditEntries.Where(e => e.Detail!.StartsWith(marker)).Select(e => e.Detail).ToListAsync();
            Assert.Equal([$"{marker} 0", $"{marker} 100"], left.Order().ToList());

            var tooShort = await Assert.ThrowsAsync<PostgresException>(() =>
                db.Database.SqlQuery<long>($"SELECT audit_purge(interval '7 days') AS \"Value\"").SingleAsync());
            Assert.Equal(PostgresErrorCodes.InvalidParameterValue, tooShort.SqlState);
        }
    }

    [Fact]
    public async Task Sign_ins_failures_unknown_accounts_and_lockouts_are_recorded()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        await session.SignInAsync(unknown, "whatever it is");
        using var attacker = app.NewSession();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.SignInAsync(user.Email!, "wrong password " + attempt);
        }

        await using var db = app.Database.CreateContext();
        var mine = await db.AuditEntries.Where(e => e.ActorId == user.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(
            [AuditActions.SignInSucceeded, .. Enumerable.Repeat(AuditActions.SignInFailed, 4), AuditActions.SignInLockedOut],
            mine);
        var stranger = await db.AuditEntries.SingleAsync(e => e.Detail == unknown);
        Assert.Equal(AuditActions.SignInFailed, stranger.Action);
        Assert.Null(stranger.ActorId);
        Assert.All(await db.AuditEntries.Where(e => e.ActorId == user.Id).ToListAsync(), e => Assert.Equal(organization.Id, e.ActorOrganizationId));
    }

    [Fact]
    public async Task Content_changes_tlp_changes_and_reads_of_amber_strict_and_red_records_are_recorded()
    {
        var host = await app.CreateOrganizationAsync();
        var guest = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (_, reader) = await app.CreateUserAsync(guest, ExchangeRole.Reader);
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid("Suivi", Tlp.Amber, guest.Id)));
        var id = created.Id!.Value;

        // An AMBER read is not audited; after the label moves to RED, every read is.
        Assert.NotNull(await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(reader, id)));
        var red = MeetingBuilder.Valid("Suivi", Tlp.Red, guest.Id);
        var saved = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(author, id, red, created.Version!.Value));
        Assert.True(saved.Result.Succeeded);
        Assert.NotNull(await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(author, id)));

        // A refused save (someone saved meanwhile) leaves no entry: the entry is part of the save's transaction.
        var stale = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(author, id, red, created.Version!.Value));
        Assert.True(stale.IsConflict);

        var comment = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(author, RecordRef.Meeting(id), "Noté."));
        await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().DeleteAsync(author, comment.Id!.Value));

        await using var db = app.Database.CreateContext();
        var onMeeting = await db.AuditEntries.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                (AuditActions.ContentCreated, author.UserId, "AMBER"),
                (AuditActions.ContentUpdated, author.UserId, "RED"),
                (AuditActions.ContentTlpChanged, author.UserId, "RED"),
                (AuditActions.ContentRead, author.UserId, "RED"),
            ],
            onMeeting.Select(e => (e.Action, e.ActorId!.Value, e.Tlp!)).ToList());
        Assert.Equal("AMBER → RED", onMeeting[2].Detail);
        Assert.All(onMeeting, e => Assert.Equal(host.Id, e.TargetOrganizationId));
        Assert.All(onMeeting, e => Assert.Equal(AuditTargets.Meeting, e.TargetType));
        // Reading its earlier versions is reading it.
        var reads = await db.AuditEntries.CountAsync(e => e.TargetId == id.ToString() && e.Action == AuditActions.ContentRead);
        Assert.NotNull(await app.WithServiceAsync(s => s.GetRequiredService<MeetingHistoryReader>().HistoryAsync(author, id)));
        Assert.Equal(reads + 1, await db.AuditEntries.CountAsync(e => e.TargetId == id.ToString() && e.Action == AuditActions.ContentRead));
        Assert.Equal(
            [AuditActions.ContentCreated, AuditActions.ContentDeleted],
            await db.AuditEntries.Where(e => e.TargetId == comment.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Search_excerpts_and_exports_of_red_records_are_reads_too_and_of_green_ones_not()
    {
        var host = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var word = "qxv" + Guid.NewGuid().ToString("N")[..8];
        var red = MeetingBuilder.Valid("Cellule " + word, Tlp.Red);
        var green = MeetingBuilder.Valid("Marche " + word, Tlp.Green);
        var redId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, red))).Id!.Value;
        var greenId = (await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, green))).Id!.Value;

        var found = await app.WithServiceAsync(s => s.GetRequiredService<Web.Features.Search.SearchService>().SearchAsync(author, new Web.Features.Search.SearchRequest(word)));
        Assert.Contains(found.Items, h => h.Id == redId);
        Assert.Contains(found.Items, h => h.Id == greenId);
        await app.WithServiceAsync(s => s.GetRequiredService<Web.Features.Exchange.ExchangeExporter>().ExportAsync(author, host.Key));

        await using var db = app.Database.CreateContext();
        var reads = await db.AuditEntries.Where(e => e.ActorId == author.UserId && e.Action == AuditActions.ContentRead)
            .Select(e => new { e.TargetId, e.Detail, e.TargetOrganizationId }).ToListAsync();
        Assert.Contains(reads, r => r.TargetId == redId.ToString() && r.Detail == "search result" && r.TargetOrganizationId == host.Id);
        Assert.Contains(reads, r => r.TargetId == redId.ToString() && r.Detail == "export" && r.TargetOrganizationId == host.Id);
        Assert.DoesNotContain(reads, r => r.TargetId == greenId.ToString());
    }

    [Fact]
    public async Task Role_changes_invitations_and_tokens_are_recorded()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (member, memberViewer) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().ChangeRoleAsync(admin, member.Id, ExchangeRole.Contributor))).Succeeded);
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().DeactivateAsync(admin, member.Id))).Succeeded);
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var invited = await app.WithServiceAsync(s => s.GetRequiredService<Web.Features.Invitations.InvitationService>()
            .InviteAsync(admin, new Web.Features.Invitations.InvitationRequest(email, organization.Id, ExchangeRole.Reader), sendMail: false));
        Assert.True(invited.Result.Succeeded);
        var issued = await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().IssueAsync(memberViewer.UserId, "script", 5));
        Guid tokenId;
        await using (var db = app.Database.CreateContext())
        {
            tokenId = await db.PersonalAccessTokens.Where(t => t.UserId == member.Id).Select(t => t.Id).SingleAsync();
        }

        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<TokenService>().RevokeAsync(memberViewer, tokenId))).Succeeded);

        await using var check = app.Database.CreateContext();
        var aboutMember = await check.AuditEntries.Where(e => e.TargetId == member.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.MemberRoleChanged, AuditActions.MemberDeactivated], aboutMember.Select(e => e.Action).ToList());
        Assert.Equal("reader → contributor", aboutMember[0].Detail);
        Assert.All(aboutMember, e => Assert.Equal(admin.UserId, e.ActorId));
        var invitation = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.InvitationSent && e.Detail!.StartsWith(email));
        Assert.Equal(organization.Id, invitation.TargetOrganizationId);
        Assert.Equal(
            [AuditActions.TokenCreated, AuditActions.TokenRevoked],
            await check.AuditEntries.Where(e => e.TargetId == tokenId.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.DoesNotContain(issued.Token!, string.Join(" ", await check.AuditEntries.Select(e => e.Detail).ToListAsync()));
    }

    [Fact]
    public async Task Organization_admins_read_their_organizations_entries_platform_admins_all_and_others_none()
    {
        var mine = await app.CreateOrganizationAsync();
        var theirs = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(mine, ExchangeRole.OrgAdmin);
        var (_, contributor) = await app.CreateUserAsync(mine, ExchangeRole.Contributor);
        var (_, otherAuthor) = await app.CreateUserAsync(theirs, ExchangeRole.Contributor);
        var (_, platform) = await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.PlatformAdmin);
        var ours = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(contributor, MeetingBuilder.Valid("Chez nous", Tlp.Green)));
        var other = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(otherAuthor, MeetingBuilder.Valid("Ailleurs", Tlp.Green)));

        async Task<List<AuditRow>> List(Viewer viewer, AuditQuery query) =>
            (await app.WithServiceAsync(s => s.GetRequiredService<AuditService>().ListAsync(viewer, query with { PageSize = 200 }))).Items.ToList();

        var seenByAdmin = await List(admin, new AuditQuery(Action: AuditActions.ContentCreated));
        Assert.Contains(seenByAdmin, r => r.TargetId == ours.Id.ToString());
        Assert.DoesNotContain(seenByAdmin, r => r.TargetId == other.Id.ToString());
        Assert.Empty(await List(contributor, new AuditQuery()));

        // The platform administrator sees both, and filters by organization, who, what and when.
        var byOrganization = await List(platform, new AuditQuery(Action: AuditActions.ContentCreated, OrganizationId: theirs.Id));
        Assert.Equal([other.Id.ToString()], byOrganization.Select(r => r.TargetId).ToList());
        var byWho = await List(platform, new AuditQuery(Who: otherAuthor.DisplayName));
        Assert.NotEmpty(byWho);
        Assert.All(byWho, r => Assert.Equal(otherAuthor.DisplayName, r.ActorName));
        Assert.Empty(await List(platform, new AuditQuery(Who: otherAuthor.DisplayName, Before: DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.NotEmpty(await List(platform, new AuditQuery(Who: otherAuthor.DisplayName, From: DateTimeOffset.UtcNow.AddHours(-1))));

        // The page itself: member administrators only.
        using var adminSession = app.NewSession();
        var (adminUser, _) = await app.CreateUserAsync(mine, ExchangeRole.OrgAdmin);
        await adminSession.SignInAsync(adminUser.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await adminSession.Client.GetAsync("/admin/audit")).StatusCode);
        using var readerSession = app.NewSession();
        var (readerUser, _) = await app.CreateUserAsync(mine, ExchangeRole.Reader);
        await readerSession.SignInAsync(readerUser.Email!, AppFixture.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await readerSession.Client.GetAsync("/admin/audit")).StatusCode);
    }
}
