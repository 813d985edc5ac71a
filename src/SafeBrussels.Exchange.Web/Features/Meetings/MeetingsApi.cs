using System.Globalization;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary><c>/api/v1/meetings</c>: the meetings the caller may see, under the same sharing rules as the pages.</summary>
public static class MeetingsApi
{
    private static readonly ApiOperation List = new(
        "ListMeetings",
        "List the meetings you may see",
        "Newest first, filtered by theme, organization (host or participant) and date.",
        """
        {"total":1,"items":[{"id":"0195f3c2-7a10-7000-8000-000000000001","externalId":"safe-brussels/meeting/2026-10-14",
         "title":"Intrafamily violence: Brussels and Ghent compare their family justice centres","organization":"safe-brussels",
         "tlp":"GREEN","startsAt":"2026-10-14T09:30:00+00:00","themes":["intrafamily-violence"]}]}
        """,
        [400, 401]);

    private static readonly ApiOperation Read = new(
        "GetMeeting",
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
        [401, 404]);

    public static void MapMeetingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/meetings").RequireAuthorization();

        group.MapGet("", async (HttpContext context, MeetingListing meetings, string? theme, string? org, string? from, string? to, string? page, string? pageSize) =>
        {
            var problems = new Dictionary<string, string[]>();
            // A day includes the whole day in Brussels time, as for practices (the dashboard's quarters link here).
            var fromDate = ApiParameters.ParseDay(from, nameof(from), endOfDay: false, problems);
            var toDate = ApiParameters.ParseDay(to, nameof(to), endOfDay: true, problems);
            var pageNumber = ApiParameters.ParseInt(page, nameof(page), 1, 1, ApiParameters.MaxPage, problems);
            var size = ApiParameters.ParseInt(pageSize, nameof(pageSize), 20, 1, MeetingQuery.MaxPageSize, problems);
            if (problems.Count > 0)
            {
                return Results.ValidationProblem(problems);
            }

            var viewer = Viewer.From(context.User)!;
            var result = await meetings.ListAsync(viewer, new MeetingQuery(theme, org, fromDate, toDate, pageNumber, size), context.RequestAborted);
            return Results.Ok(new
            {
                total = result.Total,
                items = result.Items.Select(m => new
                {
                    id = m.Id,
                    externalId = m.ExternalId,
                    title = m.Title,
                    organization = m.OrganizationKey,
                    tlp = m.Tlp.ToLabel(),
                    startsAt = m.StartsAt,
                    themes = m.Themes,
                }),
            });
        }).Documented(List).WithTags("Meetings");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, MeetingReader meetings) =>
        {
            var meeting = await meetings.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            return meeting is null ? Results.NotFound() : Results.Ok(ToJson(meeting));
        }).Documented(Read).WithTags("Meetings");
    }

    /// <summary>The whole record, in the vocabulary of the exchange format.</summary>
    public static object ToJson(MeetingDetail m) => new
    {
        id = m.Id,
        externalId = m.ExternalId,
        organization = m.OrganizationKey,
        participants = m.Participants.Select(p => p.Key),
        language = m.Language,
        title = m.Title,
        startsAt = m.StartsAt,
        endsAt = m.EndsAt,
        mode = m.Mode.ToCode(),
        location = m.Location,
        themes = m.Themes,
        tlp = m.Tlp.ToLabel(),
        agenda = m.Agenda.Select(a => new { title = a.Title, notes = a.Notes }),
        minutes = m.Minutes,
        decisions = m.Decisions,
        actionItems = m.ActionItems.Select(a => new
        {
            title = a.Title,
            owner = a.OwnerOrganizationKey,
            ownerPerson = a.OwnerUserName,
            due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            done = a.IsDone,
        }),
        attendees = m.Attendees.Select(a => new { name = a.Name, member = a.UserId is not null }),
        createdAt = m.CreatedAt,
        updatedAt = m.UpdatedAt,
    };
}
