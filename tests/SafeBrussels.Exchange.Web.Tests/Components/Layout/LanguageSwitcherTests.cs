using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Layout;

public sealed class LanguageSwitcherTests : MudBunitContext
{
    // In a circuit, unless a test says otherwise (a statically rendered page).
    public LanguageSwitcherTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Offers_the_three_languages_by_their_own_names_and_marks_the_current_one()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        var cut = Render<LanguageSwitcherHost>();
        cut.Find("button").Click();

        var items = cut.FindAll("[data-language]");
        Assert.Equal(["fr", "nl", "en"], items.Select(i => i.GetAttribute("data-language")));
        Assert.Equal(["Français", "Nederlands", "English"], items.Select(i => i.TextContent.Trim()));
        Assert.Contains("Taal kiezen", cut.Markup);
    }

    [Fact]
    public void Each_language_links_to_the_culture_endpoint_with_the_current_page_to_return_to()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/organizations?page=2");
        var cut = Render<LanguageSwitcherHost>();
        cut.Find("button").Click();

        var french = cut.Find("[data-language=fr]");
        Assert.Equal("/culture/set?lang=fr&returnUrl=%2Forganizations%3Fpage%3D2", french.GetAttribute("href"));
        Assert.Equal("/culture/set?lang=nl&returnUrl=%2Forganizations%3Fpage%3D2", cut.Find("[data-language=nl]").GetAttribute("href"));
    }

    [Fact]
    public void On_a_statically_rendered_page_the_languages_are_links_in_a_disclosure_that_needs_no_circuit()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = Render<LanguageSwitcherHost>();

        var menu = cut.Find("details[data-testid=language-switcher]");
        Assert.Equal("Choisir la langue", menu.QuerySelector("summary")!.GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("button"));
        var links = cut.FindAll("details a[data-language]");
        Assert.Equal(["fr", "nl", "en"], links.Select(l => l.GetAttribute("data-language")));
        Assert.Equal("true", cut.Find("a[data-language=fr]").GetAttribute("aria-current"));
        Assert.StartsWith("/culture/set?lang=nl&returnUrl=", cut.Find("a[data-language=nl]").GetAttribute("href"));
    }
}
