using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Query-string parameters of the API: parsed strictly, each failure named by its parameter (400 with the field).</summary>
public static class ApiParameters
{
    /// <summary>The highest page number a list accepts: far past any list, and its offset always fits.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The days a date parameter may name (older or later dates are refused, not converted).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>
    /// A day bound: a date (yyyy-MM-dd) is a day in Brussels time, its start, or with <paramref name="endOfDay"/> the
    /// start of the next day (an exclusive bound that includes the whole day); a date-time is taken as it is.
    /// </summary>
    public static DateTimeOffset? ParseDay(string? value, string name, bool endOfDay, Dictionary<string, string[]> problems)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (!InRange(day, name, problems))
            {
                return null;
            }

            return Localization.ExchangeTime.FromBrussels((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        }

        return ParseDate(value, name, problems);
    }

    public static DateTimeOffset? ParseDate(string? value, string name, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return InRange(DateOnly.FromDateTime(parsed.UtcDateTime), name, problems) ? parsed : null;
        }

        problems[name] = [$"'{value}' is not an ISO 8601 date or date-time."];
        return null;
    }

    /// <summary>Whether <paramref name="day"/> is within [<see cref="Earliest"/>, <see cref="Latest"/>]; otherwise named in <paramref name="problems"/>.</summary>
    public static bool InRange(DateOnly day, string name, Dictionary<string, string[]> problems)
    {
        if (day >= Earliest && day <= Latest)
        {
            return true;
        }

        problems[name] = [$"must be a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}."];
        return false;
    }

    public static int ParseInt(string? value, string name, int fallback, int min, int max, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        problems[name] = [WholeNumberAttribute.Message(min, max)];
        return fallback;
    }
}
