namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// What the engine answers: the page of records in order, the exact number of matches the reader may see, and the
/// facets' exact counts over those matches (by facet name: type, theme, org, lang, year; values as indexed).
/// </summary>
public sealed record EngineResult(int Total, IReadOnlyList<EngineHit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public static EngineResult Empty { get; } = new(0, [], new Dictionary<string, IReadOnlyDictionary<string, int>>());
}
