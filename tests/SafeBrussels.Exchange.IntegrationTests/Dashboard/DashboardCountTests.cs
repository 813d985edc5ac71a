using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Dashboard;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.IntegrationTests.Dashboard;

[Collection(ContentAppCollection.Name)]
public sealed class DashboardCountTests(AppFixture app)
{
    [Fact]
    public async Task Charts_count_only_what_the_viewer_may_see_once_per_top_level_theme_and_quarter()
    {
        var mine = await app.CreateOrganizationAsync();
        var partner = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, reader) = await app.CreateUserAsync(mine, ExchangeRole.Reader);
        var (_, outsider) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var (_, colleague) = await app.CreateUserAsync(mine, ExchangeRole.Contributor);
        var (_, partnerAuthor) = await app.CreateUserAsync(partner, ExchangeRole.Contributor);
        var (_, otherAuthor) = await app.CreateUserAsync(other, ExchangeRole.Contributor);

        var dashboard = app.Factory.Services.GetRequiredService<DashboardService>();
        var today = dashboard.Today;
        var thisQuarter = Quarter.Of(today);
        var lastQuarter = thisQuarter.Previous;
        var before = await Charts(reader);
        var outsiderBefore = await Charts(outsider);

        var midThis = Midday(today);
        var midLast = Midday(lastQuarter.Start.AddDays(20));
        // Visible to the reader: own AMBER (on a theme and its child: counted once), partner's AMBER shared with us,
        // other city's GREEN last quarter. Hidden: partner's AMBER not shared, colleague's RED.
        await Meeting(colleague, Tlp.Amber, midThis, ["intrafamily-violence", "street-harassment"]);
        await Meeting(partnerAuthor, Tlp.Amber, midThis, ["street-harassment"], mine.Id);
        await Meeting(otherAuthor, Tlp.Green, midLast, ["radicalisation"]);
        await Meeting(partnerAuthor, Tlp.Amber, midThis, ["street-harassment"]);
        await Meeting(colleague, Tlp.Red, midThis, ["street-harassment"]);
        await app.CreateAsync(colleague, PracticeBuilder.Input("Own amber practice", Tlp.Amber));
        await app.CreateAsync(otherAuthor, PracticeBuilder.Input("Other city's green practice", Tlp.Green, "fr", "radicalisation"));
        await app.CreateAsync(otherAuthor, PracticeBuilder.Input("Other city's amber practice", Tlp.Amber));

        var after = await Charts(reader);
        Assert.Equal(before.Quarters, after.Quarters);
        Assert.Equal(4, after.Quarters.Count);
        Assert.Equal(thisQuarter, after.Quarters[^1]);
        Assert.Equal((2, 1), Delta(before, after, "intrafamily-violence", thisQuarter));
        Assert.Equal((0, 1), Delta(before, after, "radicalisation", thisQuarter));
        Assert.Equal((1, 0), Delta(before, after, "radicalisation", lastQuarter));

        // Who met about what, for the organizations of this test: only the meetings the reader may see.
        // Ours: the meeting we hosted and the partner's one we joined; the partner: its shared one only.
        Assert.Equal(2, after.Met(mine.Key, "intrafamily-violence"));
        Assert.Equal(1, after.Met(partner.Key, "intrafamily-violence"));
        Assert.Equal(1, after.Met(other.Key, "radicalisation"));
        Assert.Equal(0, after.Met(partner.Key, "radicalisation"));

        // The outsider sees only the other city's records and the GREEN ones.
        var outsiderAfter = await Charts(outsider);
        Assert.Equal((0, 1), Delta(outsiderBefore, outsiderAfter, "radicalisation", thisQuarter));
        Assert.Equal((0, 1), Delta(outsiderBefore, outsiderAfter, "intrafamily-violence", thisQuarter));
        Assert.Equal(0, outsiderAfter.Met(mine.Key, "intrafamily-violence"));
        Assert.Equal(0, outsiderAfter.Met(partner.Key, "intrafamily-violence"));
        Assert.Equal(1, outsiderAfter.Met(other.Key, "radicalisation"));
    }

    private Task<DashboardCharts> Charts(Viewer viewer) =>
        app.WithServiceAsync(s => s.GetRequiredService<DashboardService>().ChartsAsync(viewer, 4));

    private static (int Meetings, int Practices) Delta(DashboardCharts before, DashboardCharts after, string theme, Quarter quarter) =>
        (after.For(theme, quarter).Meetings - before.For(theme, quarter).Meetings, after.For(theme, quarter).Practices - before.For(theme, quarter).Practices);

    private static DateTimeOffset Midday(DateOnly day) => ExchangeTime.FromBrussels(day.ToDateTime(new TimeOnly(12, 0)));

    private async Task Meeting(Viewer author, Tlp tlp, DateTimeOffset startsAt, string[] themes, params Guid[] participants)
    {
        var input = MeetingBuilder.Valid("Dashboard " + tlp, tlp, participants);
        input.StartsAt = startsAt;
        input.EndsAt = startsAt.AddHours(1);
        input.Themes = [.. themes];
        var outcome = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, input));
        Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
    }
}
