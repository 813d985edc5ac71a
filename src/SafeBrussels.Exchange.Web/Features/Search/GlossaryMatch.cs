namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>A glossary term found in a query: the words it covered and the concept it names.</summary>
public sealed record GlossaryMatch(int Start, int Length, GlossaryConcept Concept);
