using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>An adaptation is a record of its own language: the original's translations stay the original's.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class AdaptationTextTests(AppFixture app)
{
    [Fact]
    public async Task An_adaptation_starts_in_its_own_language_and_no_catalogue_language_shows_two_records_under_one_title()
    {
        var brussels = await app.CreateOrganizationAsync("fr");
        var ghent = await app.CreateOrganizationAsync("nl");
        var (_, brusselsAuthor) = await app.CreateUserAsync(brussels, ExchangeRole.Contributor);
        var (_, ghentAuthor) = await app.CreateUserAsync(ghent, ExchangeRole.Contributor);
        var theme = $"t{Guid.NewGuid():N}"[..12];
        var input = PracticeBuilder.Input($"Commerces refuges {theme}", Tlp.Green, "fr", "street-harassment");
        input.Translations["nl"] = new TranslationInput { Title = $"Veilige winkels {theme}", Summary = "Handelaars opgeleid." };
        input.Translations["en"] = new TranslationInput { Title = $"Safe shops {theme}", Summary = "Trained shopkeepers." };
        var originalId = await app.CreateAsync(brusselsAuthor, input);
        var original = (await app.GetAsync(ghentAuthor, originalId))!;

        // What the adaptation form opens with, for a Dutch-speaking contributor of Ghent.
        var adaptation = PracticeSaver.ToAdaptation(original, "nl");
        Assert.Equal("nl", adaptation.Language);
        Assert.Equal("", adaptation.Title);
        Assert.Equal("", adaptation.Summary);
        Assert.Equal("", adaptation.Problem);
        Assert.Empty(adaptation.Translations);
        Assert.Equal(["street-harassment"], adaptation.Themes);

        // They write their own title and summary, and the adaptation's fields, and save.
        adaptation.Title = $"Gentse veilige handelszaken {theme}";
        adaptation.Summary = "De Gentse aanpak, met nachtcafés.";
        adaptation.Problem = "Intimidatie in het uitgaansleven.";
        adaptation.Approach = "Cafés en winkels opleiden.";
        adaptation.AdaptationContext = "Gent heeft een ander uitgaansleven.";
        adaptation.AdaptationChanges = "- Nachtcafés erbij.";
        var adaptationId = await app.CreateAsync(ghentAuthor, adaptation, originalId);

        var saved = (await app.GetAsync(ghentAuthor, adaptationId))!;
        Assert.Empty(saved.Translations);
        foreach (var language in new[] { "fr", "nl", "en" })
        {
            var page = await app.WithServiceAsync(s => s.GetRequiredService<PracticeListing>()
                .ListAsync(ghentAuthor, new PracticeQuery(Theme: "street-harassment", PageSize: 100)));
            var titles = page.Items.Where(p => p.Id == originalId || p.Id == adaptationId).ToDictionary(p => p.Id, p => p.TitleIn(language));
            Assert.Equal(2, titles.Count);
            Assert.True(titles[originalId] != titles[adaptationId], $"{language}: both records show «{titles[originalId]}»");
        }
    }
}
