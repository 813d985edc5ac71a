using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// The ranking the search documents (docs/search.md): a record's score is the sum of the weights of the clauses it
/// matches (a concept 2, a word 1), plus a fraction for how well it matches them. Each term scores its query weight
/// times (1 + <see cref="Quality"/> × Lucene's TF-IDF of the term in the record), and a clause takes the best of its
/// alternatives (<see cref="DisjunctionMaxQuery"/>), so that how often, how rare and where a term is found orders the
/// records that match the same clauses without ever outweighing one clause. No share of clauses matched (coord) and
/// no query normalisation.
/// </summary>
public sealed class ExchangeSimilarity : Similarity
{
    /// <summary>What TF-IDF adds to a clause's weight, per unit of TF-IDF.</summary>
    public const float Quality = 0.02f;

    private readonly DefaultSimilarity _tfIdf = new();

    public override long ComputeNorm(FieldInvertState state) => _tfIdf.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats) =>
        new Weight(queryBoost, _tfIdf.ComputeWeight(1f, collectionStats, termStats));

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var own = (Weight)weight;
        return new Scorer(own.Boost, _tfIdf.GetSimScorer(own.TfIdf, context));
    }

    private sealed class Weight(float queryBoost, SimWeight tfIdf) : SimWeight
    {
        public SimWeight TfIdf { get; } = tfIdf;

        /// <summary>The query's boost, times its parents' once normalized.</summary>
        public float Boost { get; private set; } = float.NaN;

        public override float GetValueForNormalization() => queryBoost * queryBoost;

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            Boost = queryBoost * topLevelBoost;
            TfIdf.Normalize(1f, 1f);
        }
    }

    private sealed class Scorer(float boost, SimScorer tfIdf) : SimScorer
    {
        public override float Score(int doc, float freq) => boost * (1f + (Quality * tfIdf.Score(doc, freq)));

        public override float ComputeSlopFactor(int distance) => tfIdf.ComputeSlopFactor(distance);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => tfIdf.ComputePayloadFactor(doc, start, end, payload);
    }
}
