namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>The index term of a concept: its key behind a mark no word can begin with, so a concept never matches a word.</summary>
public static class ConceptTokens
{
    public const char Mark = '§';

    public static string Of(string conceptKey) => Mark + conceptKey;

    public static bool IsConcept(string term) => term.Length > 1 && term[0] == Mark;

    public static string KeyOf(string term) => term[1..];
}
