namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>A query ready to run: the filter every hit matches, and the clauses (with their weights) the rank counts, in tsquery text.</summary>
public sealed record CompiledQuery(string Filter, string[] Clauses, float[] Weights);
