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

    public static string ToIcs(MeetingDetail meeting, string url, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//SafeBrussels Exchange//Meetings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{meeting.Id}@safebrussels-exchange",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(meeting.StartsAt)}",
            $"DTEND:{Utc(meeting.EndsAt ?? meeting.StartsAt.AddHours(1))}",
            $"SUMMARY:{Escape($"[TLP:{meeting.Tlp.ToLabel()}] {meeting.Title}")}",
            $"DESCRIPTION:{Escape($"{meeting.OrganizationName} · TLP:{meeting.Tlp.ToLabel()}\n{url}")}",
            $"URL:{url}",
            $"LAST-MODIFIED:{Utc(meeting.UpdatedAt)}",
            // Anything above GREEN is not for a shared calendar's public view.
            $"CLASS:{(meeting.Tlp <= Tlp.Green ? "PUBLIC" : "CONFIDENTIAL")}",
        };
        if (!string.IsNullOrWhiteSpace(meeting.Location))
        {
            lines.Add($"LOCATION:{Escape(meeting.Location)}");
        }

        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return string.Concat(lines.Select(line => Fold(line) + "\r\n"));
    }

    private static string Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

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
