using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>Counts in the operator's messages (command line, health checks), which are in English: "1 digest", "3 digests".</summary>
public static class English
{
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
