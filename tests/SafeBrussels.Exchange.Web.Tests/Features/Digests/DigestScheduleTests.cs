using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.Web.Tests.Features.Digests;

public sealed class DigestScheduleTests
{
    [Fact]
    public void Weekly_is_the_latest_chosen_weekday_and_hour_in_Brussels_time()
    {
        // Wednesday 9 December 2026, 12:00 UTC (13:00 in Brussels, winter time).
        var at = new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero);
        var due = DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, at);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Daily_before_the_hour_is_yesterday_and_summer_time_is_respected()
    {
        // 5 June 2026, 05:30 UTC = 07:30 in Brussels (summer time): the 08:00 digest of the day is not due yet.
        var at = new DateTimeOffset(2026, 6, 5, 5, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 4, 6, 0, 0, TimeSpan.Zero), DigestSchedule.LatestDue(DigestFrequency.Daily, DayOfWeek.Monday, 8, at));
        Assert.Equal(new DateTimeOffset(2026, 6, 5, 6, 0, 0, TimeSpan.Zero), DigestSchedule.LatestDue(DigestFrequency.Daily, DayOfWeek.Monday, 8, at.AddMinutes(30)));
    }

    [Fact]
    public void Off_is_never_due()
    {
        Assert.Null(DigestSchedule.LatestDue(DigestFrequency.Off, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow));
    }
}
