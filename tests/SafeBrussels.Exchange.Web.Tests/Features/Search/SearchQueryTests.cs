using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.Web.Tests.Features.Search;

public sealed class SearchQueryTests
{
    private static readonly Glossary Glossary = new(
    [
        new GlossaryConcept("street-harassment", "street-harassment", ["harcèlement de rue"], ["straatintimidatie"], ["street harassment", "catcalling"]),
        new GlossaryConcept("radicalisation", "radicalisation", ["radicalisation violente"], ["gewelddadige radicalisering"], ["violent radicalisation"]),
    ]);

    [Fact]
    public void Plain_words_are_clauses_to_match_as_many_of_as_possible()
    {
        var query = SearchQuery.Parse("jeunes quartier", Glossary);
        Assert.Equal(["jeunes", "quartier"], query.Optional.Select(c => c.Text));
        Assert.All(query.Optional, c => Assert.Equal(SearchQuery.WordWeight, c.Weight));
        Assert.Empty(query.Required);
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void A_glossary_term_brings_the_concept_in_every_language_and_counts_double()
    {
        var query = SearchQuery.Parse("Straatintimidatie Gent", Glossary);
        var concept = query.Optional[0];
        Assert.Equal(SearchQuery.ConceptWeight, concept.Weight);
        Assert.Contains("(harcelement & de & rue)", concept.Text);
        Assert.Contains("(street & harassment)", concept.Text);
        Assert.Contains("catcalling", concept.Text);
        Assert.Equal("gent", query.Optional[1].Text);
    }

    [Fact]
    public void The_longest_term_wins_and_accents_and_case_do_not_matter()
    {
        var query = SearchQuery.Parse("HARCELEMENT de RUE", Glossary);
        var concept = Assert.Single(query.Optional);
        Assert.StartsWith("(harcelement & de & rue)", concept.Text);
    }

    [Fact]
    public void Quotes_require_a_phrase_minus_excludes_and_or_joins_two_alternatives()
    {
        var query = SearchQuery.Parse("\"marche exploratoire\" -drogue gare OR station", Glossary);
        Assert.Equal(["marche <-> exploratoire"], query.Required);
        Assert.Equal(["drogue"], query.Excluded);
        Assert.Equal(["gare | station"], query.Optional.Select(c => c.Text));
    }

    [Fact]
    public void An_excluded_phrase_and_guillemets_are_understood()
    {
        var query = SearchQuery.Parse("«harcèlement de rue» -\"police locale\"", Glossary);
        Assert.Equal(["harcelement <-> de <-> rue"], query.Required);
        Assert.Equal(["police <-> locale"], query.Excluded);
    }

    [Fact]
    public void Operators_and_symbols_typed_by_people_never_reach_the_query_syntax()
    {
        var query = SearchQuery.Parse("a & b | !c (d) <-> e:* 'f'", Glossary);
        Assert.All(query.Optional, c => Assert.Matches("^[a-z0-9]+$", c.Text));
        Assert.True(SearchQuery.Parse("  -  \"\" OR ", Glossary).IsEmpty);
    }

    [Fact]
    public void A_slip_in_a_long_word_is_forgiven_unless_the_records_use_that_word()
    {
        var slip = SearchQuery.Parse("straatintimidtie", Glossary);
        Assert.Equal(SearchQuery.ConceptWeight, Assert.Single(slip.Optional).Weight);

        var known = new QueryLexicon(new Dictionary<string, WordStems>(), new HashSet<string> { "straatintimidtie" });
        var literal = SearchQuery.Parse("straatintimidtie", Glossary, known);
        Assert.Equal("straatintimidtie", Assert.Single(literal.Optional).Text);
    }

    [Fact]
    public void Another_form_of_a_word_matches_through_the_stemmers()
    {
        var stems = new Dictionary<string, WordStems>
        {
            ["catcalling"] = new(null, null, "catcal"),
            ["catcalls"] = new(null, null, "catcal"),
        };
        var glossary = new Glossary(Glossary.Concepts, stems);
        var query = SearchQuery.Parse("catcalls", glossary, new QueryLexicon(stems, new HashSet<string>()));
        Assert.Contains("straatintimidatie", Assert.Single(query.Optional).Text);
        Assert.Equal("police", Assert.Single(SearchQuery.Parse("police", glossary).Optional).Text);
    }
}
