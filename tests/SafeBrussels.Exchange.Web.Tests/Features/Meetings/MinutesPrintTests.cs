using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Infrastructure.Markdown;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Meetings;

public sealed class MinutesPrintTests : MudBunitContext
{
    public MinutesPrintTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr");
        Services.AddSingleton<MarkdownRenderer>();
    }

    // On paper each fact reads "Lieu : Hôtel de ville", never "Lieu:Hôtel de ville" (the text a printer and a copy get).
    [Fact]
    public void Each_printed_fact_has_a_space_between_its_label_and_its_value()
    {
        var print = Render<MinutesPrint>(p => p.Add(m => m.Meeting, Meeting()));

        var facts = string.Join('|', print.FindAll("[data-testid=minutes-print-facts] li").Select(li => li.TextContent));
        Assert.Contains("Lieu : Hôtel de ville", Normalize(facts));
        Assert.Contains("Organisation hôte : safe.brussels", Normalize(facts));
        Assert.Contains("Partagé avec (organisations participantes) : Stad Gent", Normalize(facts));
        Assert.Contains("Participants : Nadia Lambert", Normalize(facts));
        Assert.Contains("TLP : AMBER", Normalize(facts));
        Assert.Contains("Quand : lundi 2 mars 2026, 10:00|", Normalize(facts));
    }

    // Spaces of any kind (French puts a no-break space before the colon) as one plain space.
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static MeetingDetail Meeting() => new(
        Guid.NewGuid(), null, Guid.NewGuid(), "safe-brussels", "safe.brussels",
        [new OrganizationRef(Guid.NewGuid(), "stad-gent", "Stad Gent")],
        "Échange", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), null, MeetingMode.InPerson, "Hôtel de ville", "fr",
        ["radicalisation"], Tlp.Amber, [], "", [], [], [new AttendeeView(null, "Nadia Lambert")],
        null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, false, []);
}
