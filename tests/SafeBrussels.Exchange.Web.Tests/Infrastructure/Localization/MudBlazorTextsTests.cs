using System.Globalization;
using Bunit;
using MudBlazor;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Localization;

/// <summary>MudBlazor's own texts come from the application's resources in French and Dutch, its English in English.</summary>
public sealed class MudBlazorTextsTests : MudBunitContext
{
    public MudBlazorTextsTests() => Services.AddExchangeMudLocalization();

    [Theory]
    [InlineData("fr", "Page suivante", "Première page", "Page 2")]
    [InlineData("nl", "Volgende pagina", "Eerste pagina", "Pagina 2")]
    [InlineData("en", "Next page", "First page", "Page 2")]
    public void The_pagination_buttons_are_named_in_the_reader_language(string language, string next, string first, string page)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var cut = Render<MudPagination>(p => p.Add(x => x.Count, 5).Add(x => x.ShowFirstButton, true));

        var labels = cut.FindAll("button[aria-label]").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains(next, labels);
        Assert.Contains(first, labels);
        Assert.Contains(page, labels);
    }
}
