namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>A folded word as PostgreSQL's French, Dutch and English stemmers reduce it (null for a stop word).</summary>
public sealed record WordStems(string? Fr, string? Nl, string? En)
{
    public bool SharesStemWith(WordStems other) =>
        (Fr is not null && Fr == other.Fr) || (Nl is not null && Nl == other.Nl) || (En is not null && En == other.En);
}
