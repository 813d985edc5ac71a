using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Components.Account;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

/// <summary>
/// A member demoted (or deactivated) while a page of theirs is open: the next write decides on the role the database
/// holds, on the instance that made the change and on any other; open sessions learn of it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StandingChangeTests(AppFixture app)
{
    [Fact]
    public async Task A_contributor_demoted_while_their_page_is_open_is_refused_on_the_next_save_with_a_clear_message()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, adminViewer) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (contributor, open) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        // The page was opened, and the meeting and a practice recorded, while the member contributed.
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(open, MeetingBuilder.Valid("Before the demotion")));
        Assert.True(created.Result.Succeeded);
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(contributor.Email!, AppFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/profile")).StatusCode);
        var principal = await app.WithServiceAsync(s => SignedInPrincipalAsync(s, contributor));

        var demoted = await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().ChangeRoleAsync(adminViewer, contributor.Id, ExchangeRole.Reader));
        Assert.True(demoted.Succeeded);

        // The page still holds the viewer it had: every command of its services re-reads the member.
        var update = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>()
            .UpdateAsync(open, created.Id!.Value, MeetingBuilder.Valid("After the demotion"), created.Version!.Value));
        Assert.Equal(ViewerStanding.ChangedKey, update.Result.ErrorFor(""));
        var create = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(open, MeetingBuilder.Valid("Another after")));
        Assert.Equal(ViewerStanding.ChangedKey, create.Result.ErrorFor(""));
        var practice = await app.WithServiceAsync(s => s.GetRequiredService<PracticeSaver>().CreateAsync(open, PracticeBuilder.Input("After the demotion", Tlp.Green)));
        Assert.Equal(ViewerStanding.ChangedKey, practice.Result.ErrorFor(""));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal("Before the demotion", await db.Meetings.Where(m => m.Id == created.Id).Select(m => m.Title).SingleAsync());
            Assert.Equal(1, await db.Meetings.CountAsync(m => m.HostOrganizationId == organization.Id));
        }

        // The message is the member's to read, in their language.
        Assert.Contains("role", Localized(ViewerStanding.ChangedKey, "en"));
        Assert.Contains("rôle", Localized(ViewerStanding.ChangedKey, "fr"));
        Assert.Contains("rol", Localized(ViewerStanding.ChangedKey, "nl"));

        // The open session ends: the next request (cookie) and the open page (circuit revalidation) both sign out.
        using var after = await session.Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString());
        Assert.Null(await Revalidation(app.Factory.Services).RevalidateAsync(principal));
        _ = admin;
    }

    [Fact]
    public async Task An_administrator_demoted_is_refused_by_the_import_api_and_page_with_a_clear_message()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, platformAdmin) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        var (importer, stale) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        using var client = await app.BearerClientAsync(importer);
        var file = ImportFile(organization.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/import?dryRun=true", Json(file))).StatusCode);

        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MemberService>().ChangeRoleAsync(platformAdmin, importer.Id, ExchangeRole.Reader))).Succeeded);

        // Through the API: the token is the same, the role is the one the database now holds.
        using var refused = await client.PostAsync("/api/v1/import", Json(file));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Your account's current role does not allow this request.", problem.RootElement.GetProperty("detail").GetString());
        }

        // Through the import page's service, with the viewer the page opened with.
        var report = await app.WithServiceAsync(s => s.GetRequiredService<ExchangeImporter>().ImportAsync(Stream(file), dryRun: false, actor: stale));
        var only = Assert.Single(report.Problems);
        Assert.Equal(ExchangeProblemCodes.NotAllowed, only.Code);
        Assert.Equal("$: your account may no longer import through the platform (its role is now 'reader'): nothing was imported", only.ToString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Practices.AnyAsync(p => p.OrganizationId == organization.Id));
    }

    [Fact]
    public async Task A_demotion_made_through_one_instance_holds_on_another_for_saves_sessions_and_open_pages()
    {
        await using var second = new ExchangeAppFactory(app.Database, app.Smtp);
        var organization = await app.CreateOrganizationAsync();
        var (_, adminViewer) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (contributor, open) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (colleague, colleagueViewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);

        // Signed in, with a page open, on the second instance.
        var cookies = new CookieContainer();
        using var browser = new WebSession(second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(contributor.Email!, AppFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/profile")).StatusCode);
        await using var scope = second.Services.CreateAsyncScope();
        var principal = await SignedInPrincipalAsync(scope.ServiceProvider, contributor);
        var colleaguePrincipal = await SignedInPrincipalAsync(scope.ServiceProvider, colleague);
        var revalidation = Revalidation(second.Services);
        Assert.Same(principal, await revalidation.RevalidateAsync(principal));

        // The administrator demotes them through the first instance.
        await using (var first = app.Factory.Services.CreateAsyncScope())
        {
            Assert.True((await first.ServiceProvider.GetRequiredService<MemberService>().ChangeRoleAsync(adminViewer, contributor.Id, ExchangeRole.Reader)).Succeeded);
        }

        var save = await scope.ServiceProvider.GetRequiredService<MeetingSaver>().CreateAsync(open, MeetingBuilder.Valid("On the other instance"));
        Assert.Equal(ViewerStanding.ChangedKey, save.Result.ErrorFor(""));
        using var after = await browser.Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Null(await revalidation.RevalidateAsync(principal));

        // A change that keeps the session (a new name, say) reaches the open page as a new principal, not a sign-out.
        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == colleague.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Renamed elsewhere"));
        }

        var renewed = await revalidation.RevalidateAsync(colleaguePrincipal);
        Assert.NotNull(renewed);
        Assert.NotSame(colleaguePrincipal, renewed);
        Assert.Equal("Renamed elsewhere", Viewer.From(renewed)!.DisplayName);
        Assert.Equal(colleaguePrincipal.FindFirstValue(ExchangeClaims.AuthenticatedAt), renewed!.FindFirstValue(ExchangeClaims.AuthenticatedAt));
        Assert.True((await scope.ServiceProvider.GetRequiredService<MeetingSaver>().CreateAsync(colleagueViewer, MeetingBuilder.Valid("Still allowed"))).Result.Succeeded);
    }

    [Fact]
    public void An_open_page_re_checks_its_member_at_least_every_minute()
    {
        var lifetime = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionLifetime>>().Value;
        Assert.True(lifetime.CircuitRevalidationInterval <= TimeSpan.FromMinutes(1), lifetime.CircuitRevalidationInterval.ToString());
    }

    private static async Task<ClaimsPrincipal> SignedInPrincipalAsync(IServiceProvider services, ApplicationUser user)
    {
        var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
        var fresh = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id.ToString());
        var principal = await signIn.CreateUserPrincipalAsync(fresh!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ExchangeClaims.AuthenticatedAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return principal;
    }

    private static IdentityRevalidatingAuthenticationStateProvider Revalidation(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(services);

    private static string Localized(string key, string culture) =>
        Resources.GetString(key, new System.Globalization.CultureInfo(culture))!;

    private static readonly System.Resources.ResourceManager Resources =
        new(typeof(Web.Resources.SharedResource).FullName!, typeof(Web.Resources.SharedResource).Assembly);

    private static string ImportFile(string organization) => $$"""
        { "format": "safebrussels-exchange/1",
          "practices": [ { "externalId": "standing-{{Guid.NewGuid():N}}", "organization": "{{organization}}", "language": "en",
                           "title": "Imported by a demoted administrator", "summary": "One practice.", "themes": ["crisis-management"] } ] }
        """;

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static MemoryStream Stream(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    }
