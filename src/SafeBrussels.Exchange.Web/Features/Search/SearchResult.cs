namespace SafeBrussels.Exchange.Web.Features.Search;

public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Items, SearchFacets Facets)
{
    public static SearchResult Empty { get; } = new(0, [], new SearchFacets([], [], [], [], []));
}
