using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.Web.Tests.Features.Search;

/// <summary>The reviewed glossary files keep the rules docs/search.md gives for an entry.</summary>
public sealed class ShippedGlossaryTests
{
    private static readonly IReadOnlyList<GlossaryConcept> Concepts = GlossaryStore.Shipped();

    [Fact]
    public void Several_hundred_concepts_each_with_terms_in_the_three_languages()
    {
        Assert.True(Concepts.Count >= 800, $"{Concepts.Count} concepts");
        Assert.All(Concepts, c =>
        {
            Assert.NotEmpty(c.Fr);
            Assert.NotEmpty(c.Nl);
            Assert.NotEmpty(c.En);
            Assert.Matches("^[a-z0-9][a-z0-9-]*$", c.Key);
        });
        Assert.Equal(Concepts.Count, Concepts.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void A_term_belongs_to_one_concept_only()
    {
        var owners = Concepts
            .SelectMany(c => c.Terms.Select(t => (Term: string.Join(' ', TextFolding.Words(t)), c.Key)))
            .Distinct()
            .GroupBy(x => x.Term)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Key))}")
            .ToList();
        Assert.True(owners.Count == 0, string.Join("\n", owners));
    }

    [Fact]
    public void The_six_themes_have_their_concepts()
    {
        var themes = Concepts.Where(c => c.Theme is not null).GroupBy(c => c.Theme!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var theme in new[] { "intrafamily-violence", "street-harassment", "radicalisation", "drugs-addiction", "nuisance-insecurity", "crisis-management" })
        {
            Assert.True(themes.GetValueOrDefault(theme) >= 20, $"{theme}: {themes.GetValueOrDefault(theme)}");
        }
    }
}
