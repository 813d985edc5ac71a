namespace SafeBrussels.Exchange.Web.Features.Search.Api;

/// <summary>What a search found among the records the caller may see: the total, this page of hits, and the facets, counted only over what the caller may see.</summary>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchHitResponse> Items, SearchFacetsResponse Facets)
{
    public static SearchResponse From(SearchResult result) => new(
        result.Total,
        [.. result.Items.Select(SearchHitResponse.From)],
        new SearchFacetsResponse(result.Facets.Types, result.Facets.Themes, result.Facets.Organizations, result.Facets.Languages, result.Facets.Years));
}
