using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Search;

public enum SearchSort
{
    Relevance,
    Date,
}

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

public static class SearchTypes
{
    public const string Practice = "practice";
    public const string Meeting = "meeting";
    public const string Comment = "comment";

    public static IReadOnlyList<string> All { get; } = [Practice, Meeting, Comment];
}

/// <summary>One hit: for a comment, the title, themes and link are those of the practice or meeting it belongs to.</summary>
public sealed record SearchHit(
    string Type,
    Guid Id,
    string ExternalId,
    string Title,
    string Snippet,
    string Language,
    IReadOnlyList<string> Themes,
    string OrganizationKey,
    string OrganizationName,
    Tlp Tlp,
    DateTimeOffset Date,
    double Score,
    string Link);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Themes,
    IReadOnlyList<FacetValue> Organizations,
    IReadOnlyList<FacetValue> Languages,
    IReadOnlyList<FacetValue> Years);

public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Items, SearchFacets Facets)
{
    public static SearchResult Empty { get; } = new(0, [], new SearchFacets([], [], [], [], []));
}
