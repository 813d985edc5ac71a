using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SafeBrussels.Exchange.Web.Features.Search.Analysis;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// Reads a search box query (docs/search.md) into a Lucene query, with the analysis the index was made with: quoted
/// phrases are required, <c>-word</c> and <c>-"phrase"</c> excluded, <c>a OR b</c> one clause; other words are
/// clauses a record should match as many of as possible. Words naming a glossary concept, in any language, are one
/// clause: the concept's token (weight 2); any other word is read in the three languages (weight 1).
/// </summary>
public sealed class EngineQueryBuilder(ConceptAnalysis analysis)
{
    public const float ConceptWeight = 2f;
    public const float WordWeight = 1f;

    /// <summary>How much more a match in a record's title counts than one in the rest of its text, as a share of the clause.</summary>
    public const float TitleWeight = 0.1f;

    /// <summary>How much being near a concept (its words apart) counts, against holding one of its terms.</summary>
    public const float NearWeight = 0.9f;

    /// <summary>Words this long may carry one slip and still find a record.</summary>
    public const int SlipMinLength = 8;

    private static readonly string[] Quotes = ["\"", "“", "”", "«", "»"];

    private sealed record Clause(Query Query, float Weight);


    /// <summary>The terms the query looks for, as <c>{language}:{term}</c> and concept tokens, to mark them in snippets.</summary>
    public ISet<string> Terms(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Tokenize(text ?? "").Where(i => i.Kind != Kind.Or && !i.Negated))
        {
            foreach (var language in SupportedLanguages.All)
            {
                foreach (var token in Tokens(language, item.Text))
                {
                    terms.Add(token.IsConcept ? token.Term : $"{language}:{token.Term}");
                }
            }
        }

        return terms;
    }

    private enum Kind
    {
        Word,
        Phrase,
        Or,
    }

    private sealed record Item(Kind Kind, string Text, bool Negated);

    /// <summary>
    /// Null when nothing meaningful is left (no words, only stop words, or only exclusions). <paramref name="known"/> says
    /// whether the index holds a term: a long word the index holds as typed is a word of its own, not a slip, and is
    /// looked for as it is (a slip is looked for only when no record uses the word).
    /// </summary>
    public Query? Build(string? text, Func<Term, bool>? known = null)
    {
        known ??= _ => false;
        var required = new List<Query>();
        var optional = new List<Clause>();
        var excluded = new List<Query>();
        var run = new List<string>();
        var pendingOr = false;

        void AddOptional(Clause clause)
        {
            if (pendingOr && optional.Count > 0)
            {
                var previous = optional[^1];
                optional[^1] = new Clause(new DisjunctionMaxQuery([previous.Query, clause.Query], 0f), Math.Max(previous.Weight, clause.Weight));
                pendingOr = false;
            }
            else
            {
                optional.Add(clause);
            }
        }

        void FlushRun()
        {
            if (run.Count > 0)
            {
                foreach (var clause in Expand(string.Join(' ', run), known))
                {
                    AddOptional(clause);
                }

                run.Clear();
            }
        }

        foreach (var item in Tokenize(text ?? ""))
        {
            if (item.Kind == Kind.Or)
            {
                FlushRun();
                pendingOr = optional.Count > 0;
                continue;
            }

            if (item.Kind == Kind.Word && !item.Negated && !pendingOr)
            {
                run.Add(item.Text);
                continue;
            }

            FlushRun();
            if (item.Negated)
            {
                if (Phrase(item.Text) is { } phrase)
                {
                    excluded.Add(phrase);
                }
            }
            else if (item.Kind == Kind.Phrase && !pendingOr)
            {
                if (Phrase(item.Text) is { } phrase)
                {
                    phrase.Boost = ConceptWeight;
                    required.Add(phrase);
                }
            }
            else if ((item.Kind == Kind.Phrase ? Phrase(item.Text) is { } p ? new Clause(p, WordWeight) : null : Expand(item.Text, known).FirstOrDefault()) is { } clause)
            {
                AddOptional(clause);
            }
        }

        FlushRun();
        if (required.Count == 0 && optional.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var phrase in required)
        {
            query.Add(phrase, Occur.MUST);
        }

        if (optional.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var clause in optional)
            {
                clause.Query.Boost = clause.Weight;
                any.Add(clause.Query, Occur.SHOULD);
            }

            query.Add(any, Occur.MUST);
        }

        foreach (var exclusion in excluded)
        {
            query.Add(exclusion, Occur.MUST_NOT);
        }

        return query;
    }

    /// <summary>One clause per concept the words name (in any language), and one per other word.</summary>
    private IEnumerable<Clause> Expand(string text, Func<Term, bool> known)
    {
        // Each language reads the words its way; a concept found by any of them covers its words.
        var concepts = new List<(string Key, int Start, int End)>();
        var words = new SortedDictionary<int, (int End, Dictionary<string, string> Terms)>();
        foreach (var language in SupportedLanguages.All)
        {
            foreach (var (term, start, end, isConcept, _) in Tokens(language, text))
            {
                if (isConcept)
                {
                    concepts.Add((ConceptTokens.KeyOf(term), start, end));
                }
                else
                {
                    if (!words.TryGetValue(start, out var word))
                    {
                        words[start] = word = (end, new Dictionary<string, string>(StringComparer.Ordinal));
                    }

                    word.Terms[language] = term;
                }
            }
        }

        var clauses = new List<(int Start, Clause Clause)>();
        foreach (var concept in concepts.GroupBy(c => c.Key).Select(g => g.OrderBy(c => c.Start).First()))
        {
            // The concept's term in the record, or all the words of one of its terms anywhere in it, or the words typed.
            var any = (DisjunctionMaxQuery)AnyField(_ => ConceptTokens.Of(concept.Key), known);
            any.Add(new TermQuery(new Term(IndexFields.Near, concept.Key)) { Boost = NearWeight });

            // Or the words typed, all of them, in any language.
            var typed = words.Where(w => concept.Start <= w.Key && w.Value.End <= concept.End).ToList();
            if (typed.Count > 0)
            {
                var all = new BooleanQuery { Boost = NearWeight / typed.Count };
                foreach (var (_, (_, terms)) in typed)
                {
                    all.Add(AnyField(language => terms.GetValueOrDefault(language), known), Occur.MUST);
                }

                any.Add(all);
            }
            clauses.Add((concept.Start, new Clause(any, ConceptWeight)));
        }

        foreach (var (start, (end, terms)) in words)
        {
            if (concepts.Any(c => c.Start <= start && end <= c.End))
            {
                continue;
            }

            var folded = TextFolding.Fold(text[start..end]);
            clauses.Add((start, new Clause(AnyField(language => terms.GetValueOrDefault(language), known, folded.Length >= SlipMinLength), WordWeight)));
        }

        return clauses.OrderBy(c => c.Start).Select(c => c.Clause);
    }

    /// <summary>
    /// A term in any language's text, counting more in a title; for a long word that no record uses as typed, the words
    /// of the index one edit away too (a slip), at half the weight.
    /// </summary>
    private static Query AnyField(Func<string, string?> termIn, Func<Term, bool> known, bool slips = false)
    {
        var any = new DisjunctionMaxQuery(0f);
        var texts = new List<Term>();
        foreach (var language in SupportedLanguages.All)
        {
            if (termIn(language) is not { } term)
            {
                continue;
            }

            var text = new Term(ConceptAnalyzer.FieldOf(language), term);
            texts.Add(text);
            any.Add(new TermQuery(text));
            any.Add(new TermQuery(new Term(ConceptAnalyzer.FieldOf(language, IndexFields.Title), term)) { Boost = 1f + TitleWeight });
        }

        if (slips && !texts.Any(known))
        {
            foreach (var text in texts.Where(t => t.Text.Length >= SlipMinLength - 2))
            {
                any.Add(new FuzzyQuery(text, 1, 1) { Boost = 0.5f });
            }
        }

        return any;
    }

    /// <summary>The words in this order in any language's text (one word: the word alone); null when only stop words.</summary>
    private Query? Phrase(string text)
    {
        var any = new DisjunctionMaxQuery(0f);
        foreach (var language in SupportedLanguages.All)
        {
            var terms = Tokens(language, text).Where(t => !t.IsConcept).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            foreach (var (field, boost) in new[] { (ConceptAnalyzer.FieldOf(language), 1f), (ConceptAnalyzer.FieldOf(language, IndexFields.Title), 1f + TitleWeight) })
            {
                if (terms.Count == 1)
                {
                    any.Add(new TermQuery(new Term(field, terms[0].Term)) { Boost = boost });
                    continue;
                }

                var phrase = new PhraseQuery { Boost = boost };
                foreach (var term in terms)
                {
                    phrase.Add(new Term(field, term.Term), term.Position);
                }

                any.Add(phrase);
            }
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    internal IEnumerable<(string Term, int Start, int End, bool IsConcept, int Position)> Tokens(string language, string text)
    {
        var tokens = new List<(string, int, int, bool, int)>();
        using var stream = analysis.Analyzer.GetTokenStream(ConceptAnalyzer.FieldOf(language), new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var value = term.ToString();
            tokens.Add((value, offset.StartOffset, offset.EndOffset, ConceptTokens.IsConcept(value), position));
        }

        stream.End();
        return tokens;
    }

    private static List<Item> Tokenize(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated)
            {
                i++;
            }

            if (Quotes.Any(q => text[i..].StartsWith(q, StringComparison.Ordinal)))
            {
                var end = text.IndexOfAny(['"', '“', '”', '«', '»'], i + 1);
                var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                if (TextFolding.Words(inner).Count > 0)
                {
                    items.Add(new Item(TextFolding.Words(inner).Count == 1 ? Kind.Word : Kind.Phrase, inner, negated));
                }

                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            if (!negated && token == "OR")
            {
                items.Add(new Item(Kind.Or, "", false));
            }
            else if (TextFolding.Words(token).Count > 0)
            {
                // "-anti-radicalisation" excludes the phrase its parts make; "l'espace" is read whole (elision).
                items.Add(new Item(negated && TextFolding.Words(token).Count > 1 ? Kind.Phrase : Kind.Word, token, negated));
            }
        }

        return items;
    }
}
