using System.Text;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// An excerpt of a record's text around what the query looks for, the matches between
/// <see cref="SearchService.MarkStart"/> and <see cref="SearchService.MarkEnd"/>: up to two passages of about thirty
/// words, the ones with the most matches, joined by " … "; the text's beginning when nothing matches.
/// A word matches when the record's language reads it as a term of the query, or when it is part of a concept the query names.
/// </summary>
public sealed partial class Snippets(EngineQueryBuilder queries)
{
    public const int PassageWords = 30;
    public const int Passages = 2;

    public string Make(string text, string language, ISet<string> terms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // The characters of each match, then the words of the text (runs of non-space) that hold one.
        var marks = new List<(int Start, int End)>();
        foreach (var token in queries.Tokens(language, text))
        {
            if (terms.Contains(token.IsConcept ? token.Term : $"{language}:{token.Term}"))
            {
                marks.Add((token.Start, token.End));
            }
        }

        marks = Merged(marks);
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((start, i));
            }
        }

        var hit = words.Select(w => marks.Any(m => m.Start < w.End && w.Start < m.End)).ToArray();
        var chosen = new List<int>();
        if (hit.Any(h => h))
        {
            // Greedy: the window with the most matching words, then the best one that does not overlap it.
            for (var n = 0; n < Passages; n++)
            {
                var (best, bestCount) = (-1, 0);
                for (var start = 0; start < words.Count; start++)
                {
                    if (chosen.Any(c => Math.Abs(c - start) < PassageWords))
                    {
                        continue;
                    }

                    var count = 0;
                    for (var k = start; k < Math.Min(words.Count, start + PassageWords); k++)
                    {
                        count += hit[k] ? 1 : 0;
                    }

                    if (count > bestCount)
                    {
                        (best, bestCount) = (start, count);
                    }
                }

                if (best < 0)
                {
                    break;
                }

                // Start a few words before the first match, for context.
                var first = Enumerable.Range(best, Math.Min(PassageWords, words.Count - best)).First(k => hit[k]);
                chosen.Add(Math.Max(0, Math.Min(first - 3, words.Count - PassageWords)));
            }
        }
        else
        {
            chosen.Add(0);
        }

        var snippet = new StringBuilder();
        foreach (var start in chosen.Order())
        {
            if (snippet.Length > 0)
            {
                snippet.Append(" … ");
            }

            var end = Math.Min(words.Count, start + PassageWords);
            var from = words[start].Start;
            var to = words[end - 1].End;
            var position = from;
            foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= from && m.End <= to))
            {
                snippet.Append(text, position, markStart - position).Append(SearchService.MarkStart)
                    .Append(text, markStart, markEnd - markStart).Append(SearchService.MarkEnd);
                position = markEnd;
            }

            snippet.Append(text, position, to - position);
        }

        return Spaces().Replace(snippet.ToString(), " ").Trim();
    }

    /// <summary>A run of white space (line ends of paragraphs and lists included), shown as one space.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    /// <summary>The marks in order, those that overlap (a concept and its words) made one.</summary>
    private static List<(int Start, int End)> Merged(List<(int Start, int End)> marks)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var mark in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, mark.End));
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }
}
