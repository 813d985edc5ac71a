using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// The <c>date-time</c> format as the importer can read it: RFC 3339 as JsonSchema.Net checks it, with a "T" between date
/// and time, an offset within ±14:00 and an instant inside <see cref="DateTimeOffset"/>'s range.
/// </summary>
internal static class ImportableDateTime
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static Format Format { get; } = new PredicateFormat("date-time", IsImportable);

    private static bool IsImportable(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var text = value.GetString()!;
        return Formats.DateTime.Validate(value, out _)
            && text.Length > 10 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            && instant.Offset.Duration() <= MaxOffset;
    }
}
