using System.Globalization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary><c>/api/v1/practices</c>: the practices the caller may see, under the same sharing rules as the pages.</summary>
public static class PracticesApi
{
    public static void MapPracticesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/practices").RequireAuthorization();

        group.MapGet("", async (
            HttpContext context, PracticeListing practices,
            string? theme, string? org, string? lang, string? evidence, string? status, string? sort, string? page, string? pageSize, string? from, string? to) =>
        {
            var problems = new Dictionary<string, string[]>();
            var query = ParseQuery(theme, org, lang, evidence, status, sort, page, pageSize, problems, from, to);
            if (problems.Count > 0)
            {
                return Results.ValidationProblem(problems);
            }

            var result = await practices.ListAsync(Viewer.From(context.User)!, query, context.RequestAborted);
            return Results.Ok(new
            {
                total = result.Total,
                items = result.Items.Select(p => new
                {
                    id = p.Id,
                    externalId = p.ExternalId,
                    title = p.Title,
                    organization = p.OrganizationKey,
                    language = p.Language,
                    tlp = p.Tlp.ToLabel(),
                    themes = p.Themes,
                    evidence = p.Evidence.ToCode(),
                    status = p.Status.ToCode(),
                    adaptedFrom = p.AdaptedFrom,
                }),
            });
        }).WithName(ApiExamples.ListPractices).WithTags("Practices");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, PracticeReader practices) =>
        {
            var practice = await practices.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            return practice is null ? Results.NotFound() : Results.Ok(ToJson(practice));
        }).WithName(ApiExamples.GetPractice).WithTags("Practices");
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

    /// <summary>The whole record in the vocabulary of the exchange format, with its visible lineage and meetings.</summary>
    public static object ToJson(PracticeDetail p) => new
    {
        id = p.Id,
        externalId = p.ExternalId,
        organization = p.OrganizationKey,
        language = p.Language,
        title = p.Title,
        summary = p.Summary,
        problem = p.Problem,
        approach = p.Approach,
        results = p.Results,
        targetGroups = p.TargetGroups,
        themes = p.Themes,
        tlp = p.Tlp.ToLabel(),
        status = p.Status.ToCode(),
        evidence = p.Evidence.ToCode(),
        startedOn = p.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        contact = new { name = p.ContactName, email = p.ContactEmail },
        adaptedFrom = p.Lineage.AdaptedFrom?.ExternalId,
        adaptation = new { localContext = p.AdaptationContext, changes = p.AdaptationChanges },
        translations = p.Translations.ToDictionary(t => t.Language, t => new { title = t.Title, summary = t.Summary }),
        lineage = new
        {
            adaptedFrom = p.Lineage.AdaptedFrom is { } original ? Node(original, withChildren: false) : null,
            adaptations = p.Lineage.Adaptations.Select(a => Node(a, withChildren: false)),
            tree = Node(p.Lineage.Root, withChildren: true),
        },
        meetings = p.Meetings.Select(m => new { id = m.Id, title = m.Title, startsAt = m.StartsAt, tlp = m.Tlp.ToLabel() }),
        createdAt = p.CreatedAt,
        updatedAt = p.UpdatedAt,
    };

    private static object Node(LineageNode node, bool withChildren) => new
    {
        id = node.Id,
        externalId = node.ExternalId,
        title = node.Title,
        organization = node.OrganizationName,
        language = node.Language,
        tlp = node.Tlp.ToLabel(),
        status = node.Status.ToCode(),
        evidence = node.Evidence.ToCode(),
        changes = node.AdaptationChanges,
        adaptations = withChildren ? node.Adaptations.Select(a => Node(a, withChildren: true)) : null,
    };

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
