namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>The descriptions of the query parameters several operations share (their <c>[Description]</c>).</summary>
public static class ApiParameterTexts
{
    public const string Theme = "A theme key (e.g. street-harassment); a theme includes its children.";

    public const string Organization = "An organization key (e.g. safe-brussels).";

    public const string Language = "fr, nl or en: the language the record is written in.";

    public const string Page = "The page, from 1.";

    public const string Id = "The record's id (a UUID, the `id` of a list item).";
}
