using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// An exchange-format v1 document (docs/exchange-format.md), property for property in the order the format
/// lists them. Absent optional values are null and are not written.
/// </summary>
public sealed class ExchangeDocument
{
    public const string FormatTag = "safebrussels-exchange/1";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Accented names and non-Latin text stay readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Every string of a file is read without control characters: the dry run and the import see the same text.
        Converters = { new Infrastructure.Text.ControlCharacters.JsonConverter() },
    };

    public string Format { get; set; } = FormatTag;

    public List<ExchangeOrganization>? Organizations { get; set; }

    public List<ExchangePractice>? Practices { get; set; }

    public List<ExchangeMeeting>? Meetings { get; set; }
}
