using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.Web.Components.Layout;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Layout;

public sealed class LanguageSwitcherTests : MudBunitContext
{
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
}
