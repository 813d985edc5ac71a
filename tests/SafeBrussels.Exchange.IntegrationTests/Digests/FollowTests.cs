using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.IntegrationTests.Digests;

[Collection(ContentAppCollection.Name)]
public sealed class FollowTests(AppFixture app)
{
    [Fact]
    public async Task A_record_can_be_followed_only_while_it_can_be_seen_and_following_twice_is_following()
    {
        var host = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (_, outsider) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var amber = await app.CreateAsync(author, PracticeBuilder.Input("Amber " + Guid.NewGuid().ToString("N")[..6], Tlp.Amber));
        var green = await app.CreateAsync(author, PracticeBuilder.Input("Green " + Guid.NewGuid().ToString("N")[..6], Tlp.Green));

        var refused = await Follows(s => s.FollowAsync(outsider, FollowKind.Practice, amber));
        Assert.Equal("Error.NotFound", refused.ErrorFor(""));
        Assert.True((await Follows(s => s.FollowAsync(outsider, FollowKind.Practice, green))).Succeeded);
        Assert.True((await Follows(s => s.FollowAsync(outsider, FollowKind.Practice, green))).Succeeded);
        Assert.True(await Follows(s => s.IsFollowingAsync(outsider, FollowKind.Practice, green)));
        Assert.Single(await Follows(s => s.ListAsync(outsider, "en")), f => f.TargetId == green);

        // Lost access: the follow stays but the record is no longer listed.
        await app.SetTlpAsync(author, green, Tlp.Amber);
        Assert.DoesNotContain(await Follows(s => s.ListAsync(outsider, "en")), f => f.TargetId == green);

        await Follows(async s => { await s.UnfollowAsync(outsider, FollowKind.Practice, green); return true; });
        Assert.False(await Follows(s => s.IsFollowingAsync(outsider, FollowKind.Practice, green)));
    }

    [Fact]
    public async Task Following_a_theme_shows_its_sub_themes_as_followed_and_unfollowing_it_frees_them()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, member) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        Guid parent;
        List<Guid> children;
        await using (var db = app.Database.CreateContext())
        {
            var themes = await db.Themes.AsNoTracking().Where(t => !t.IsRetired).ToListAsync();
            parent = themes.First(t => t.ParentId is null && themes.Any(c => c.ParentId == t.Id)).Id;
            children = themes.Where(t => t.ParentId == parent).Select(t => t.Id).ToList();
        }

        await Follows(s => s.FollowAsync(member, FollowKind.Theme, parent));
        var (themesShown, _) = await Follows(s => s.ChoicesAsync(member, "fr"));
        Assert.True(themesShown.Single(t => t.Id == parent).Followed);
        Assert.All(themesShown.Where(t => children.Contains(t.Id)), t => Assert.True(t.IncludedByParent, $"{t.Label} is not shown as followed"));
        Assert.DoesNotContain(themesShown, t => !children.Contains(t.Id) && t.IncludedByParent);

        await Follows(async s => { await s.UnfollowAsync(member, FollowKind.Theme, parent); return true; });
        (themesShown, _) = await Follows(s => s.ChoicesAsync(member, "fr"));
        Assert.DoesNotContain(themesShown, t => t.IncludedByParent || t.Followed);
    }

    [Fact]
    public async Task Usual_themes_are_set_by_the_organization_admins_and_followed_by_new_members()
    {
        var organization = await app.CreateOrganizationAsync();
        var elsewhere = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var (_, otherAdmin) = await app.CreateUserAsync(elsewhere, ExchangeRole.OrgAdmin);
        var (_, contributor) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        Guid[] themes = [DigestFixture.StreetHarassment];

        Assert.Equal("Error.Forbidden", (await Follows(s => s.SetUsualThemesAsync(otherAdmin, organization.Id, themes))).ErrorFor(""));
        Assert.Equal("Error.Forbidden", (await Follows(s => s.SetUsualThemesAsync(contributor, organization.Id, themes))).ErrorFor(""));
        Assert.Equal("Validation.UnknownTheme", (await Follows(s => s.SetUsualThemesAsync(admin, organization.Id, [Guid.NewGuid()]))).ErrorFor("Themes"));
        Assert.True((await Follows(s => s.SetUsualThemesAsync(admin, organization.Id, themes))).Succeeded);
        Assert.Equal(themes, await Follows(s => s.UsualThemesAsync(organization.Id)));

        var (newcomer, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (stranger, _) = await app.CreateUserAsync(elsewhere, ExchangeRole.Reader);
        await using var db = app.Database.CreateContext();
        Assert.Equal(themes, await db.Follows.Where(f => f.UserId == newcomer.Id).Select(f => f.ThemeId!.Value).ToListAsync());
        Assert.False(await db.Follows.AnyAsync(f => f.UserId == stranger.Id));
    }

    [Fact]
    public async Task Digest_settings_are_checked_before_they_are_saved()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, member) = await app.CreateUserAsync(organization, ExchangeRole.Reader);

        Assert.Equal("Validation.DigestHour", (await Follows(s => s.SaveSettingsAsync(member, new DigestSettings(DigestFrequency.Daily, DayOfWeek.Monday, 24, null)))).ErrorFor("Hour"));
        Assert.Equal("Validation.Language", (await Follows(s => s.SaveSettingsAsync(member, new DigestSettings(DigestFrequency.Daily, DayOfWeek.Monday, 7, "de")))).ErrorFor("Language"));
        Assert.Equal(new DigestSettings(DigestFrequency.Weekly, DayOfWeek.Monday, 8, null), await Follows(s => s.GetSettingsAsync(member)));

        var chosen = new DigestSettings(DigestFrequency.Daily, DayOfWeek.Friday, 7, "nl");
        Assert.True((await Follows(s => s.SaveSettingsAsync(member, chosen))).Succeeded);
        Assert.Equal(chosen, await Follows(s => s.GetSettingsAsync(member)));
    }

    private Task<T> Follows<T>(Func<FollowService, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<FollowService>()));
}
