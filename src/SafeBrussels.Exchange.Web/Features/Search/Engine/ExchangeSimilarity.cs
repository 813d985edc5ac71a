using Lucene.Net.Search.Similarities;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// Lucene's TF-IDF without its two query-wide factors (the share of clauses matched, and the normalisation of the
/// query's weights), so that a record's score is the sum of the weights of the clauses it matches, as the ranking
/// is documented (docs/search.md), plus how well it matches them.
/// </summary>
public sealed class ExchangeSimilarity : DefaultSimilarity
{
    public override float Coord(int overlap, int maxOverlap) => 1f;

    public override float QueryNorm(float valueForNormalization) => 1f;
}
