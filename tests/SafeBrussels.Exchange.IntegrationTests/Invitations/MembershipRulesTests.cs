using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Invitations;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.IntegrationTests.Invitations;

/// <summary>
/// Who may change an organization's membership: its own administrators only. A platform administrator of another
/// organization invites only the first administrator of one that has none, and may deactivate an account as an
/// emergency measure; nothing else (otherwise they could add themselves and read what the organization keeps). Every
/// change is audited and mailed to the organization's administrators.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class MembershipRulesTests(AppFixture app)
{
    public enum Action
    {
        Invite,
        InviteAdministrator,
        ChangeRole,
        Deactivate,
        Reactivate,
        Withdraw,
    }

    // Which actions each actor may take on organization X's membership.
    public static TheoryData<string, Action, bool> Matrix()
    {
        var allowed = new Dictionary<string, Action[]>
        {
            ["org-admin of X"] = Enum.GetValues<Action>(),
            ["platform-admin of X"] = Enum.GetValues<Action>(),
            ["org-admin of Y"] = [],
            ["platform-admin of Y"] = [Action.Deactivate],
            ["contributor of X"] = [],
            ["reader of X"] = [],
        };
        var data = new TheoryData<string, Action, bool>();
        foreach (var (actor, actions) in allowed)
        {
            foreach (var action in Enum.GetValues<Action>())
            {
                data.Add(actor, action, actions.Contains(action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_an_organizations_own_administrators_change_its_membership(string actorName, Action action, bool allowed)
    {
        var x = await app.CreateOrganizationAsync();
        var y = await app.CreateOrganizationAsync();
        var (xAdmin, xAdminViewer) = await app.CreateUserAsync(x, ExchangeRole.OrgAdmin);
        var actors = new Dictionary<string, Viewer>
        {
            ["org-admin of X"] = xAdminViewer,
            ["platform-admin of X"] = (await app.CreateUserAsync(x, ExchangeRole.PlatformAdmin)).Viewer,
            ["org-admin of Y"] = (await app.CreateUserAsync(y, ExchangeRole.OrgAdmin)).Viewer,
            ["platform-admin of Y"] = (await app.CreateUserAsync(y, ExchangeRole.PlatformAdmin)).Viewer,
            ["contributor of X"] = (await app.CreateUserAsync(x, ExchangeRole.Contributor)).Viewer,
            ["reader of X"] = (await app.CreateUserAsync(x, ExchangeRole.Reader)).Viewer,
        };
        var actor = actors[actorName];
        var (member, _) = await app.CreateUserAsync(x, ExchangeRole.Reader);
        var (inactive, _) = await app.CreateUserAsync(x, ExchangeRole.Reader);
        Assert.True((await Members(s => s.DeactivateAsync(xAdminViewer, inactive.Id))).Succeeded);
        var pendingEmail = $"pending-{Guid.NewGuid():N}@example.org";
        Assert.True((await Invitations(s => s.InviteAsync(xAdminViewer, new InvitationRequest(pendingEmail, x.Id, ExchangeRole.Reader), sendMail: false))).Result.Succeeded);
        var pending = (await Invitations(s => s.ListPendingAsync(xAdminViewer, x.Id))).Single();
        var invited = $"invited-{Guid.NewGuid():N}@example.org";
        var auditedBefore = await AuditCountAsync(x.Id, actor.UserId);
        var mailsBefore = app.Smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == xAdmin.Email));

        var result = action switch
        {
            Action.Invite => (await Invitations(s => s.InviteAsync(actor, new InvitationRequest(invited, x.Id, ExchangeRole.Reader), sendMail: false))).Result,
            Action.InviteAdministrator => (await Invitations(s => s.InviteAsync(actor, new InvitationRequest(invited, x.Id, ExchangeRole.OrgAdmin), sendMail: false))).Result,
            Action.ChangeRole => await Members(s => s.ChangeRoleAsync(actor, member.Id, ExchangeRole.Contributor)),
            Action.Deactivate => await Members(s => s.DeactivateAsync(actor, member.Id)),
            Action.Reactivate => await Members(s => s.ReactivateAsync(actor, inactive.Id)),
            Action.Withdraw => await Invitations(s => s.RevokeAsync(actor, pending.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(allowed, result.Succeeded);
        await using var db = app.Database.CreateContext();
        var memberNow = await db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id);
        var inactiveNow = await db.Users.AsNoTracking().SingleAsync(u => u.Id == inactive.Id);
        Assert.Equal(allowed && action == Action.ChangeRole, memberNow.Role == ExchangeRole.Contributor);
        Assert.Equal(allowed && action == Action.Deactivate, !memberNow.IsActive);
        Assert.Equal(allowed && action == Action.Reactivate, inactiveNow.IsActive);
        Assert.Equal(allowed && action is Action.Invite or Action.InviteAdministrator, await db.Invitations.AnyAsync(i => i.Email == invited));
        Assert.Equal(allowed && action == Action.Withdraw, (await db.Invitations.SingleAsync(i => i.Id == pending.Id)).RevokedAt is not null);

        // Audited, and mailed to the organization's administrators (not to the one who acted).
        Assert.Equal(allowed ? 1 : 0, await AuditCountAsync(x.Id, actor.UserId) - auditedBefore);
        if (allowed && actor.UserId != xAdmin.Id)
        {
            var mail = await app.Smtp.WaitForMessageToAsync(xAdmin.Email!, matching: m => (m.Subject ?? "").Contains(x.Name, StringComparison.Ordinal));
            Assert.Contains(actor.DisplayName, mail.TextBody, StringComparison.Ordinal);
            if (actorName == "platform-admin of Y")
            {
                Assert.Contains("emergency", mail.TextBody, StringComparison.Ordinal);
                Assert.Contains(await db.AuditEntries.Where(e => e.ActorId == actor.UserId).Select(e => e.Detail).ToListAsync(),
                    d => d != null && d.Contains("emergency", StringComparison.Ordinal));
            }
        }
        else
        {
            Assert.Equal(mailsBefore, app.Smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == xAdmin.Email)));
        }
    }

    [Fact]
    public async Task A_platform_administrator_invites_only_the_first_administrator_of_an_organization_without_one()
    {
        var mine = await app.CreateOrganizationAsync();
        var fresh = await app.CreateOrganizationAsync("nl");
        var (_, platformAdmin) = await app.CreateUserAsync(mine, ExchangeRole.PlatformAdmin);
        var invite = (ExchangeRole role) => Invitations(s => s.InviteAsync(
            platformAdmin, new InvitationRequest($"first-{Guid.NewGuid():N}@example.org", fresh.Id, role), sendMail: false));

        Assert.Equal("Members.FirstAdministratorOnly", (await invite(ExchangeRole.Reader)).Result.ErrorFor("Role"));
        Assert.Equal("Members.FirstAdministratorOnly", (await invite(ExchangeRole.PlatformAdmin)).Result.ErrorFor("Role"));
        Assert.True((await invite(ExchangeRole.OrgAdmin)).Result.Succeeded);

        // Once the organization has an administrator, only they invite: the way a platform administrator could add
        // themselves to another city and read its AMBER+STRICT meetings is closed.
        var (_, firstAdmin) = await app.CreateUserAsync(fresh, ExchangeRole.OrgAdmin);
        Assert.Equal("Members.HasAdministrator", (await invite(ExchangeRole.OrgAdmin)).Result.ErrorFor(""));
        Assert.Equal("Members.FirstAdministratorOnly", (await invite(ExchangeRole.Reader)).Result.ErrorFor("Role"));
        Assert.True((await Invitations(s => s.InviteAsync(firstAdmin, new InvitationRequest($"colleague-{Guid.NewGuid():N}@example.org", fresh.Id, ExchangeRole.Reader), sendMail: false))).Result.Succeeded);

        // The platform administrator still sees who the members are (to deactivate one in an emergency).
        Assert.NotEmpty(await Members(s => s.ListAsync(platformAdmin, fresh.Id)));

        // Deactivating every administrator (an emergency measure they may take) does not reopen the organization to them.
        Assert.True((await Members(s => s.DeactivateAsync(platformAdmin, firstAdmin.UserId))).Succeeded);
        Assert.Equal("Members.HasAdministrator", (await invite(ExchangeRole.OrgAdmin)).Result.ErrorFor(""));
    }

    [Fact]
    public async Task An_invitation_from_outside_the_organization_is_accepted_only_as_its_first_administrator()
    {
        var mine = await app.CreateOrganizationAsync();
        var fresh = await app.CreateOrganizationAsync();
        var (platformAdminUser, platformAdmin) = await app.CreateUserAsync(mine, ExchangeRole.PlatformAdmin);
        var first = await Invitations(s => s.InviteAsync(platformAdmin, new InvitationRequest($"a-{Guid.NewGuid():N}@example.org", fresh.Id, ExchangeRole.OrgAdmin), sendMail: false));
        var second = await Invitations(s => s.InviteAsync(platformAdmin, new InvitationRequest($"b-{Guid.NewGuid():N}@example.org", fresh.Id, ExchangeRole.OrgAdmin), sendMail: false));

        // One made before the rule: a reader invited by another city's platform administrator.
        var before = $"before-{Guid.NewGuid():N}@example.org";
        var token = Web.Infrastructure.Security.SecretToken.Create();
        await using (var db = app.Database.CreateContext())
        {
            db.Invitations.Add(new Invitation
            {
                Email = before, NormalizedEmail = before.ToUpperInvariant(), OrganizationId = fresh.Id, Role = ExchangeRole.Reader, Language = "en",
                TokenHash = Web.Infrastructure.Security.SecretToken.Hash(token), InvitedByUserId = platformAdminUser.Id,
                CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            });
            await db.SaveChangesAsync();
        }

        Assert.True((await AcceptAsync(TokenOf(first.Link!))).Succeeded);
        Assert.Equal("Invitation.Withdrawn", (await AcceptAsync(TokenOf(second.Link!))).ErrorFor(""));
        Assert.Equal("Invitation.Withdrawn", (await AcceptAsync(token)).ErrorFor(""));
        await using var check = app.Database.CreateContext();
        Assert.Equal(1, await check.Users.CountAsync(u => u.OrganizationId == fresh.Id));
    }

    private static string TokenOf(string link) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();

    private Task<CommandResult> AcceptAsync(string token) =>
        app.WithServiceAsync(s => s.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, "Nouvelle personne", "a long enough password"));

    [Fact]
    public async Task The_organization_page_offers_a_platform_administrator_of_another_city_no_way_to_invite_into_it()
    {
        var mine = await app.CreateOrganizationAsync();
        var governed = await app.CreateOrganizationAsync("nl");
        var fresh = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(mine, ExchangeRole.PlatformAdmin);
        await app.CreateUserAsync(governed, ExchangeRole.OrgAdmin);
        using var session = app.NewSession();
        await session.SignInAsync(admin.Email!, AppFixture.Password);

        var (_, page) = await session.GetAsync($"/organizations/{governed.Key}");
        Assert.NotNull(page.QuerySelector("[data-testid=members-own-administrators]"));
        Assert.Null(page.QuerySelector("[data-testid=send-invitation]"));
        Assert.NotNull(page.QuerySelector("[data-testid=members-table]"));

        // An organization without an administrator: the form invites its first one, and only that.
        var (_, empty) = await session.GetAsync($"/organizations/{fresh.Key}");
        Assert.Null(empty.QuerySelector("[data-testid=members-own-administrators]"));
        Assert.NotNull(empty.QuerySelector("[data-testid=send-invitation]"));
        Assert.Contains("Invite the first administrator", empty.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<int> AuditCountAsync(Guid organizationId, Guid actorId)
    {
        await using var db = app.Database.CreateContext();
        string[] membership = [AuditActions.InvitationSent, AuditActions.InvitationRevoked, AuditActions.MemberRoleChanged, AuditActions.MemberDeactivated, AuditActions.MemberReactivated];
        return await db.AuditEntries.CountAsync(e => e.TargetOrganizationId == organizationId && e.ActorId == actorId && membership.Contains(e.Action));
    }

    private Task<T> Members<T>(Func<MemberService, Task<T>> action) => app.WithServiceAsync(s => action(s.GetRequiredService<MemberService>()));

    private Task<T> Invitations<T>(Func<InvitationService, Task<T>> action) => app.WithServiceAsync(s => action(s.GetRequiredService<InvitationService>()));
}
