using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>What the OpenAPI document says of each operation beyond its route: parameters, responses, examples.</summary>
public static class ApiExamples
{
    public const string ListMeetings = "ListMeetings";
    public const string GetMeeting = "GetMeeting";
    public const string ListPractices = "ListPractices";
    public const string GetPractice = "GetPractice";
    public const string Search = "Search";
    public const string Import = "Import";
    public const string Export = "Export";

    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["q"] = "The words to find, in French, Dutch or English; \"quoted phrases\", OR and -exclusion work as in a web search box.",
        ["type"] = "practice, meeting or comment.",
        ["theme"] = "A theme key (e.g. street-harassment); a theme includes its children.",
        ["org"] = "An organization key (e.g. safe-brussels).",
        ["lang"] = "fr, nl or en: the language the record is written in.",
        ["year"] = "A year (e.g. 2026).",
        ["sort"] = "Search: relevance (default) or date. Practices: newest (default), updated or title.",
        ["from"] = "Meetings: starting at or after this date or date-time (ISO 8601). Practices: created on or after this day (yyyy-MM-dd, Brussels time).",
        ["to"] = "Meetings: starting at or before this date or date-time (ISO 8601). Practices: created on or before this day (yyyy-MM-dd, Brussels time).",
        ["evidence"] = "untested, promising, evaluated or effective.",
        ["status"] = "planned, pilot, running, evaluated or stopped.",
        ["page"] = "The page, from 1.",
        ["pageSize"] = "Items a page: 20 by default.",
        ["dryRun"] = "true: check the file and report what would change, without writing anything.",
        ["id"] = "The record's id (a UUID, the `id` of a list item).",
    };

    private static readonly Dictionary<string, (string Summary, string Description, string Example, int[] Errors)> Operations = new(StringComparer.Ordinal)
    {
        [ListMeetings] = (
            "List the meetings you may see",
            "Newest first, filtered by theme, organization (host or participant) and date.",
            """
            {"total":1,"items":[{"id":"0195f3c2-7a10-7000-8000-000000000001","externalId":"safe-brussels/meeting/2026-10-14",
             "title":"Intrafamily violence: Brussels and Ghent compare their family justice centres","organization":"safe-brussels",
             "tlp":"GREEN","startsAt":"2026-10-14T09:30:00+00:00","themes":["intrafamily-violence"]}]}
            """,
            [400, 401]),
        [GetMeeting] = (
            "Read one meeting",
            "The whole record: agenda, minutes (Markdown), decisions, action items and attendees. 404 when it does not exist or you may not see it.",
            """
            {"id":"0195f3c2-7a10-7000-8000-000000000001","externalId":"safe-brussels/meeting/2026-10-14","organization":"safe-brussels",
             "participants":["gent"],"language":"fr","title":"Violences intrafamiliales : Bruxelles et Gand comparent leurs centres",
             "startsAt":"2026-10-14T09:30:00+00:00","endsAt":"2026-10-14T12:00:00+00:00","mode":"in-person","location":"Rue de Ligne 40, Bruxelles",
             "themes":["intrafamily-violence"],"tlp":"AMBER","agenda":[{"title":"Tour de table","notes":""}],
             "minutes":"Les deux villes présentent leur centre…","decisions":["Visite à Gand en décembre"],
             "actionItems":[{"title":"Envoyer le protocole","owner":"gent","ownerPerson":null,"due":"2026-11-30","done":false}],
             "attendees":[{"name":"Sofie Peeters","member":true}],"createdAt":"2026-10-14T13:02:11+00:00","updatedAt":"2026-10-15T08:40:00+00:00"}
            """,
            [401, 404]),
        [ListPractices] = (
            "List the practices you may see",
            "The catalogue of field practices, filtered by theme, organization, language, evidence and status.",
            """
            {"total":1,"items":[{"id":"0195f3c2-7a10-7000-8000-000000000002","externalId":"gent/practice/buurtbemiddeling",
             "title":"Buurtbemiddeling","organization":"gent","language":"nl","tlp":"CLEAR","themes":["nuisance"],
             "evidence":"evaluated","status":"running","adaptedFrom":null}]}
            """,
            [400, 401]),
        [GetPractice] = (
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
            [401, 404]),
        [Search] = (
            "Search everything you may see, in the three languages",
            "A query in French, Dutch or English finds records written in the others (domain glossary, theme names, translated titles). Totals and facets count only what you may see.",
            """
            {"total":1,"items":[{"type":"practice","id":"0195f3c2-7a10-7000-8000-000000000003","externalId":"safe-brussels/practice/harcelement-de-rue",
             "title":"Plan contre le harcèlement de rue","snippet":"… des agents formés au <mark>harcèlement</mark> de <mark>rue</mark> …",
             "language":"fr","themes":["street-harassment"],"organization":"safe-brussels","tlp":"GREEN","date":"2026-05-12T00:00:00+00:00",
             "score":0.8123,"link":"/practices/0195f3c2-7a10-7000-8000-000000000003"}],
             "facets":{"type":{"practice":1},"theme":{"street-harassment":1},"org":{"safe-brussels":1},"lang":{"fr":1},"year":{"2026":1}}}
            """,
            [400, 401]),
        [Import] = (
            "Import an exchange-format file (platform administrators)",
            "The request body is an exchange-v1 JSON document. All or nothing: any problem refuses the whole file and lists every problem with its JSON path.",
            """
            {"dryRun":false,"created":{"organizations":0,"practices":12,"meetings":3},"updated":{"organizations":1,"practices":0,"meetings":0},
             "unchanged":{"organizations":3,"practices":40,"meetings":8}}
            """,
            [400, 401, 403]),
        [Export] = (
            "Export what you may see in the exchange format",
            "An exchange-v1 JSON document of the organizations, practices and meetings you may see; `org` keeps one organization's records.",
            """
            {"format":"safebrussels-exchange/1","organizations":[{"key":"gent","name":"Stad Gent","city":"Gent","country":"BE"}],"practices":[],"meetings":[]}
            """,
            [400, 401]),
    };

    /// <summary>The names of the documented operations.</summary>
    public static IReadOnlyCollection<string> Names => Operations.Keys;

    public static void Describe(OpenApiOperation operation, string? name)
    {
        if (name is null || !Operations.TryGetValue(name, out var described))
        {
            return;
        }

        operation.Summary = described.Summary;
        operation.Description = described.Description;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } parameterName && Parameters.TryGetValue(parameterName, out var text))
            {
                parameter.Description = text;
            }
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Example = JsonNode.Parse(described.Example) },
            },
        };
        foreach (var status in described.Errors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Error(status);
        }
    }

    private static OpenApiResponse Error(int status) => status switch
    {
        400 => new OpenApiResponse
        {
            Description = "A parameter or the body is invalid; each problem is named.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Example = JsonNode.Parse("""{"title":"One or more validation errors occurred.","status":400,"errors":{"pageSize":["must be a whole number from 1 to 100."]}}"""),
                },
            },
        },
        401 => new OpenApiResponse { Description = "No valid token: unknown, revoked or expired, or its member is deactivated." },
        403 => new OpenApiResponse { Description = "The token's member lacks the role this needs." },
        404 => new OpenApiResponse { Description = "No such record, or not one you may see (the two are never told apart)." },
        _ => new OpenApiResponse { Description = status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
