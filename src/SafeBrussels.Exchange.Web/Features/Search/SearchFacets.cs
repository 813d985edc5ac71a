namespace SafeBrussels.Exchange.Web.Features.Search;

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Themes,
    IReadOnlyList<FacetValue> Organizations,
    IReadOnlyList<FacetValue> Languages,
    IReadOnlyList<FacetValue> Years);
