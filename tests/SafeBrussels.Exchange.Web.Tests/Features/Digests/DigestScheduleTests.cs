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

    // Monday 7 December 2026, 08:00 in Brussels (07:00 UTC): a weekly slot.
    private static readonly DateTimeOffset Slot = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_digest_starts_when_the_member_joined_when_that_is_later_than_a_period_back()
    {
        var joined = Slot.AddMinutes(-2);
        Assert.Equal(joined, DigestSchedule.Since(previous: null, regular: Slot.AddDays(-7), joined, firstFollowed: null));
        // Joined long ago: a regular period back.
        Assert.Equal(Slot.AddDays(-7), DigestSchedule.Since(null, Slot.AddDays(-7), Slot.AddDays(-40), null));
    }

    [Fact]
    public void A_first_digest_starts_when_the_member_first_followed_when_that_is_later_than_joining()
    {
        var joined = Slot.AddDays(-20);
        var followed = Slot.AddDays(-2);
        Assert.Equal(followed, DigestSchedule.Since(null, Slot.AddDays(-7), joined, followed));
        // After a first digest, the next starts where it ended, whenever they followed.
        Assert.Equal(Slot.AddDays(-7), DigestSchedule.Since(Slot.AddDays(-7), Slot.AddDays(-7), joined, followed));
        // And never before they joined (a reactivated or re-created account).
        Assert.Equal(Slot.AddDays(-1), DigestSchedule.Since(Slot.AddDays(-7), Slot.AddDays(-7), Slot.AddDays(-1), null));
    }

    [Fact]
    public void A_slot_that_passed_before_the_member_joined_is_not_due_and_the_next_one_is()
    {
        var joined = Slot.AddHours(1);
        Assert.Null(DigestSchedule.DueSlot(DigestFrequency.Weekly, DayOfWeek.Monday, 8, joined, Slot.AddHours(2)));
        Assert.Equal(Slot.AddDays(7), DigestSchedule.DueSlot(DigestFrequency.Weekly, DayOfWeek.Monday, 8, joined, Slot.AddDays(7).AddMinutes(1)));
        Assert.Equal(Slot, DigestSchedule.DueSlot(DigestFrequency.Weekly, DayOfWeek.Monday, 8, Slot.AddMinutes(-2), Slot.AddMinutes(1)));
    }

    [Fact]
    public void A_missed_slot_older_than_one_period_is_never_due()
    {
        var joined = Slot.AddDays(-60);
        // The jobs stopped for three weeks: at restart only the latest slot is due, within a period of it.
        for (var hours = 1; hours < 24 * 21; hours += 5)
        {
            var at = Slot.AddHours(hours);
            var due = DigestSchedule.DueSlot(DigestFrequency.Weekly, DayOfWeek.Monday, 8, joined, at);
            Assert.NotNull(due);
            Assert.InRange(at - due!.Value, TimeSpan.Zero, TimeSpan.FromDays(7));
        }

        // Daily: yesterday's slot is due until today's comes, never the day before's.
        var daily = DigestSchedule.DueSlot(DigestFrequency.Daily, DayOfWeek.Monday, 8, joined, Slot.AddHours(23));
        Assert.Equal(Slot, daily);
        Assert.Equal(Slot.AddDays(1), DigestSchedule.DueSlot(DigestFrequency.Daily, DayOfWeek.Monday, 8, joined, Slot.AddHours(24)));
    }
}
