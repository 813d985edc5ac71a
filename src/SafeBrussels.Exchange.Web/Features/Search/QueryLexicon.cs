namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>What the database says about the words of a query: their stems, and which ones the records contain as typed.</summary>
public sealed record QueryLexicon(IReadOnlyDictionary<string, WordStems> Stems, IReadOnlySet<string> Known)
{
    public static QueryLexicon Empty { get; } = new(new Dictionary<string, WordStems>(), new HashSet<string>());
}
