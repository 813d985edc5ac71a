namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// Finds glossary terms in a sequence of query words: the longest term first, a word's plural or a one-letter
/// slip still recognised, so that a term typed in one language brings the concept's terms in all three.
/// </summary>
public sealed class Glossary
{
    public const int MaxTermWords = 6;

    /// <summary>Words shorter than this must be spelled right: a slip is only forgiven in a long word.</summary>
    public const int SlipMinLength = 8;

    private readonly Dictionary<string, GlossaryConcept> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _termsByFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _singleWords = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, WordStems> _stems;

    public Glossary(IEnumerable<GlossaryConcept> concepts, IReadOnlyDictionary<string, WordStems>? stems = null)
    {
        _stems = stems ?? new Dictionary<string, WordStems>();
        Concepts = concepts.ToList();
        foreach (var concept in Concepts)
        {
            foreach (var term in concept.Terms)
            {
                var words = TextFolding.Words(term);
                if (words.Count == 0 || words.Count > MaxTermWords)
                {
                    continue;
                }

                var key = string.Join(' ', words);
                if (!_byTerm.TryAdd(key, concept))
                {
                    continue;
                }

                if (!_termsByFirstWord.TryGetValue(words[0], out var list))
                {
                    _termsByFirstWord[words[0]] = list = [];
                }

                list.Add(key);
                if (words.Count == 1)
                {
                    _singleWords.Add(key);
                }
            }
        }
    }

    public IReadOnlyList<GlossaryConcept> Concepts { get; }

    /// <summary>Every folded word of the glossary's terms, to ask the database for their stems once.</summary>
    public static IReadOnlyList<string> WordsOf(IEnumerable<GlossaryConcept> concepts) =>
        concepts.SelectMany(c => c.Terms).SelectMany(TextFolding.Words).Distinct(StringComparer.Ordinal).ToList();

    public static Glossary Empty { get; } = new([]);

    /// <summary>
    /// The concepts named in <paramref name="words"/> (folded), left to right, longest term first, without overlaps.
    /// A query word matches a term's word when they are equal, share a stem in one of the three languages, or,
    /// for a long word the records do not contain as typed (<see cref="QueryLexicon.Known"/>), differ by one slip.
    /// </summary>
    public IReadOnlyList<GlossaryMatch> Find(IReadOnlyList<string> words, QueryLexicon? lexicon = null)
    {
        lexicon ??= QueryLexicon.Empty;
        var matches = new List<GlossaryMatch>();
        for (var start = 0; start < words.Count;)
        {
            var match = LongestAt(words, start, lexicon);
            if (match is null)
            {
                start++;
                continue;
            }

            matches.Add(match);
            start += match.Length;
        }

        return matches;
    }

    private GlossaryMatch? LongestAt(IReadOnlyList<string> words, int start, QueryLexicon lexicon)
    {
        for (var length = Math.Min(MaxTermWords, words.Count - start); length >= 1; length--)
        {
            var candidate = string.Join(' ', words.Skip(start).Take(length));
            if (_byTerm.TryGetValue(candidate, out var exact))
            {
                return new GlossaryMatch(start, length, exact);
            }

            if (Near(words, start, length, lexicon) is { } near)
            {
                return new GlossaryMatch(start, length, near);
            }
        }

        return null;
    }

    /// <summary>A term whose words differ from the query's only by endings (plural, feminine) or, in long words, one slip.</summary>
    private GlossaryConcept? Near(IReadOnlyList<string> words, int start, int length, QueryLexicon lexicon)
    {
        IEnumerable<string> candidates = length == 1
            ? _singleWords
            : _termsByFirstWord.Where(t => Close(t.Key, words[start], lexicon)).SelectMany(t => t.Value);
        foreach (var term in candidates)
        {
            var termWords = term.Split(' ');
            if (termWords.Length == length && termWords.Select((w, i) => Close(w, words[start + i], lexicon)).All(c => c))
            {
                return _byTerm[term];
            }
        }

        return null;
    }

    private bool Close(string term, string word, QueryLexicon lexicon)
    {
        if (term == word)
        {
            return true;
        }

        // Short words must match exactly: "rue" is not "ruse".
        if (Math.Min(term.Length, word.Length) < 4)
        {
            return false;
        }

        // Another form of the same word (violences/violence, jongeren/jongere, teenager/teenage), as the index's stemmers see it.
        if (_stems.TryGetValue(term, out var termStems) && lexicon.Stems.TryGetValue(word, out var wordStems) && termStems.SharesStemWith(wordStems))
        {
            return true;
        }

        // A slip in a long word ("radicalistion"), unless the word as typed is one the records use.
        return word.Length >= SlipMinLength && !lexicon.Known.Contains(word) && EditDistanceAtMostOne(term, word);
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (a.Length < b.Length)
            {
                j++;
            }
            else if (i + 1 < a.Length && a[i] == b[j + 1] && a[i + 1] == b[j])
            {
                // Two letters swapped count as one slip.
                i += 2;
                j += 2;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
