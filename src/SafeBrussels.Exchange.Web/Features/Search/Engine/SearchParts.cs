namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// The parts of a record's text, from the most telling to the least, as PostgreSQL's weights A to D were: a title
/// outweighs a summary (and a meeting's agenda titles and decisions), which outweighs the body, which outweighs
/// the names of the record's themes.
/// </summary>
public static class SearchParts
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Themes = "themes";

    public static readonly IReadOnlyList<string> All = [Title, Summary, Body, Themes];

    /// <summary>How much a match in each part counts, relative to a title's.</summary>
    public static float Weight(string part) => part switch
    {
        Title => 1.0f,
        Summary => 0.4f,
        Body => 0.2f,
        _ => 0.1f,
    };
}
