namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>A concept of the field with its terms in French, Dutch and English (the first of each list is the preferred term).</summary>
public sealed record GlossaryConcept(string Key, string? Theme, IReadOnlyList<string> Fr, IReadOnlyList<string> Nl, IReadOnlyList<string> En)
{
    public IEnumerable<string> Terms => Fr.Concat(Nl).Concat(En);
}
