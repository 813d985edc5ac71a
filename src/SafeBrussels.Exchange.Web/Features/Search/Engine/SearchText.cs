namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>Text of one part of a record (<see cref="SearchParts"/>) in one language.</summary>
public sealed record SearchText(string Part, string Language, string Text);
