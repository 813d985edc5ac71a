using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Profile;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Privacy;

/// <summary>Changing one's email address (after typing the password again) and deleting one's account by anonymization.</summary>
[Collection(AppCollection.Name)]
public sealed partial class AccountLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task Changing_the_email_address_asks_for_the_password_then_a_link_sent_to_the_new_address()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var address = $"new-{Guid.NewGuid():N}@example.org";

        // Without the right password, nothing is sent and nothing changes.
        var refused = await session.SubmitFormAsync("/Account/Manage/Email", "change-email",
            new Dictionary<string, string> { ["Input.NewEmail"] = address, ["Input.Password"] = "not my password at all" });
        Assert.Contains("This is not your current password.", await refused.Content.ReadAsStringAsync());

        var asked = await session.SubmitFormAsync("/Account/Manage/Email", "change-email",
            new Dictionary<string, string> { ["Input.NewEmail"] = address, ["Input.Password"] = AppFixture.Password });
        Assert.Contains("A confirmation link was sent to " + address, await asked.Content.ReadAsStringAsync());
        Assert.Equal(user.Email, await EmailOfAsync(user.Id));

        var mail = await app.Smtp.WaitForMessageToAsync(address);
        var link = ConfirmLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        // Opening the link (as a mail scanner would) changes nothing; the button on the page does.
        var (opened, _) = await session.GetAsync(new Uri(link.Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(user.Email, await EmailOfAsync(user.Id));
        var confirmed = await session.SubmitFormAsync(new Uri(link.Value).PathAndQuery, "confirm-email-change", new Dictionary<string, string>());
        Assert.Contains("Your email address is now " + address, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(address, await EmailOfAsync(user.Id));

        // The new address signs in; the old one no longer does. The link works once.
        using var fresh = app.NewSession();
        Assert.DoesNotContain("Login", (await fresh.SignInAsync(address, AppFixture.Password)).Headers.Location!.ToString());
        using var old = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await old.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);
        var again = await fresh.SubmitFormAsync(new Uri(link.Value).PathAndQuery, "confirm-email-change", new Dictionary<string, string>());
        Assert.Contains("not valid or has expired", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deleting_an_account_anonymizes_the_person_and_keeps_what_they_wrote()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (colleague, colleagueViewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, MeetingBuilder.Valid("Suivi", Tlp.Amber)));
        var input = PracticeBuilder.Input("Marche exploratoire");
        input.ContactName = user.DisplayName;
        input.ContactEmail = user.Email!;
        var practice = await app.CreateAsync(viewer, input);
        var comment = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(viewer, RecordRef.Meeting(meeting.Id!.Value), "Je m'en occupe."));
        var issued = await app.BearerClientAsync(user);
        await using (var seed = app.Database.CreateContext())
        {
            seed.Invitations.Add(new Invitation
            {
                Email = user.Email!, NormalizedEmail = user.Email!.ToUpperInvariant(), OrganizationId = organization.Id, Role = ExchangeRole.Reader,
                Language = "fr", TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow,
                AcceptedAt = DateTimeOffset.UtcNow,
            });
            await seed.SaveChangesAsync();
        }

        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);

        var wrong = await session.SubmitFormAsync("/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "wrong password here" });
        Assert.Contains("This is not your current password.", await wrong.Content.ReadAsStringAsync());
        var deleted = await session.SubmitFormAsync("/Account/Manage/DeleteAccount", "delete-account", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("/Account/Login", deleted.Headers.Location!.ToString());

        await using var db = app.Database.CreateContext();
        var row = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.NotNull(row.DeletedAt);
        Assert.False(row.IsActive);
        Assert.Null(row.PasswordHash);
        Assert.EndsWith("@" + AccountDeletion.DeletedDomain, row.Email);
        Assert.DoesNotContain(user.DisplayName, row.DisplayName);
        Assert.StartsWith("#", row.DisplayName);

        // What they wrote stays, under the pseudonym; their name and address are nowhere.
        Assert.Equal(user.Id, (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).AuthorId);
        Assert.Equal(row.DisplayName, (await db.Comments.SingleAsync(c => c.Id == comment.Id)).AuthorName);
        Assert.All(await db.MeetingRevisions.Where(r => r.MeetingId == meeting.Id).ToListAsync(), r => Assert.Equal(row.DisplayName, r.AuthorName));
        var kept = await db.Practices.SingleAsync(p => p.Id == practice);
        Assert.Equal("", kept.ContactEmail);
        Assert.Equal("", kept.ContactName);
        Assert.False(await db.PersonalAccessTokens.AnyAsync(t => t.UserId == user.Id));
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == user.Email!.ToUpperInvariant()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == user.Id && e.Action == AuditActions.AccountDeleted));
        Assert.False(await db.Invitations.AnyAsync(i => i.NormalizedEmail == user.Email!.ToUpperInvariant()));

        // Gone for good: an administrator cannot bring the account back or give it a role.
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        Assert.False((await app.WithServiceAsync(s => s.GetRequiredService<Web.Features.Members.MemberService>().ReactivateAsync(admin, user.Id))).Succeeded);

        // Signed out everywhere, the token is dead, the password no longer works; the colleague is untouched.
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await issued.GetAsync("/api/v1/meetings")).StatusCode);
        using var again = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(user.Email!, AppFixture.Password)).StatusCode);
        Assert.True((await db.Users.SingleAsync(u => u.Id == colleague.Id)).IsActive);
        Assert.NotNull(await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(colleagueViewer, meeting.Id!.Value)));
    }

    [Fact]
    public async Task The_last_platform_administrator_cannot_delete_their_account()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Role == ExchangeRole.PlatformAdmin && u.Id != admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, ExchangeRole.OrgAdmin));
        }

        var result = await app.WithServiceAsync(s => s.GetRequiredService<AccountDeletion>().DeleteOwnAsync(admin, AppFixture.Password));
        Assert.Equal("DeleteAccount.LastPlatformAdmin", result.ErrorFor(""));
        await using var check = app.Database.CreateContext();
        Assert.Null((await check.Users.SingleAsync(u => u.Id == admin.Id)).DeletedAt);
    }

    private async Task<string?> EmailOfAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleAsync();
    }

    [GeneratedRegex(@"https://localhost/Account/ConfirmEmailChange\?[^\s""<>]+")]
    private static partial Regex ConfirmLink();
}
