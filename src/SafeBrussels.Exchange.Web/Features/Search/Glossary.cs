namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// The glossary as the search reads it: the field's concepts with their terms in French, Dutch and English, as
/// platform administrators left them. One instance per reading of the table (<see cref="GlossaryStore"/>), so that a
/// new one means the table was read again.
/// </summary>
public sealed class Glossary(IEnumerable<GlossaryConcept> concepts)
{
    /// <summary>The longest term, in words, that the analysis recognises as one concept.</summary>
    public const int MaxTermWords = 6;

    public IReadOnlyList<GlossaryConcept> Concepts { get; } = [.. concepts];
}
