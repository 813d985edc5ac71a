using System.Globalization;
using System.Text;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>A meeting as an iCalendar (RFC 5545) event, for Outlook, Google Calendar and Thunderbird.</summary>
public static class MeetingCalendar
{
    public static void MapMeetingCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{id:guid}/calendar.ics", async (Guid id, HttpContext context, MeetingService meetings, PublicLinks links) =>
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
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//SafeBrussels Exchange//Meetings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };
        if (name is not null)
        {
            lines.Add($"X-WR-CALNAME:{Escape(name)}");
            lines.Add("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
            lines.Add("X-PUBLISHED-TTL:PT1H");
        }

        foreach (var meeting in events)
        {
            var link = url(meeting.Id);
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{meeting.Id}@safebrussels-exchange",
                $"DTSTAMP:{Utc(now)}",
                $"DTSTART:{Utc(meeting.StartsAt)}",
                $"DTEND:{Utc(meeting.EndsAt ?? meeting.StartsAt.AddHours(1))}",
                $"SUMMARY:{Escape($"[TLP:{meeting.Tlp.ToLabel()}] {meeting.Title}")}",
                $"DESCRIPTION:{Escape($"{meeting.OrganizationName} · TLP:{meeting.Tlp.ToLabel()}\n{link}")}",
                $"URL:{link}",
                $"LAST-MODIFIED:{Utc(meeting.UpdatedAt)}",
                // Anything above GREEN is not for a shared calendar's public view.
                $"CLASS:{(meeting.Tlp <= Tlp.Green ? "PUBLIC" : "CONFIDENTIAL")}",
            ]);
            if (!string.IsNullOrWhiteSpace(meeting.Location))
            {
                lines.Add($"LOCATION:{Escape(meeting.Location)}");
            }

            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        return string.Concat(lines.Select(line => Fold(line) + "\r\n"));
    }

    private static string Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // RFC 5545 TEXT: backslash, semicolon and comma escaped; every line break (CRLF, LF or a lone CR) as \n; no other
    // control character (text stored before the input rule may still hold one).
    private static string Escape(string text) =>
        Infrastructure.Text.ControlCharacters.Clean(text)
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1), never inside a UTF-8 character.</summary>
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        return result.ToString();
    }
}
