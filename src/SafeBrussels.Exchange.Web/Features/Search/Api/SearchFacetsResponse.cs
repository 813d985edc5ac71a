namespace SafeBrussels.Exchange.Web.Features.Search.Api;

/// <summary>The hits counted by type, theme, organization, language and year.</summary>
public sealed record SearchFacetsResponse(
    IReadOnlyList<FacetValue> Type,
    IReadOnlyList<FacetValue> Theme,
    IReadOnlyList<FacetValue> Org,
    IReadOnlyList<FacetValue> Lang,
    IReadOnlyList<FacetValue> Year);
