namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>One clause of a query in to_tsquery syntax, and how much matching it counts in the ranking.</summary>
public sealed record SearchClause(string Text, float Weight);
