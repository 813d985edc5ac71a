using System.Net;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>A practice opens in the reader's language when it has a translation there, one click from its original.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class PracticeTranslationTests(AppFixture app)
{
    [Fact]
    public async Task The_detail_page_shows_the_translation_in_the_reader_language_first_with_one_link_to_the_original()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (reader, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader, language: "nl");
        var input = PracticeBuilder.Input("Marches exploratoires de nuit");
        input.Translations["nl"] = new TranslationInput { Title = "Nachtelijke verkenningswandelingen", Summary = "Bewoners lopen ’s avonds door de wijk." };
        var id = await app.CreateAsync(author, input);

        using var session = app.NewSession();
        await session.SignInAsync(reader.Email!, AppFixture.Password);

        var (response, document) = await session.GetAsync($"/practices/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = document.QuerySelector("h1")!;
        Assert.Equal("Nachtelijke verkenningswandelingen", title.TextContent.Trim());
        Assert.Equal("nl", title.Closest("[lang]")!.GetAttribute("lang"));
        var summary = document.QuerySelector("[data-testid=summary]")!;
        Assert.Equal("Bewoners lopen ’s avonds door de wijk.", summary.TextContent.Trim());
        Assert.Equal("nl", summary.Closest("[lang]")!.GetAttribute("lang"));
        var toOriginal = document.QuerySelector("[data-testid=show-original]")!;
        Assert.Equal($"/practices/{id}?original=true", toOriginal.GetAttribute("href"));

        (response, document) = await session.GetAsync(toOriginal.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        title = document.QuerySelector("h1")!;
        Assert.Equal("Marches exploratoires de nuit", title.TextContent.Trim());
        Assert.Equal("fr", title.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("Résumé de Marches exploratoires de nuit", document.QuerySelector("[data-testid=summary]")!.TextContent.Trim());
        Assert.Equal($"/practices/{id}", document.QuerySelector("[data-testid=show-translation]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_translation_in_the_reader_language_the_page_shows_the_original_and_offers_no_switch()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (reader, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader, language: "en");
        var input = PracticeBuilder.Input("Formation des agents d’accueil");
        input.Translations["nl"] = new TranslationInput { Title = "Opleiding van onthaalmedewerkers", Summary = "Samenvatting." };
        var id = await app.CreateAsync(author, input);

        using var session = app.NewSession();
        await session.SignInAsync(reader.Email!, AppFixture.Password);
        var (_, document) = await session.GetAsync($"/practices/{id}");

        Assert.Equal("Formation des agents d’accueil", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("fr", document.QuerySelector("h1")!.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Null(document.QuerySelector("[data-testid=show-original]"));
        Assert.Null(document.QuerySelector("[data-testid=show-translation]"));
    }
}
