using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Feeds;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Tests.Features.Feeds;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Xml = XNamespace.Xml;

    [Fact]
    public void A_theme_feed_is_atom_1_0_with_each_entry_in_its_own_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
        try
        {
            var theme = new ThemeOption("street-harassment", "Straatintimidatie", "Intimidatie in de openbare ruimte\u0007", "intrafamily-violence", false);
            var id = Guid.Parse("0195f3c2-7a10-7000-8000-000000000002");
            var updated = new DateTimeOffset(2026, 12, 3, 10, 15, 30, 500, TimeSpan.FromHours(1));
            var entry = new FeedEndpoints.AtomEntry(id, false, "Marches exploratoires", "Des habitantes repèrent les lieux", "safe.brussels", "fr", Tlp.Green,
                updated.AddDays(-30), updated);
            var links = new PublicLinks(Options.Create(new PublicUrlOptions { PublicBaseUrl = "https://exchange.example" }));

            var xml = FeedEndpoints.ToAtom(theme, [entry], "https://exchange.example/feeds/sbf_x/themes/street-harassment.atom", links, updated.AddDays(1));

            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
            var feed = XDocument.Parse(xml).Root!;
            Assert.Equal(Atom + "feed", feed.Name);
            Assert.Equal("nl", (string?)feed.Attribute(Xml + "lang"));
            Assert.Equal("tag:safebrussels-exchange,2026:theme:street-harassment", (string?)feed.Element(Atom + "id"));
            Assert.Equal("SafeBrussels Exchange · Straatintimidatie", (string?)feed.Element(Atom + "title"));
            Assert.Equal("Intimidatie in de openbare ruimte", (string?)feed.Element(Atom + "subtitle"));
            Assert.Equal("2026-12-03T09:15:30Z", (string?)feed.Element(Atom + "updated"));
            Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith(".atom", StringComparison.Ordinal));

            var item = Assert.Single(feed.Elements(Atom + "entry"));
            Assert.Equal("fr", (string?)item.Attribute(Xml + "lang"));
            Assert.Equal($"urn:uuid:{id}", (string?)item.Element(Atom + "id"));
            Assert.Equal("[TLP:GREEN] Marches exploratoires", (string?)item.Element(Atom + "title"));
            Assert.Equal($"https://exchange.example/practices/{id}", (string?)item.Element(Atom + "link")!.Attribute("href"));
            Assert.Equal("safe.brussels", (string?)item.Element(Atom + "author")!.Element(Atom + "name"));
            Assert.Equal("Straatintimidatie", (string?)item.Element(Atom + "category")!.Attribute("label"));
            Assert.Equal("text", (string?)item.Element(Atom + "summary")!.Attribute("type"));
            Assert.Equal("Des habitantes repèrent les lieux (safe.brussels · TLP:GREEN)", (string?)item.Element(Atom + "summary"));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }
}
