using Microsoft.AspNetCore.Http.HttpResults;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Search.Api;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary><c>GET /api/v1/search?q=&amp;type=&amp;theme=&amp;org=&amp;lang=&amp;year=&amp;sort=&amp;page=&amp;pageSize=</c>.</summary>
public static class SearchApi
{
    private static readonly ApiOperation Searching = new(
        "Search",
        "Search everything you may see, in the three languages",
        "A query in French, Dutch or English finds records written in the others (domain glossary, theme names, translated titles). Totals and facets count only what you may see.",
        """
        {"total":1,"items":[{"type":"practice","id":"0195f3c2-7a10-7000-8000-000000000003","externalId":"safe-brussels/practice/harcelement-de-rue",
         "title":"Plan contre le harcèlement de rue","snippet":"… des agents formés au <mark>harcèlement</mark> de <mark>rue</mark> …",
         "language":"fr","themes":["street-harassment"],"organization":"safe-brussels","tlp":"GREEN","date":"2026-05-12T00:00:00+00:00",
         "score":0.8123,"link":"/practices/0195f3c2-7a10-7000-8000-000000000003"}],
         "facets":{"type":{"practice":1},"theme":{"street-harassment":1},"org":{"safe-brussels":1},"lang":{"fr":1},"year":{"2026":1}}}
        """,
        [400, 401]);

    public static void MapSearchApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/search", async Task<Results<Ok<SearchResponse>, ValidationProblem>> (
            HttpContext context, SearchService search, [AsParameters] SearchParameters parameters) =>
        {
            var problems = new Dictionary<string, string[]>();
            var request = parameters.ToRequest(problems);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems);
            }

            var result = await search.SearchAsync(Viewer.From(context.User)!, request, context.RequestAborted);
            return TypedResults.Ok(SearchResponse.From(result));
        }).RequireAuthorization().Documented(Searching).WithTags("Search");

    /// <summary>Reads a search from a query string (API and results page); a bad value is named in <paramref name="problems"/>.</summary>
    public static SearchRequest ParseRequest(
        string? q, string? type, string? theme, string? org, string? lang, string? year, string? sort, string? page, string? pageSize,
        Dictionary<string, string[]> problems)
    {
        if (!string.IsNullOrEmpty(type) && !SearchTypes.All.Contains(type))
        {
            problems[nameof(type)] = [$"must be one of {string.Join(", ", SearchTypes.All)}."];
        }

        if (!string.IsNullOrEmpty(lang) && !SupportedLanguages.IsSupported(lang))
        {
            problems[nameof(lang)] = ["must be fr, nl or en."];
        }

        var order = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(sort) && !Enum.TryParse(sort, ignoreCase: true, out order))
        {
            problems[nameof(sort)] = ["must be relevance or date."];
        }

        if ((q ?? "").Length > 500)
        {
            problems[nameof(q)] = ["must be at most 500 characters."];
        }

        int? yearNumber = string.IsNullOrEmpty(year) ? null : ApiParameters.ParseInt(year, nameof(year), 0, 1900, 2999, problems);
        var pageNumber = ApiParameters.ParseInt(page, nameof(page), 1, 1, SearchRequest.MaxPage, problems);
        var size = ApiParameters.ParseInt(pageSize, nameof(pageSize), 20, 1, SearchRequest.MaxPageSize, problems);
        return new SearchRequest(q, Empty(type), Empty(theme), Empty(org), Empty(lang), yearNumber, order, pageNumber, size);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
