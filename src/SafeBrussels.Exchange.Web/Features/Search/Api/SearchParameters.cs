using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

namespace SafeBrussels.Exchange.Web.Features.Search.Api;

/// <summary>A search in the query string, as the caller wrote it: read strictly by <see cref="SearchApi.ParseRequest"/>, each refused parameter named (400).</summary>
public sealed class SearchParameters
{
    [FromQuery(Name = "q"), Description("The words to find, in French, Dutch or English; \"quoted phrases\", OR and -exclusion work as in a web search box. At most 500 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "type"), Description("practice, meeting or comment.")]
    public string? Type { get; init; }

    [FromQuery(Name = "theme"), Description(ApiParameterTexts.Theme)]
    public string? Theme { get; init; }

    [FromQuery(Name = "org"), Description(ApiParameterTexts.Organization)]
    public string? Org { get; init; }

    [FromQuery(Name = "lang"), Description(ApiParameterTexts.Language)]
    public string? Lang { get; init; }

    [FromQuery(Name = "year"), Description("A year (e.g. 2026), from 1900 to 2999.")]
    public string? Year { get; init; }

    [FromQuery(Name = "sort"), Description("relevance (default) or date.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description("The page, from 1 to 10000.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items a page, from 1 to 100; 20 by default.")]
    public string? PageSize { get; init; }

    public SearchRequest ToRequest(Dictionary<string, string[]> problems) =>
        SearchApi.ParseRequest(Q, Type, Theme, Org, Lang, Year, Sort, Page, PageSize, problems);
}
