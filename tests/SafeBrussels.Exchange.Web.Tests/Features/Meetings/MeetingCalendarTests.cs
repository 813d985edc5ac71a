using Ical.Net;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.Web.Tests.Features.Meetings;

public sealed class MeetingCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_feed_is_an_rfc_5545_calendar_with_its_name_refresh_hint_and_one_event_per_meeting()
    {
        var id = Guid.Parse("0195f3c2-7a10-7000-8000-000000000001");
        var starts = new DateTimeOffset(2026, 12, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var meeting = new CalendarEvent(id, "Harcèlement de rue ; marches exploratoires, bilan", "safe.brussels", Tlp.Amber, starts, null,
            "Rue de Ligne 40\nBruxelles", Now.AddDays(-1), "fr");

        var ics = MeetingCalendar.ToIcs([meeting], i => $"https://exchange.example/meetings/{i}", Now, "SafeBrussels Exchange · Julie Peeters");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Rue de Ligne 40\\nBruxelles\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var calendar = Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("SafeBrussels Exchange · Julie Peeters", calendar.Properties.Get<string>("X-WR-CALNAME"));
        var entry = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@safebrussels-exchange", entry.Uid);
        Assert.Equal("[TLP:AMBER] Harcèlement de rue ; marches exploratoires, bilan", entry.Summary);
        Assert.Equal($"safe.brussels · TLP:AMBER\nhttps://exchange.example/meetings/{id}", entry.Description);
        Assert.Equal("CONFIDENTIAL", entry.Class);
        Assert.Equal(starts.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal(starts.UtcDateTime.AddHours(1), entry.DtEnd!.AsUtc);
    }
}
