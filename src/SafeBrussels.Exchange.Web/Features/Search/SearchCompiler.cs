using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// Reads a search box query into what PostgreSQL runs: the words' stems and which long words the records use (for
/// the glossary's slip tolerance), the glossary expansion, then each clause read in the three languages.
/// What the database answers is kept: a word's stems and a clause's reading never change (the text search
/// configurations are immutable), whether the records use a word is asked again after <see cref="KnownFor"/>.
/// Most searches therefore reach the database once they are compiled, not before.
/// </summary>
public sealed class SearchCompiler(GlossaryStore glossaries, TimeProvider time, IOptions<SearchOptions> options) : IDisposable
{
    public static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(1);

    // One bounded cache (Search:CompilerCacheEntries, one unit an entry) for the three kinds of answer.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CompilerCacheEntries, CompactionPercentage = 0.25 });

    /// <summary>The entries kept now, never more than <see cref="SearchOptions.CompilerCacheEntries"/>.</summary>
    internal int CachedEntries => _cache.Count;

    public void Dispose() => _cache.Dispose();

    /// <summary>Null when nothing meaningful is left (no words, or only stop words).</summary>
    public async Task<CompiledQuery?> CompileAsync(NpgsqlConnection connection, string? text, CancellationToken cancellationToken = default)
    {
        var glossary = await glossaries.GetAsync(cancellationToken);
        var lexicon = await LexiconAsync(connection, SearchQuery.Words(text), cancellationToken);
        var query = SearchQuery.Parse(text, glossary, lexicon);
        if (query.IsEmpty)
        {
            return null;
        }

        var texts = query.Required.Concat(query.Optional.Select(o => o.Text)).Concat(query.Excluded).ToArray();
        var parsed = await ReadClausesAsync(connection, texts, cancellationToken);

        static bool Meaningful(string q) => q.Length > 0;
        var required = parsed.Take(query.Required.Count).Where(Meaningful).ToList();
        var weighted = parsed.Skip(query.Required.Count).Take(query.Optional.Count)
            .Select((q, i) => (Query: q, query.Optional[i].Weight)).Where(o => Meaningful(o.Query)).ToList();
        var optional = weighted.Select(o => o.Query).ToList();
        var excluded = parsed.Skip(query.Required.Count + query.Optional.Count).Where(Meaningful).ToList();
        if (required.Count == 0 && optional.Count == 0)
        {
            return null;
        }

        var parts = required.Select(r => $"( {r} )").ToList();
        if (optional.Count > 0)
        {
            parts.Add("( " + string.Join(" | ", optional.Select(o => $"( {o} )")) + " )");
        }

        parts.AddRange(excluded.Select(e => $"!( {e} )"));

        // A required phrase counts like a concept.
        return new CompiledQuery(
            string.Join(" & ", parts),
            optional.Concat(required).ToArray(),
            weighted.Select(o => o.Weight).Concat(required.Select(_ => SearchQuery.ConceptWeight)).ToArray());
    }

    /// <summary>
    /// The stems of the words, and which long ones the records contain as typed: those are never taken for a slip
    /// of a glossary term. Only records every member may see (CLEAR, GREEN) are asked, so the answer, shared by
    /// every user through the cache, reveals nothing about the others.
    /// </summary>
    private async Task<QueryLexicon> LexiconAsync(NpgsqlConnection connection, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return QueryLexicon.Empty;
        }

        var now = time.GetUtcNow();
        var stems = new Dictionary<string, WordStems>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(StemsKey(word), out WordStems? cached) && (!IsLong(word) || IsKnownFresh(word, now, known)))
            {
                stems[word] = cached!;
            }
            else
            {
                missing.Add(word);
            }
        }

        if (missing.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT w, (ts_lexize('pg_catalog.french_stem', w))[1], (ts_lexize('pg_catalog.dutch_stem', w))[1], (ts_lexize('pg_catalog.english_stem', w))[1],
                       length(w) >= @long AND (
                         EXISTS (SELECT 1 FROM practices WHERE tlp IN ('CLEAR', 'GREEN') AND search_vector @@ public.exchange_tsquery(w))
                         OR EXISTS (SELECT 1 FROM meetings WHERE tlp IN ('CLEAR', 'GREEN') AND search_vector @@ public.exchange_tsquery(w)))
                FROM unnest(@words) AS w
                """,
                connection);
            command.Parameters.AddWithValue("words", missing.ToArray());
            command.Parameters.AddWithValue("long", Glossary.SlipMinLength);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var word = reader.GetString(0);
                var read = new WordStems(
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3));
                stems[word] = Keep(StemsKey(word), read);
                if (IsLong(word))
                {
                    known.Remove(word);
                    if (Keep(KnownKey(word), (Known: reader.GetBoolean(4), At: now)).Known)
                    {
                        known.Add(word);
                    }
                }
            }
        }

        return new QueryLexicon(stems, known);
    }

    /// <summary>Each clause read by PostgreSQL in the three languages (empty when only stop words are left), in order.</summary>
    private async Task<string[]> ReadClausesAsync(NpgsqlConnection connection, string[] texts, CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (_cache.TryGetValue(ClauseKey(text), out string? cached))
            {
                read[text] = cached!;
            }
        }

        var missing = texts.Where(t => !read.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            await using var command = new NpgsqlCommand("SELECT c, public.exchange_tsquery(c)::text FROM unnest(@clauses) AS c", connection);
            command.Parameters.AddWithValue("clauses", missing);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read[reader.GetString(0)] = Keep(ClauseKey(reader.GetString(0)), reader.GetString(1));
            }
        }

        return texts.Select(t => read[t]).ToArray();
    }

    private static bool IsLong(string word) => word.Length >= Glossary.SlipMinLength;

    /// <summary>Whether the answer "do the records use this word" is recent enough; a word they use joins <paramref name="known"/>.</summary>
    private bool IsKnownFresh(string word, DateTimeOffset now, HashSet<string> known)
    {
        if (!_cache.TryGetValue(KnownKey(word), out (bool Known, DateTimeOffset At) answer) || now - answer.At >= KnownFor)
        {
            return false;
        }

        if (answer.Known)
        {
            known.Add(word);
        }

        return true;
    }

    private T Keep<T>(object key, T value) => _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1 });

    private static (char, string) StemsKey(string word) => ('s', word);

    private static (char, string) KnownKey(string word) => ('k', word);

    private static (char, string) ClauseKey(string clause) => ('c', clause);
}
