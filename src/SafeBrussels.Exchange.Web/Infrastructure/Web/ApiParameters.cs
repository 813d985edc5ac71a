using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>Query-string parameters of the API: parsed strictly, each failure named by its parameter (400 with the field).</summary>
public static class ApiParameters
{
    public static DateTimeOffset? ParseDate(string? value, string name, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        problems[name] = [$"'{value}' is not an ISO 8601 date or date-time."];
        return null;
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

        problems[name] = [$"must be a whole number from {min} to {max}."];
        return fallback;
    }
}
