using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Features.Search.Analysis;

namespace SafeBrussels.Exchange.Web.Tests.Features.Search;

/// <summary>
/// The glossary as an analysis step (issue 25): the same concept token from a term in any of the three languages,
/// whatever its accents, elision, plural or other ending, and from the shipped glossary as it is.
/// </summary>
public sealed class ConceptAnalysisTests
{
    private static readonly ConceptAnalysis Shipped = new(GlossaryStore.Shipped());

    [Theory]
    [InlineData("fr", "Le harcèlement de rue aux abords des gares")]
    [InlineData("fr", "le harcelement de rue")]
    [InlineData("fr", "HARCÈLEMENTS DE RUE signalés")]
    [InlineData("fr", "le harcèlement dans l’espace public")]
    [InlineData("fr", "le harcèlement dans l'espace public")]
    [InlineData("nl", "Straatintimidatie in de stationsbuurt")]
    [InlineData("nl", "seksuele intimidatie op straat")]
    [InlineData("en", "Street harassment near stations")]
    [InlineData("en", "catcalling")]
    [InlineData("fr", "straatintimidatie")]
    [InlineData("en", "harcèlement de rue")]
    public void A_term_in_any_language_and_form_is_the_same_concept(string language, string text) =>
        Assert.Contains("street-harassment", Keys(text, language));

    [Theory]
    [InlineData("fr", "l'insécurité", "feeling-of-insecurity")]
    [InlineData("fr", "L’insecurite", "feeling-of-insecurity")]
    [InlineData("fr", "le sentiment d’insécurité des habitants", "feeling-of-insecurity")]
    [InlineData("nl", "het onveiligheidsgevoel", "feeling-of-insecurity")]
    [InlineData("en", "the fear of crime", "feeling-of-insecurity")]
    [InlineData("fr", "les assuétudes", "addiction")]
    [InlineData("fr", "assuetudes", "addiction")]
    [InlineData("nl", "verslavingen", "addiction")]
    [InlineData("fr", "violences intrafamiliales", "intrafamily-violence")]
    [InlineData("fr", "la violence intrafamiliale", "intrafamily-violence")]
    [InlineData("nl", "huiselijk geweld", "intrafamily-violence")]
    [InlineData("en", "domestic violence", "intrafamily-violence")]
    [InlineData("nl", "radicalisering van jongeren", "radicalisation")]
    [InlineData("en", "radicalization", "radicalisation")]
    public void Elision_accents_plurals_and_languages_map_to_one_concept(string language, string text, string concept) =>
        Assert.Contains(concept, Keys(text, language));

    [Theory]
    [InlineData("fr", "la rue est calme")]
    [InlineData("fr", "le harcèlement")]
    [InlineData("nl", "de straat")]
    [InlineData("en", "harassment of street vendors by the market")]
    public void Part_of_a_term_is_not_the_concept(string language, string text) =>
        Assert.DoesNotContain("street-harassment", Keys(text, language));

    [Fact]
    public void The_longest_term_wins_and_the_words_stay_searchable()
    {
        var analysis = new ConceptAnalysis(
        [
            new GlossaryConcept("violence", null, ["violence"], ["geweld"], ["violence"]),
            new GlossaryConcept("intrafamily-violence", null, ["violence intrafamiliale"], ["huiselijk geweld"], ["domestic violence"]),
        ]);

        Assert.Equal(["intrafamily-violence"], Keys(analysis, "la violence intrafamiliale", "fr"));
        Assert.Equal(["violence"], Keys(analysis, "la violence", "fr"));

        var terms = Terms(analysis, "la violence intrafamiliale", "fr");
        Assert.Equal(["violenc", ConceptTokens.Of("intrafamily-violence"), "intrafamilial"], terms);
    }

    [Fact]
    public void Each_occurrence_keeps_the_words_as_written()
    {
        var found = Shipped.Find("Rapport : le Harcèlement de rue à Gand, puis l’insécurité.", "fr");

        Assert.Contains(found, o => o.Key == "street-harassment" && o.Words == "Harcèlement de rue");
        Assert.Contains(found, o => o.Key == "feeling-of-insecurity" && o.Words == "l’insécurité");
    }

    [Fact]
    public void Words_outside_the_glossary_are_stemmed_and_folded_words_and_stop_words_leave_nothing()
    {
        Assert.Equal(LanguageChain.Terms("fr", "éducateurs"), LanguageChain.Terms("fr", "educateur"));
        Assert.Equal(LanguageChain.Terms("nl", "jongeren"), LanguageChain.Terms("nl", "jongere"));
        Assert.Equal(LanguageChain.Terms("en", "trainings"), LanguageChain.Terms("en", "training"));
        Assert.Empty(LanguageChain.Terms("fr", "de la"));
        Assert.Empty(LanguageChain.Terms("nl", "de het"));
        Assert.Empty(LanguageChain.Terms("en", "the of"));
    }

    [Fact]
    public void The_version_changes_with_the_glossary()
    {
        var one = new ConceptAnalysis([new GlossaryConcept("a", null, ["un"], ["een"], ["one"])]);
        var same = new ConceptAnalysis([new GlossaryConcept("a", null, ["un"], ["een"], ["one"])]);
        var other = new ConceptAnalysis([new GlossaryConcept("a", null, ["un", "une"], ["een"], ["one"])]);

        Assert.Equal(one.Version, same.Version);
        Assert.NotEqual(one.Version, other.Version);
    }

    private static List<string> Keys(string text, string language) => Keys(Shipped, text, language);

    private static List<string> Keys(ConceptAnalysis analysis, string text, string language) =>
        analysis.Find(text, language).Select(o => o.Key).ToList();

    private static List<string> Terms(ConceptAnalysis analysis, string text, string language)
    {
        var terms = new List<string>();
        using var stream = analysis.Analyzer.GetTokenStream(ConceptAnalyzer.FieldOf(language), new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
