namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// What a search box query means, in to_tsquery syntax, before PostgreSQL reads it in the three languages:
/// quoted phrases are required, <c>-word</c> or <c>-"phrase"</c> excluded, <c>a OR b</c> one clause with two
/// ways to match; other words (and glossary terms, expanded to all their languages) are clauses a result
/// should match as many of as possible.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Required, IReadOnlyList<SearchClause> Optional, IReadOnlyList<string> Excluded)
{
    /// <summary>A concept of the glossary speaks every language; a word only its own, so a concept counts double.</summary>
    public const float ConceptWeight = 2f;
    public const float WordWeight = 1f;

    private const string Or = "OR";

    public bool IsEmpty => Required.Count == 0 && Optional.Count == 0;

    /// <summary>The words of <paramref name="text"/>, folded, to ask the database for their stems and whether the records use them.</summary>
    public static IReadOnlyList<string> Words(string? text) => TextFolding.Words(text ?? "").Distinct(StringComparer.Ordinal).ToList();

    public static SearchQuery Parse(string? text, Glossary glossary, QueryLexicon? lexicon = null)
    {
        var items = Tokenize(text ?? "");
        var required = new List<string>();
        var optional = new List<SearchClause>();
        var excluded = new List<string>();

        // Runs of plain words go through the glossary together, so that "harcèlement de rue" is one concept.
        var run = new List<string>();
        var pendingOr = false;
        void FlushRun()
        {
            foreach (var clause in Expand(run, glossary, lexicon))
            {
                AddOptional(clause);
            }

            run.Clear();
        }

        void AddOptional(SearchClause clause)
        {
            if (pendingOr && optional.Count > 0)
            {
                optional[^1] = new SearchClause($"{optional[^1].Text} | {clause.Text}", Math.Max(optional[^1].Weight, clause.Weight));
                pendingOr = false;
            }
            else
            {
                optional.Add(clause);
            }
        }

        foreach (var item in items)
        {
            if (item.Kind == ItemKind.Or)
            {
                FlushRun();
                pendingOr = optional.Count > 0;
                continue;
            }

            if (item.Kind == ItemKind.Word && !item.Negated && !pendingOr)
            {
                run.Add(item.Words[0]);
                continue;
            }

            FlushRun();
            var phrase = string.Join(" <-> ", item.Words);
            if (item.Negated)
            {
                excluded.Add(item.Kind == ItemKind.Phrase ? phrase : item.Words[0]);
            }
            else if (item.Kind == ItemKind.Phrase && !pendingOr)
            {
                required.Add(phrase);
            }
            else
            {
                AddOptional(item.Kind == ItemKind.Phrase ? new SearchClause(phrase, WordWeight) : Expand([item.Words[0]], glossary, lexicon).Single());
            }
        }

        FlushRun();
        return new SearchQuery(required, optional, excluded);
    }

    /// <summary>One clause per glossary concept found (all its terms, in every language) and per other word.</summary>
    private static List<SearchClause> Expand(IReadOnlyList<string> words, Glossary glossary, QueryLexicon? lexicon)
    {
        var clauses = new List<SearchClause>();
        var matches = glossary.Find(words, lexicon);
        var next = 0;
        foreach (var match in matches)
        {
            clauses.AddRange(words.Skip(next).Take(match.Start - next).Select(w => new SearchClause(w, WordWeight)));
            var typed = string.Join(" & ", words.Skip(match.Start).Take(match.Length));
            var terms = match.Concept.Terms
                .Select(TextFolding.Words)
                .Where(w => w.Count > 0)
                .Select(w => w.Count == 1 ? w[0] : $"({string.Join(" & ", w)})")
                .Prepend(match.Length == 1 ? typed : $"({typed})")
                .Distinct(StringComparer.Ordinal);
            clauses.Add(new SearchClause(string.Join(" | ", terms), ConceptWeight));
            next = match.Start + match.Length;
        }

        clauses.AddRange(words.Skip(next).Select(w => new SearchClause(w, WordWeight)));
        return clauses;
    }

    private enum ItemKind
    {
        Word,
        Phrase,
        Or,
    }

    private sealed record Item(ItemKind Kind, IReadOnlyList<string> Words, bool Negated);

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

            if (text[i] is '"' or '“' or '”' or '«' or '»')
            {
                var end = text.IndexOfAny(['"', '“', '”', '«', '»'], i + 1);
                var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                var words = TextFolding.Words(inner);
                if (words.Count > 0)
                {
                    items.Add(new Item(words.Count == 1 ? ItemKind.Word : ItemKind.Phrase, words, negated));
                }

                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            if (!negated && token == Or)
            {
                items.Add(new Item(ItemKind.Or, [], false));
                continue;
            }

            // "l'espace", "anti-radicalisation": each part is a word of its own.
            var parts = TextFolding.Words(token);
            if (parts.Count > 1 && negated)
            {
                items.Add(new Item(ItemKind.Phrase, parts, true));
                continue;
            }

            items.AddRange(parts.Select(p => new Item(ItemKind.Word, [p], negated)));
        }

        return items;
    }
}
