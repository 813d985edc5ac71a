using NpgsqlTypes;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>SQL functions of the search (created by the Search migration), callable inside LINQ queries.</summary>
public static class SearchFunctions
{
    /// <summary><c>exchange_rank</c>: the weights of the clauses matched, then ts_rank_cd within (0, 1).</summary>
    public static float Rank(NpgsqlTsVector document, string[] clauses, float[] weights, string query) =>
        throw new InvalidOperationException("Only for use in database queries.");

    /// <summary><c>exchange_rank_fast</c>: the same clause weights with ts_rank, to choose the candidates <see cref="Rank"/> orders.</summary>
    public static float RankFast(NpgsqlTsVector document, string[] clauses, float[] weights, string query) =>
        throw new InvalidOperationException("Only for use in database queries.");

    /// <summary><c>exchange_query</c>: a query in tsquery text form (queries travel as text: expanded ones are large).</summary>
    public static NpgsqlTsQuery Query(string query) =>
        throw new InvalidOperationException("Only for use in database queries.");

    /// <summary><c>exchange_headline</c>: a fragment of <paramref name="document"/> with the matches between ⟦ and ⟧.</summary>
    public static string Headline(string language, string document, string query) =>
        throw new InvalidOperationException("Only for use in database queries.");
}
