using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Search.Api;

/// <summary>
/// A search in the query string, as the caller wrote it: checked by their attributes (AddValidation: 400 naming each
/// parameter refused), then read by <see cref="SearchApi.ParseRequest"/>, which the results page shares. The
/// properties stand in the order in which that method names what it refuses: the problems come in the same order.
/// </summary>
public sealed class SearchParameters
{
    [FromQuery(Name = "type"), Description("practice, meeting or comment."), OneOf("practice", "meeting", "comment")]
    public string? Type { get; init; }

    [FromQuery(Name = "theme"), Description(ApiParameterTexts.Theme)]
    public string? Theme { get; init; }

    [FromQuery(Name = "org"), Description(ApiParameterTexts.Organization)]
    public string? Org { get; init; }

    [FromQuery(Name = "lang"), Description(ApiParameterTexts.Language), OneOf("fr", "nl", "en", ErrorMessage = "must be fr, nl or en.")]
    public string? Lang { get; init; }

    [FromQuery(Name = "sort"), Description("relevance (default) or date."), OneOf("relevance", "date", ErrorMessage = "must be relevance or date.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "q"), Description("The words to find, in French, Dutch or English; \"quoted phrases\", OR and -exclusion work as in a web search box. At most 500 characters."), MaxLength(500, ErrorMessage = "must be at most 500 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "year"), Description("A year (e.g. 2026), from 1900 to 2999."), WholeNumber(1900, 2999)]
    public string? Year { get; init; }

    [FromQuery(Name = "page"), Description("The page, from 1 to 10000."), WholeNumber(1, SearchRequest.MaxPage)]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items a page, from 1 to 100; 20 by default."), WholeNumber(1, SearchRequest.MaxPageSize)]
    public string? PageSize { get; init; }

    public SearchRequest ToRequest(Dictionary<string, string[]> problems) =>
        SearchApi.ParseRequest(Q, Type, Theme, Org, Lang, Year, Sort, Page, PageSize, problems);
}
