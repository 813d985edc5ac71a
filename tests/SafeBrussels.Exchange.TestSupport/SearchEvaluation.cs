using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>
/// The judged multilingual dev set (TestData/search-dev): each query sent to <c>GET /api/v1/search</c> (top 10),
/// scored by recall@10 (share of documents of grade ≥ 1 found) and nDCG@10 (gain 2^grade − 1, discount log2(rank + 1)).
/// </summary>
public static class SearchEvaluation
{
    public sealed record JudgedQuery(string Id, string Text, string Language, string Kind, IReadOnlyDictionary<string, int> Relevant);

    public sealed record QueryScore(JudgedQuery Query, IReadOnlyList<string> Found, double Recall, double Ndcg);

    public sealed record KindScore(string Kind, int Queries, double Recall, double Ndcg);

    public static IReadOnlyList<JudgedQuery> Queries(string path)
    {
        using var stream = File.OpenRead(path);
        var document = JsonNode.Parse(stream)!.AsArray();
        return document.Select(q => new JudgedQuery(
            (string)q!["id"]!, (string)q["q"]!, (string)q["lang"]!, (string)q["kind"]!,
            q["relevant"]!.AsObject().ToDictionary(r => r.Key, r => (int)r.Value!))).ToList();
    }

    /// <summary>The corpus with every record made visible to the evaluating member (GREEN), as the set's README says.</summary>
    public static string CorpusAllGreen(string path)
    {
        var corpus = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var kind in new[] { "practices", "meetings" })
        {
            foreach (var record in corpus[kind]?.AsArray() ?? [])
            {
                record!["tlp"] = "GREEN";
            }
        }

        return corpus.ToJsonString();
    }

    public static async Task<IReadOnlyList<QueryScore>> RunAsync(HttpClient client, IEnumerable<JudgedQuery> queries)
    {
        var scores = new List<QueryScore>();
        foreach (var query in queries)
        {
            var response = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(query.Text)}&pageSize=10");
            var found = response.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("externalId").GetString()!)
                .Take(10)
                .ToList();
            scores.Add(Score(query, found));
        }

        return scores;
    }

    public static QueryScore Score(JudgedQuery query, IReadOnlyList<string> found)
    {
        var relevant = query.Relevant.Where(r => r.Value >= 1).ToList();
        var recall = relevant.Count == 0 ? 1 : relevant.Count(r => found.Contains(r.Key)) / (double)relevant.Count;
        double Dcg(IEnumerable<int> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var dcg = Dcg(found.Select(id => query.Relevant.GetValueOrDefault(id)));
        var ideal = Dcg(query.Relevant.Values.OrderByDescending(g => g).Take(10));
        return new QueryScore(query, found, recall, ideal == 0 ? 1 : dcg / ideal);
    }

    /// <summary>Means per kind, then "cross-lingual" and "overall" as the issue's floors name them.</summary>
    public static IReadOnlyList<KindScore> Summarize(IReadOnlyList<QueryScore> scores) =>
        scores.GroupBy(s => s.Query.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KindScore(g.Key, g.Count(), g.Average(s => s.Recall), g.Average(s => s.Ndcg)))
            .Append(new KindScore("overall", scores.Count, scores.Average(s => s.Recall), scores.Average(s => s.Ndcg)))
            .ToList();

    public static string Report(IReadOnlyList<QueryScore> scores)
    {
        var lines = new List<string> { $"{"kind",-16} {"queries",7} {"recall@10",10} {"nDCG@10",8}" };
        lines.AddRange(Summarize(scores).Select(k => $"{k.Kind,-16} {k.Queries,7} {k.Recall,10:0.000} {k.Ndcg,8:0.000}"));
        lines.Add("");
        lines.AddRange(scores.Where(s => s.Recall < 1).Select(s =>
            $"{s.Query.Id} [{s.Query.Kind}] \"{s.Query.Text}\": recall {s.Recall:0.00}, nDCG {s.Ndcg:0.00}; missed {string.Join(", ", s.Query.Relevant.Keys.Except(s.Found))}"));
        return string.Join(Environment.NewLine, lines);
    }
}
