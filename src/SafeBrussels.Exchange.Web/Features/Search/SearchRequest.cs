namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>A search: the words typed, the facets chosen, the order and the page.</summary>
public sealed record SearchRequest(
    string? Text,
    string? Type = null,
    string? Theme = null,
    string? Organization = null,
    string? Language = null,
    int? Year = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 100;

    /// <summary>The highest page number a search accepts.</summary>
    public const int MaxPage = 10_000;
}
