using System.Globalization;
using Bunit;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Digests;

public sealed class ThemeFollowListTests : MudBunitContext
{
    private static readonly Guid Drugs = Guid.NewGuid();
    private static readonly Guid HarmReduction = Guid.NewGuid();
    private static readonly Guid Crisis = Guid.NewGuid();
    private static readonly Guid Events = Guid.NewGuid();

    public ThemeFollowListTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void The_sub_themes_of_a_followed_theme_show_as_followed_and_cannot_be_unticked_alone()
    {
        var list = Render<ThemeFollowList>(p => p.Add(l => l.Choices,
        [
            new FollowChoice(Drugs, "Drogues", false, true),
            new FollowChoice(HarmReduction, "Réduction des risques", true, false, IncludedByParent: true),
            new FollowChoice(Crisis, "Gestion de crise", false, false),
            new FollowChoice(Events, "Grands événements", true, false),
        ]));

        var included = Row(list, HarmReduction);
        Assert.True(included.QuerySelector("input[type=checkbox]")!.HasAttribute("checked") || included.QuerySelector("input")!.IsChecked());
        Assert.True(included.QuerySelector("input")!.HasAttribute("disabled"));
        Assert.Contains("Réduction des risques (inclus avec son thème)", included.TextContent);

        var free = Row(list, Events);
        Assert.False(free.QuerySelector("input")!.IsChecked());
        Assert.False(free.QuerySelector("input")!.HasAttribute("disabled"));
        Assert.DoesNotContain("inclus", free.TextContent);
    }

    [Fact]
    public void Ticking_a_theme_hands_it_back_at_once()
    {
        (FollowChoice Choice, bool On)? toggled = null;
        var crisis = new FollowChoice(Crisis, "Gestion de crise", false, false);
        var list = Render<ThemeFollowList>(p => p
            .Add(l => l.Choices, [crisis])
            .Add(l => l.OnToggle, ((FollowChoice Choice, bool On) t) => toggled = t));

        Row(list, Crisis).QuerySelector("input")!.Change(true);

        Assert.Equal((crisis, true), toggled);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ThemeFollowList> list, Guid id) =>
        list.Find($"[data-testid=theme-follow][data-theme-id='{id}']");
}

internal static class CheckboxExtensions
{
    public static bool IsChecked(this AngleSharp.Dom.IElement input) => input is AngleSharp.Html.Dom.IHtmlInputElement { IsChecked: true };
}
