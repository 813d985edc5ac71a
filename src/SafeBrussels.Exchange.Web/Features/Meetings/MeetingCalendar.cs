using System.Text;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>A meeting as an iCalendar (RFC 5545) event, for Outlook, Google Calendar and Thunderbird.</summary>
public static class MeetingCalendar
{
    public static void MapMeetingCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{id:guid}/calendar.ics", async (Guid id, HttpContext context, MeetingReader meetings, PublicLinks links) =>
        {
            var meeting = await meetings.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            if (meeting is null)
            {
                return Results.NotFound();
            }

            var body = Encoding.UTF8.GetBytes(ToIcs(meeting, links.Absolute($"/meetings/{meeting.Id}"), DateTimeOffset.UtcNow));
            return Results.File(body, "text/calendar; charset=utf-8", $"meeting-{meeting.StartsAt:yyyy-MM-dd}.ics");
        }).RequireAuthorization();

    public static string ToIcs(MeetingDetail meeting, string url, DateTimeOffset now) =>
        ToIcs(
            [new CalendarEvent(meeting.Id, meeting.Title, meeting.OrganizationName, meeting.Tlp, meeting.StartsAt, meeting.EndsAt, meeting.Location, meeting.UpdatedAt, meeting.Language)],
            _ => url, now, name: null);

    /// <summary>A calendar of events; with a <paramref name="name"/> it is a subscribable feed (X-WR-CALNAME, refresh hint).</summary>
    public static string ToIcs(IEnumerable<CalendarEvent> events, Func<Guid, string> url, DateTimeOffset now, string? name)
    {
        var calendar = new Calendar
        {
            ProductId = "-//SafeBrussels Exchange//Meetings//EN",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", Clean(name));
            calendar.AddProperty(new CalendarProperty("REFRESH-INTERVAL", "PT1H") { Parameters = { new CalendarParameter("VALUE", "DURATION") } });
            calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        }

        foreach (var meeting in events)
        {
            var link = url(meeting.Id);
            var entry = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = $"{meeting.Id}@safebrussels-exchange",
                DtStamp = Utc(now),
                DtStart = Utc(meeting.StartsAt),
                DtEnd = Utc(meeting.EndsAt ?? meeting.StartsAt.AddHours(1)),
                Summary = Clean($"[TLP:{meeting.Tlp.ToLabel()}] {meeting.Title}"),
                Description = Clean($"{meeting.OrganizationName} · TLP:{meeting.Tlp.ToLabel()}\n{link}"),
                Url = new Uri(link),
                LastModified = Utc(meeting.UpdatedAt),
                // Anything above GREEN is not for a shared calendar's public view.
                Class = meeting.Tlp <= Tlp.Green ? "PUBLIC" : "CONFIDENTIAL",
            };
            if (!string.IsNullOrWhiteSpace(meeting.Location))
            {
                entry.Location = Clean(meeting.Location);
            }

            calendar.Events.Add(entry);
        }

        // The serializer escapes TEXT values (backslash, semicolon, comma, line breaks) and folds lines at 75 octets.
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset value) => new(value.UtcDateTime, CalDateTime.UtcTzId);

    // No control character other than line breaks (text stored before the input rule may still hold one); every line
    // break (CRLF, LF or a lone CR) as one LF, which the serializer writes as \n.
    private static string Clean(string text) =>
        Infrastructure.Text.ControlCharacters.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
