using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Themes;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

[Collection(MeetingsAppCollection.Name)]
public sealed class ThemeTests(AppFixture app)
{
    [Fact]
    public async Task The_built_in_taxonomy_is_seeded_with_labels_in_three_languages()
    {
        var themes = await app.WithServiceAsync(s => s.GetRequiredService<ThemeService>().ListForEditingAsync());
        Assert.Superset(
            new HashSet<string> { "intrafamily-violence", "street-harassment", "radicalisation", "drugs-addiction", "nuisance-insecurity", "crisis-management" },
            themes.Select(t => t.Key).ToHashSet());
        var harassment = themes.Single(t => t.Key == "street-harassment");
        Assert.Equal("intrafamily-violence", harassment.ParentKey);
        Assert.Equal(("Harcèlement de rue", "Straatintimidatie", "Street harassment"), (harassment.LabelFr, harassment.LabelNl, harassment.LabelEn));
    }

    [Fact]
    public async Task The_themes_page_names_each_theme_by_its_label_in_the_reader_language_not_its_key()
    {
        var organization = await app.CreateOrganizationAsync();
        var (admin, _) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin, language: "fr");
        using var session = app.NewSession();
        await session.SignInAsync(admin.Email!, AppFixture.Password);

        var (response, document) = await session.GetAsync("/themes");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var edits = document.QuerySelectorAll("main button[aria-label]").Select(b => b.GetAttribute("aria-label")!).ToList();
        Assert.Contains("Modifier Harcèlement de rue", edits);
        Assert.DoesNotContain(edits, label => label.Contains("street-harassment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_platform_admins_add_rename_and_retire_and_a_retired_theme_stays_on_old_records_only()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, admin) = await app.CreateUserAsync(organization, ExchangeRole.PlatformAdmin);
        var (_, orgAdmin) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var key = "theme-" + Guid.NewGuid().ToString("N")[..8];
        var input = new ThemeInput { Key = key, LabelFr = "Écoles", LabelNl = "Scholen", LabelEn = "Schools" };

        Assert.Equal("Error.Forbidden", (await Themes(s => s.SaveAsync(orgAdmin, input, isNew: true))).ErrorFor(""));
        Assert.True((await Themes(s => s.SaveAsync(admin, input, isNew: true))).Succeeded);
        Assert.Equal("Validation.ThemeKeyTaken", (await Themes(s => s.SaveAsync(admin, input, isNew: true))).ErrorFor("Key"));

        var meeting = MeetingBuilder.Valid("Tagged before retirement");
        meeting.Themes = [key];
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(orgAdmin, meeting));
        Assert.True(created.Result.Succeeded);

        input.LabelNl = "Scholen en jeugd";
        input.IsRetired = true;
        Assert.True((await Themes(s => s.SaveAsync(admin, input, isNew: false))).Succeeded);

        var offered = await Themes(s => s.ListAsync());
        Assert.DoesNotContain(offered, t => t.Key == key);
        var kept = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(orgAdmin, created.Id!.Value, meeting, created.Version!.Value));
        Assert.True(kept.Result.Succeeded, string.Join(", ", kept.Result.Errors));
        var refused = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(orgAdmin, meeting));
        Assert.Equal("Validation.UnknownTheme", refused.Result.ErrorFor("Themes"));
    }

    private Task<T> Themes<T>(Func<ThemeService, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<ThemeService>()));
}
