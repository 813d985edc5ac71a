namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// The parts of a record's text as the index reads it: all of them are its text, and a match in a title counts more
/// (<see cref="EngineQueryBuilder.TitleWeight"/>). A meeting's summary is its agenda titles and decisions.
/// </summary>
public static class SearchParts
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Themes = "themes";
}
