using Lucene.Net.Analysis;

namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>
/// The Lucene analyzer of the search index: a field whose name ends with its language (<c>text.fr</c>, <c>title.nl</c>;
/// <see cref="FieldOf"/>) is read with that language's chain, then the concept filter of the glossary it was built with.
/// </summary>
public sealed class ConceptAnalyzer(IReadOnlyDictionary<string, ConceptDictionary> dictionaries) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const string TextField = "text";

    /// <summary>The field holding <paramref name="part"/> (by default all text) in <paramref name="language"/>: <c>text.fr</c>, <c>title.nl</c>.</summary>
    public static string FieldOf(string language, string part = TextField) => $"{part}.{language}";

    /// <summary>The language a field is read in: the end of its name, or the default language.</summary>
    public static string LanguageOf(string field)
    {
        var language = field[(field.LastIndexOf('.') + 1)..];
        return Infrastructure.Localization.SupportedLanguages.IsSupported(language) ? language : Infrastructure.Localization.SupportedLanguages.Default;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var language = LanguageOf(fieldName);
        var (source, sink) = LanguageChain.Build(language, reader);
        var dictionary = dictionaries.TryGetValue(language, out var found) ? found : ConceptDictionary.Empty(language);
        return new TokenStreamComponents(source, new ConceptFilter(sink, dictionary));
    }
}
