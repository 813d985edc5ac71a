namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>One record found, with its score (the sum of the weights of the clauses it matches, and a fraction for how well).</summary>
public sealed record EngineHit(string Type, Guid Id, float Score);
