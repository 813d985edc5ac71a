using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>
/// The glossary as an analysis step, built once per glossary: the concepts a text is about, in any of the three
/// languages, found the same way when a record is indexed, when a query is read, and when a text is matched to other
/// records or to themes. <see cref="Version"/> changes with the glossary, so an index made with another one is known.
/// </summary>
public sealed class ConceptAnalysis
{
    private readonly Dictionary<string, GlossaryConcept> _concepts;

    public ConceptAnalysis(IReadOnlyList<GlossaryConcept> concepts)
    {
        _concepts = concepts.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Dictionaries = SupportedLanguages.All.ToDictionary(l => l, l => new ConceptDictionary(l, concepts), StringComparer.Ordinal);
        Analyzer = new ConceptAnalyzer(Dictionaries);
        Version = VersionOf(concepts);
    }

    public IReadOnlyDictionary<string, ConceptDictionary> Dictionaries { get; }

    public ConceptAnalyzer Analyzer { get; }

    /// <summary>A short hash of the analysis chain's version and of every concept's terms.</summary>
    public string Version { get; }

    /// <summary>The chain's own version: raise it when <see cref="LanguageChain"/> or <see cref="ConceptFilter"/> changes what they emit.</summary>
    public const int ChainVersion = 5;

    public GlossaryConcept? Concept(string key) => _concepts.GetValueOrDefault(key);

    /// <summary>
    /// The concepts <paramref name="text"/> names, read as <paramref name="language"/>, in order of appearance, each
    /// with the words of the text that named it (as written, for showing as evidence).
    /// </summary>
    public IReadOnlyList<ConceptOccurrence> Find(string text, string language)
    {
        var occurrences = new List<ConceptOccurrence>();
        using var stream = Analyzer.GetTokenStream(ConceptAnalyzer.FieldOf(language), new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (ConceptTokens.IsConcept(value))
            {
                occurrences.Add(new ConceptOccurrence(ConceptTokens.KeyOf(value), text[offset.StartOffset..offset.EndOffset], offset.StartOffset));
            }
        }

        stream.End();
        return occurrences;
    }

    /// <summary>The concepts whose terms of several words have all their words somewhere in these texts (by language), <see cref="ConceptDictionary.Near"/>.</summary>
    public IReadOnlySet<string> Near(IEnumerable<(string Language, string Text)> texts)
    {
        var near = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in texts.GroupBy(t => t.Language, StringComparer.Ordinal))
        {
            if (!Dictionaries.TryGetValue(language.Key, out var dictionary))
            {
                continue;
            }

            var words = language.SelectMany(t => LanguageChain.Terms(language.Key, t.Text)).ToHashSet(StringComparer.Ordinal);
            near.UnionWith(dictionary.Near(words));
        }

        return near;
    }

    /// <summary>The <see cref="Version"/> an analysis of these concepts has, without building it.</summary>
    public static string VersionOf(IEnumerable<GlossaryConcept> concepts)
    {
        var text = new StringBuilder().Append(ChainVersion).Append('\n');
        foreach (var concept in concepts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(concept.Key).Append('\t').AppendJoin('|', concept.Terms).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
