using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Util;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>
/// How the words of one language become index terms: Unicode word boundaries, lower case, French elision
/// ("l'insécurité" is "insécurité"), accents folded (so "securite" and "sécurité" are one word), the language's
/// stop words dropped, then its Snowball stemmer (plurals and other endings). The same chain reads records and
/// queries, and compiles the glossary's terms (<see cref="ConceptDictionary"/>).
/// </summary>
public static class LanguageChain
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet Articles = new(Version, ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], true);

    private static readonly Dictionary<string, CharArraySet> StopWords = new(StringComparer.Ordinal)
    {
        [SupportedLanguages.French] = Folded(FrenchAnalyzer.DefaultStopSet),
        [SupportedLanguages.Dutch] = Folded(DutchAnalyzer.DefaultStopSet),
        [SupportedLanguages.English] = Folded(EnglishAnalyzer.DefaultStopSet),
    };

    /// <summary>The chain of <paramref name="language"/> (fr, nl or en) over a tokenizer reading <paramref name="reader"/>.</summary>
    public static (Tokenizer Source, TokenStream Sink) Build(string language, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ElisionFilter(stream, Articles);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopWords[Known(language)]);
        stream = new SnowballFilter(stream, Stemmer(Known(language)));
        return (source, stream);
    }

    /// <summary>The terms of <paramref name="text"/> in <paramref name="language"/>, in order (a stop word leaves no term).</summary>
    public static List<string> Terms(string language, string text)
    {
        var terms = new List<string>();
        using var stream = Analyzers[Known(language)].GetTokenStream("", new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    // One analyzer per language for Terms: Lucene reuses its chain per thread instead of building one per call.
    private static readonly Dictionary<string, Analyzer> Analyzers = StopWords.Keys.ToDictionary(l => l, l => (Analyzer)new ChainAnalyzer(l), StringComparer.Ordinal);

    private sealed class ChainAnalyzer(string language) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var (source, sink) = Build(language, reader);
            return new TokenStreamComponents(source, sink);
        }
    }

    private static string Known(string language) => StopWords.ContainsKey(language) ? language : SupportedLanguages.Default;

    private static SnowballProgram Stemmer(string language) => language switch
    {
        SupportedLanguages.French => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(),
        SupportedLanguages.Dutch => new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer(),
        _ => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(),
    };

    private static CharArraySet Folded(CharArraySet words)
    {
        var folded = new CharArraySet(Version, words.Count, true);
        foreach (var word in words)
        {
            folded.Add(TextFolding.Fold(word.ToString() ?? ""));
        }

        return folded;
    }
}
