using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

[Collection(SavesAppCollection.Name)]
public sealed class MeetingSaveTests(AppFixture app)
{
    [Fact]
    public async Task Two_concurrent_saves_of_the_same_meeting_exactly_one_wins_every_time()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, first) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, second) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var created = await Saver(s => s.CreateAsync(first, MeetingBuilder.Valid("Concurrency")));
        var version = created.Version!.Value;

        // A hundred races: each time exactly one wins (the suite's CPU is shared; a race costs the same every round).
        for (var round = 0; round < 100; round++)
        {
            var a = MeetingBuilder.Valid($"Round {round} by first");
            var b = MeetingBuilder.Valid($"Round {round} by second");
            var saves = await Task.WhenAll(
                Saver(s => s.UpdateAsync(first, created.Id!.Value, a, version)),
                Saver(s => s.UpdateAsync(second, created.Id!.Value, b, version)));

            Assert.Single(saves, o => o.Result.Succeeded);
            var loser = Assert.Single(saves, o => !o.Result.Succeeded);
            Assert.True(loser.IsConflict, string.Join(", ", loser.Result.Errors));
            var winner = saves.Single(o => o.Result.Succeeded);
            Assert.NotNull(loser.Current);
            Assert.Equal(winner.Version, loser.Current!.Version);
            version = winner.Version!.Value;
        }

        await using var db = app.Database.CreateContext();
        Assert.Equal(101, await db.MeetingRevisions.CountAsync(r => r.MeetingId == created.Id));
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_with_who_and_what_changed()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, colleague) = await app.CreateUserAsync(organization, ExchangeRole.OrgAdmin);
        var input = MeetingBuilder.Valid("Revisions");
        var created = await Saver(s => s.CreateAsync(author, input));
        input.Minutes += "\n\nAjout : calendrier des prochaines rencontres.";
        input.Tlp = Tlp.AmberStrict;
        var saved = await Saver(s => s.UpdateAsync(colleague, created.Id!.Value, input, created.Version!.Value));
        Assert.True(saved.Result.Succeeded, string.Join("\n", app.Factory.LogEvents.Select(e => e.RenderMessage()).Where(m => m.Contains("refused"))));

        await using var db = app.Database.CreateContext();
        var revisions = await db.MeetingRevisions.Where(r => r.MeetingId == created.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal(colleague.UserId, revisions[1].AuthorId);
        Assert.Equal(["minutes", "tlp"], revisions[1].ChangedFields.Order());
        Assert.Contains("calendrier", MeetingRevisions.Read(revisions[1].Snapshot).Minutes);
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_written()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid("Refused");
        input.EndsAt = input.StartsAt.AddHours(-1);
        input.Themes = ["drugs"];

        var outcome = await Saver(s => s.CreateAsync(author, input));

        Assert.Equal("Validation.EndBeforeStart", outcome.Result.ErrorFor("EndsAt"));
        Assert.Equal("Validation.UnknownTheme", outcome.Result.ErrorFor("Themes"));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Meetings.AnyAsync(m => m.Title == "Refused"));
    }

    [Fact]
    public async Task Readers_never_create_or_edit_and_other_organizations_cannot_edit()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, reader) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (_, stranger) = await app.CreateUserAsync(other, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid("Edit rights", Tlp.Green);
        var created = await Saver(s => s.CreateAsync(author, input));

        Assert.Equal("Error.Forbidden", (await Saver(s => s.CreateAsync(reader, input))).Result.ErrorFor(""));
        Assert.Equal("Error.NotFound", (await Saver(s => s.UpdateAsync(reader, created.Id!.Value, input, created.Version!.Value))).Result.ErrorFor(""));
        Assert.Equal("Error.NotFound", (await Saver(s => s.UpdateAsync(stranger, created.Id!.Value, input, created.Version!.Value))).Result.ErrorFor(""));
        Assert.False((await Reader(s => s.GetAsync(reader, created.Id!.Value)))!.CanEdit);
        Assert.True((await Reader(s => s.GetAsync(author, created.Id!.Value)))!.CanEdit);
    }

    [Fact]
    public async Task Filtering_by_a_theme_includes_its_children()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var child = MeetingBuilder.Valid("Child theme", Tlp.Green);
        child.Themes = ["street-harassment"];
        var unrelated = MeetingBuilder.Valid("Unrelated theme", Tlp.Green);
        unrelated.Themes = ["crisis-management"];
        await Saver(s => s.CreateAsync(author, child));
        await Saver(s => s.CreateAsync(author, unrelated));

        var page = await Listing(s => s.ListAsync(author, new MeetingQuery(Theme: "intrafamily-violence", Organization: organization.Key)));
        Assert.Equal(["Child theme"], page.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task My_action_items_are_the_open_ones_of_me_or_my_organization_in_visible_meetings_overdue_first()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (me, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, stranger) = await app.CreateUserAsync(other, ExchangeRole.Contributor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var visible = MeetingBuilder.Valid("Visible", Tlp.Green);
        visible.ActionItems =
        [
            new() { Title = "Later", OwnerOrganizationId = organization.Id, Due = today.AddDays(20) },
            new() { Title = "Overdue", OwnerUserId = me.Id, Due = today.AddDays(-3) },
            new() { Title = "Done already", OwnerOrganizationId = organization.Id, Due = today.AddDays(-10), IsDone = true },
            new() { Title = "Someone else's", OwnerOrganizationId = other.Id, Due = today },
        ];
        await Saver(s => s.CreateAsync(stranger, visible));
        var hidden = MeetingBuilder.Valid("Hidden", Tlp.AmberStrict);
        hidden.ActionItems = [new() { Title = "In a meeting I cannot see", OwnerOrganizationId = organization.Id }];
        await Saver(s => s.CreateAsync(stranger, hidden));

        var mine = await Listing(s => s.MyActionItemsAsync(viewer));

        Assert.Equal(["Overdue", "Later"], mine.Select(a => a.Title));
        Assert.True(mine[0].IsOverdue);
        Assert.False(mine[1].IsOverdue);
    }

    [Fact]
    public async Task History_lists_every_version_to_those_who_may_see_the_meeting_only()
    {
        var organization = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, stranger) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var input = MeetingBuilder.Valid("History", Tlp.AmberStrict);
        var created = await Saver(s => s.CreateAsync(author, input));
        input.Title = "History, renamed";
        await Saver(s => s.UpdateAsync(author, created.Id!.Value, input, created.Version!.Value));

        var history = await History(s => s.HistoryAsync(author, created.Id!.Value));
        Assert.Equal([2, 1], history!.Revisions.Select(r => r.Number));
        Assert.Equal(["title"], history.Revisions[0].ChangedFields);
        Assert.Equal("History", history.Revisions[1].Content.Title);
        Assert.Null(await History(s => s.HistoryAsync(stranger, created.Id!.Value)));
    }

    [Fact]
    public async Task An_edit_from_the_form_lists_only_the_fields_it_changed_whatever_order_the_lists_were_first_given_in()
    {
        var organization = await app.CreateOrganizationAsync();
        var partnerA = await app.CreateOrganizationAsync();
        var partnerB = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (zoe, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (alain, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        // As typed or picked: not in the order the record is read back in (themes by key, people and organizations by name).
        var input = MeetingBuilder.Valid("Only real changes", Tlp.Amber, partnerB.Id, partnerA.Id);
        input.Themes = ["street-harassment", "crisis-management"];
        input.AttendeeNames = ["Zoé Verhaegen", "Alain Dubois"];
        input.AttendeeUserIds = [zoe.Id, alain.Id];
        var created = await Saver(s => s.CreateAsync(author, input));
        Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));

        // What the editor does: read the record into the form, change the title only, save.
        var detail = await Reader(s => s.GetAsync(author, created.Id!.Value));
        var edited = MeetingSaver.ToInput(detail!);
        edited.Title = "Only real changes, renamed";
        var saved = await Saver(s => s.UpdateAsync(author, created.Id!.Value, edited, detail!.Version));
        Assert.True(saved.Result.Succeeded, string.Join(", ", saved.Result.Errors));

        await using var db = app.Database.CreateContext();
        var stored = await db.MeetingRevisions.SingleAsync(r => r.MeetingId == created.Id && r.Number == 2);
        Assert.Equal(["title"], stored.ChangedFields);
        var history = await History(s => s.HistoryAsync(author, created.Id!.Value));
        Assert.Equal(["title"], history!.Revisions[0].ChangedFields);
    }

    [Fact]
    public async Task History_tells_real_changes_even_for_versions_saved_with_a_wrong_list_of_changed_fields()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid("Old revisions");
        var created = await Saver(s => s.CreateAsync(author, input));
        input.Title = "Old revisions, renamed";
        await Saver(s => s.UpdateAsync(author, created.Id!.Value, input, created.Version!.Value));
        // A version saved before the fix said that lists whose order only differed had changed.
        await using (var db = app.Database.CreateContext())
        {
            await db.MeetingRevisions.Where(r => r.MeetingId == created.Id && r.Number == 2)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ChangedFields, new List<string> { "title", "themes", "attendeeNames" }));
        }

        var history = await History(s => s.HistoryAsync(author, created.Id!.Value));
        Assert.Equal(["title"], history!.Revisions[0].ChangedFields);
    }

    [Fact]
    public async Task The_history_compares_themes_and_partners_by_their_names_in_the_reader_language_never_by_key()
    {
        var organization = await app.CreateOrganizationAsync();
        var partner = await app.CreateOrganizationAsync();
        var (user, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor, language: "fr");
        var input = MeetingBuilder.Valid("Diff with names");
        var created = await Saver(s => s.CreateAsync(author, input));
        input.Themes = ["crisis-management"];
        input.ParticipantOrganizationIds = [partner.Id];
        await Saver(s => s.UpdateAsync(author, created.Id!.Value, input, created.Version!.Value));

        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync($"/meetings/{created.Id}/history");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var diffs = string.Join("\n", document.QuerySelectorAll("[data-testid=diff]").Select(d => d.TextContent));
        Assert.Contains("− Harcèlement de rue", diffs);
        Assert.Contains("+ Gestion de crise", diffs);
        Assert.Contains($"+ {partner.Name}", diffs);
        Assert.DoesNotContain("street-harassment", document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("crisis-management", document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(partner.Id.ToString(), document.QuerySelector("main")!.TextContent);
    }

    private Task<T> Listing<T>(Func<MeetingListing, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingListing>()));

    private Task<T> Reader<T>(Func<MeetingReader, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingReader>()));

    private Task<T> Saver<T>(Func<MeetingSaver, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingSaver>()));

    private Task<T> History<T>(Func<MeetingHistoryReader, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingHistoryReader>()));
}
