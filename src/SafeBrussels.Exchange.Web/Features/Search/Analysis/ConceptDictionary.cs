namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>
/// The glossary's terms, each as the index terms one language's chain makes of it, in a trie: "harcèlement de rue",
/// "straatintimidatie" and "street harassment" all lead to the concept <c>street-harassment</c>. Every language's
/// dictionary holds the terms of all three languages, so a Dutch term in a French text, or in a query whose language
/// is not known, is still the concept.
/// </summary>
public sealed class ConceptDictionary
{
    private readonly Node _root = new();

    // The terms of two words or more, by their first word: what "all its words somewhere in a record" is checked on.
    private readonly Dictionary<string, List<(string[] Words, string Concept)>> _byFirstWord = new(StringComparer.Ordinal);

    public ConceptDictionary(string language, IEnumerable<GlossaryConcept> concepts)
    {
        Language = language;
        foreach (var concept in concepts)
        {
            foreach (var term in concept.Terms)
            {
                var words = LanguageChain.Terms(language, term);
                if (words.Count == 0 || words.Count > Glossary.MaxTermWords)
                {
                    continue;
                }

                var node = _root;
                foreach (var word in words)
                {
                    node = node.Next.TryGetValue(word, out var next) ? next : node.Next[word] = new Node();
                }

                // The first concept to claim a term keeps it, as in the glossary page's order.
                node.Concept ??= concept.Key;
                if (words.Count > 1 && node.Concept == concept.Key)
                {
                    if (!_byFirstWord.TryGetValue(words[0], out var terms))
                    {
                        _byFirstWord[words[0]] = terms = [];
                    }

                    terms.Add(([.. words], concept.Key));
                }
            }
        }
    }

    public string Language { get; }

    public static ConceptDictionary Empty(string language) => new(language, []);

    /// <summary>
    /// The concepts one of whose terms of several words has all its words among <paramref name="words"/> (a record's
    /// words in this language), wherever they stand: "médiateur" and "bon voisinage" in a text make it near
    /// "médiation de voisinage". Weaker than the term itself, and counted apart from it.
    /// </summary>
    public IEnumerable<string> Near(IReadOnlySet<string> words)
    {
        foreach (var word in words)
        {
            if (_byFirstWord.TryGetValue(word, out var terms))
            {
                foreach (var (termWords, concept) in terms)
                {
                    if (termWords.All(words.Contains))
                    {
                        yield return concept;
                    }
                }
            }
        }
    }

    /// <summary>Where a term may continue after <paramref name="word"/> (null: no term goes this way).</summary>
    internal Node? Start(string word) => _root.Next.GetValueOrDefault(word);

    internal sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);

        /// <summary>The concept whose term ends here, if any.</summary>
        public string? Concept { get; set; }

        public Node? Then(string word) => Next.GetValueOrDefault(word);
    }
}
