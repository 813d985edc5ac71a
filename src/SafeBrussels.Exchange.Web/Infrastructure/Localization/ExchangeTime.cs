using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>Every date and time shown to people is shown in Brussels time, in their language's format.</summary>
public static class ExchangeTime
{
    public static TimeZoneInfo Brussels { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTimeOffset ToBrussels(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Brussels);

    /// <summary>A wall-clock time in Brussels (what people type in a form) as an instant with its offset.</summary>
    public static DateTimeOffset FromBrussels(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Brussels.GetUtcOffset(unspecified));
    }

    public static string FormatTime(DateTimeOffset value) =>
        ToBrussels(value).ToString("t", CultureInfo.CurrentCulture);

    public static string FormatDate(DateTimeOffset value) =>
        ToBrussels(value).ToString("D", CultureInfo.CurrentCulture);

    public static string FormatDateTime(DateTimeOffset value) =>
        ToBrussels(value).ToString("g", CultureInfo.CurrentCulture);
}
