using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Practices.Api;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary><c>/api/v1/practices</c>: the practices the caller may see, under the same sharing rules as the pages.</summary>
public static class PracticesApi
{
    private static readonly ApiOperation List = new(
        "ListPractices",
        "List the practices you may see",
        "The catalogue of field practices, filtered by theme, organization, language, evidence and status.",
        """
        {"total":1,"items":[{"id":"0195f3c2-7a10-7000-8000-000000000002","externalId":"gent/practice/buurtbemiddeling",
         "title":"Buurtbemiddeling","organization":"gent","language":"nl","tlp":"CLEAR","themes":["nuisance"],
         "evidence":"evaluated","status":"running","adaptedFrom":null}]}
        """,
        [400, 401]);

    private static readonly ApiOperation Read = new(
        "GetPractice",
        "Read one practice",
        "The whole record with its translations, the adaptations you may see (lineage) and the meetings that discussed it. 404 when it does not exist or you may not see it.",
        """
        {"id":"0195f3c2-7a10-7000-8000-000000000002","externalId":"gent/practice/buurtbemiddeling","organization":"gent","language":"nl",
         "title":"Buurtbemiddeling","summary":"Vrijwillige bemiddelaars helpen buren hun conflict zelf op te lossen.","problem":"","approach":"",
         "results":"","targetGroups":["residents"],"themes":["nuisance"],"tlp":"CLEAR","status":"running","evidence":"evaluated",
         "startedOn":"2019-01-01","contact":{"name":"Dienst Preventie","email":"preventie@example.gent"},"adaptedFrom":null,
         "adaptation":{"localContext":"","changes":""},"translations":{"fr":{"title":"Médiation de voisinage","summary":"…"}},
         "lineage":{"adaptedFrom":null,"adaptations":[],"tree":{"id":"0195f3c2-7a10-7000-8000-000000000002","externalId":"gent/practice/buurtbemiddeling",
         "title":"Buurtbemiddeling","organization":"Stad Gent","language":"nl","tlp":"CLEAR","children":[]}},
         "meetings":[],"createdAt":"2026-03-02T10:00:00+00:00","updatedAt":"2026-09-20T07:15:00+00:00"}
        """,
        [401, 404]);

    public static void MapPracticesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/practices").RequireAuthorization();

        group.MapGet("", async Task<Results<Ok<PracticeListResponse>, ValidationProblem>> (
            HttpContext context, PracticeListing practices, [AsParameters] PracticeListParameters parameters) =>
        {
            var problems = new Dictionary<string, string[]>();
            var query = parameters.ToQuery(problems);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems);
            }

            var page = await practices.ListAsync(Viewer.From(context.User)!, query, context.RequestAborted);
            return TypedResults.Ok(PracticeListResponse.From(page));
        }).Documented(List).WithTags("Practices");

        group.MapGet("/{id:guid}", async Task<Results<Ok<PracticeResponse>, NotFound>> ([Description(ApiParameterTexts.Id)] Guid id, HttpContext context, PracticeReader practices) =>
        {
            var practice = await practices.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            return practice is null ? TypedResults.NotFound() : TypedResults.Ok(PracticeResponse.From(practice));
        }).Documented(Read).WithTags("Practices");
    }

    /// <summary>Reads the catalogue's filters from a query string; a bad value is named in <paramref name="problems"/>.</summary>
    public static PracticeQuery ParseQuery(
        string? theme, string? org, string? lang, string? evidence, string? status, string? sort, string? page, string? pageSize,
        Dictionary<string, string[]> problems, string? from = null, string? to = null)
    {
        if (!string.IsNullOrEmpty(lang) && !SupportedLanguages.IsSupported(lang))
        {
            problems[nameof(lang)] = ["must be fr, nl or en."];
        }

        var evidenceLevel = ParseCode<EvidenceLevel>(evidence, nameof(evidence), PracticeCodes.TryParseEvidence, PracticeCodes.EvidenceLevels.Select(e => e.ToCode()), problems);
        var practiceStatus = ParseCode<PracticeStatus>(status, nameof(status), PracticeCodes.TryParseStatus, PracticeCodes.Statuses.Select(e => e.ToCode()), problems);

        var order = PracticeSort.Newest;
        if (!string.IsNullOrEmpty(sort) && !Enum.TryParse(sort, ignoreCase: true, out order))
        {
            problems[nameof(sort)] = ["must be newest, updated or title."];
        }

        var pageNumber = ApiParameters.ParseInt(page, nameof(page), 1, 1, ApiParameters.MaxPage, problems);
        var size = ApiParameters.ParseInt(pageSize, nameof(pageSize), 20, 1, PracticeQuery.MaxPageSize, problems);
        return new PracticeQuery(
            NullIfEmpty(theme), NullIfEmpty(org), NullIfEmpty(lang), evidenceLevel, practiceStatus, order, pageNumber, size,
            ApiParameters.ParseDay(from, nameof(from), endOfDay: false, problems), ApiParameters.ParseDay(to, nameof(to), endOfDay: true, problems));
    }

    private delegate bool TryParseCode<T>(string? code, out T value);

    private static T? ParseCode<T>(string? value, string name, TryParseCode<T> parse, IEnumerable<string> allowed, Dictionary<string, string[]> problems)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (parse(value, out var parsed))
        {
            return parsed;
        }

        problems[name] = [$"must be one of {string.Join(", ", allowed)}."];
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
