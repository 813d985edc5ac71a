using System.Globalization;
using Bunit;
using SafeBrussels.Exchange.Web.Components.Shared;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Shared;

public sealed class TlpBadgeTests : MudBunitContext
{
    [Theory]
    [InlineData(Tlp.Clear, "TLP:CLEAR", "tlp-clear")]
    [InlineData(Tlp.Green, "TLP:GREEN", "tlp-green")]
    [InlineData(Tlp.Amber, "TLP:AMBER", "tlp-amber")]
    [InlineData(Tlp.AmberStrict, "TLP:AMBER+STRICT", "tlp-amberstrict")]
    [InlineData(Tlp.Red, "TLP:RED", "tlp-red")]
    public void Shows_the_label_in_its_colour(Tlp tlp, string label, string cssClass)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var badge = Render<TlpBadge>(p => p.Add(b => b.Tlp, tlp)).Find(".tlp-badge");

        Assert.Equal(label, badge.TextContent.Trim());
        Assert.Contains(cssClass, badge.ClassList);
    }

    [Fact]
    public void Its_meaning_is_given_to_screen_readers_in_the_viewer_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        var badge = Render<TlpBadge>(p => p.Add(b => b.Tlp, Tlp.AmberStrict)).Find(".tlp-badge");

        Assert.Equal("TLP:AMBER+STRICT. AMBER+STRICT: beperkt tot de leden van de organiserende organisatie.", badge.GetAttribute("aria-label"));
        Assert.Equal("0", badge.GetAttribute("tabindex"));
    }
}
