using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Meetings.Api;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

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

        group.MapGet("", async Task<Results<Ok<MeetingListResponse>, ValidationProblem>> (
            HttpContext context, MeetingListing meetings, [AsParameters] MeetingListParameters parameters) =>
        {
            var problems = new Dictionary<string, string[]>();
            var query = parameters.ToQuery(problems);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems);
            }

            var page = await meetings.ListAsync(Viewer.From(context.User)!, query, context.RequestAborted);
            return TypedResults.Ok(MeetingListResponse.From(page));
        }).Documented(List).WithTags("Meetings");

        group.MapGet("/{id:guid}", async Task<Results<Ok<MeetingResponse>, NotFound>> ([Description(ApiParameterTexts.Id)] Guid id, HttpContext context, MeetingReader meetings) =>
        {
            var meeting = await meetings.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            return meeting is null ? TypedResults.NotFound() : TypedResults.Ok(MeetingResponse.From(meeting));
        }).Documented(Read).WithTags("Meetings");
    }
}
