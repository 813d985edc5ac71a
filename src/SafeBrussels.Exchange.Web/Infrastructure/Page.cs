namespace SafeBrussels.Exchange.Web.Infrastructure;

/// <summary>One page of a longer list, with the total the filters match (counted under the sharing rules).</summary>
public sealed record Page<T>(int Total, IReadOnlyList<T> Items);
