namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>A concept named in a text: its key, the words that named it as written, and where they start.</summary>
public sealed record ConceptOccurrence(string Key, string Words, int Start);
