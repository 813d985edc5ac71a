using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// When a member's digest is due: the scheduled instants of their frequency, weekday and hour in Brussels time.
/// A digest period ends at such an instant; the ledger keys on it.
/// </summary>
public static class DigestSchedule
{
    /// <summary>How far back a digest ever looks, whatever the gap since the previous one.</summary>
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(31);

    /// <summary>The latest scheduled instant at or before <paramref name="at"/>; null when digests are off.</summary>
    public static DateTimeOffset? LatestDue(DigestFrequency frequency, DayOfWeek day, int hour, DateTimeOffset at)
    {
        if (frequency == DigestFrequency.Off)
        {
            return null;
        }

        var local = ExchangeTime.ToBrussels(at).DateTime.Date;
        for (var back = 0; back <= 8; back++)
        {
            var date = local.AddDays(-back);
            if (frequency == DigestFrequency.Weekly && date.DayOfWeek != day)
            {
                continue;
            }

            var instant = At(date, hour);
            if (instant <= at)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("No scheduled instant in the last eight days.");
    }

    /// <summary>
    /// Where a member's digest period starts: at their previous digest, else one regular period back; never before they
    /// joined; and a first digest (none before) not before they first followed something, when they did. A member who
    /// joined two minutes ago is told of these two minutes, not of the week before.
    /// </summary>
    public static DateTimeOffset Since(DateTimeOffset? previous, DateTimeOffset regular, DateTimeOffset joined, DateTimeOffset? firstFollowed)
    {
        var since = previous ?? regular;
        if (previous is null && firstFollowed is { } followed && followed > since)
        {
            since = followed;
        }

        return joined > since ? joined : since;
    }

    /// <summary>
    /// The slot a member is due for at <paramref name="at"/>: the latest scheduled instant, unless they joined after it
    /// (a new member, or a new installation, waits for the next slot rather than getting one already passed), or it is
    /// older than one period (a slot missed while the jobs were stopped is not sent late: the next one covers the gap).
    /// </summary>
    public static DateTimeOffset? DueSlot(DigestFrequency frequency, DayOfWeek day, int hour, DateTimeOffset joined, DateTimeOffset at)
    {
        if (LatestDue(frequency, day, hour, at) is not { } slot || slot < joined || at - slot >= Length(frequency))
        {
            return null;
        }

        return slot;
    }

    /// <summary>The length of a regular period: where a first digest starts.</summary>
    public static TimeSpan Length(DigestFrequency frequency) =>
        frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);

    private static DateTimeOffset At(DateTime date, int hour)
    {
        var wall = date.AddHours(Math.Clamp(hour, 0, 23));
        // The hour skipped when clocks go forward is read as the hour after it.
        if (ExchangeTime.Brussels.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        return ExchangeTime.FromBrussels(wall).ToUniversalTime();
    }
}
