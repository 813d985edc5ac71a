namespace SafeBrussels.Exchange.Web.Features.Search;

public sealed record FacetValue(string Value, int Count);
