using SafeBrussels.Exchange.TestSupport;
using Xunit.Abstractions;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>
/// The quality floors of issue 25, measured on the judged dev set through the search API: recall@10 ≥ 0.90 and
/// nDCG@10 ≥ 0.85 overall and on the cross-lingual queries alone, and both ≥ 0.85 on the typo and accent queries.
/// </summary>
public sealed class SearchQualityTests(SearchFixture fixture, ITestOutputHelper output) : IClassFixture<SearchFixture>
{
    public const double RecallFloor = 0.90;
    public const double NdcgFloor = 0.85;
    public const double TypoFloor = 0.85;

    [Fact]
    public async Task Recall_and_ndcg_at_10_meet_the_floors_overall_and_across_languages()
    {
        var queries = SearchEvaluation.Queries(TestData.PathOf(Path.Combine("search-dev", "queries.json")));
        IReadOnlyList<SearchEvaluation.QueryScore> scores;
        try
        {
            scores = await SearchEvaluation.RunAsync(fixture.Client, queries);
        }
        catch (HttpRequestException)
        {
            // Say what the application logged rather than only "500".
            output.WriteLine(string.Join(Environment.NewLine, fixture.Factory.LogEvents.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString())));
            throw;
        }

        output.WriteLine(SearchEvaluation.Report(scores));

        var summary = SearchEvaluation.Summarize(scores).ToDictionary(k => k.Kind);
        Assert.Equal(30, summary["overall"].Queries);
        foreach (var kind in new[] { "overall", "cross-lingual" })
        {
            Assert.True(summary[kind].Recall >= RecallFloor, $"{kind} recall@10 {summary[kind].Recall:0.000} < {RecallFloor}");
            Assert.True(summary[kind].Ndcg >= NdcgFloor, $"{kind} nDCG@10 {summary[kind].Ndcg:0.000} < {NdcgFloor}");
        }

        var typos = summary["typo-accent"];
        Assert.True(typos.Recall >= TypoFloor && typos.Ndcg >= TypoFloor, $"typo and accent: recall@10 {typos.Recall:0.000}, nDCG@10 {typos.Ndcg:0.000} < {TypoFloor}");
    }
}
