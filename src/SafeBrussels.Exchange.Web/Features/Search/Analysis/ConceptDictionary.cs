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
            }
        }
    }

    public string Language { get; }

    public static ConceptDictionary Empty(string language) => new(language, []);

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
