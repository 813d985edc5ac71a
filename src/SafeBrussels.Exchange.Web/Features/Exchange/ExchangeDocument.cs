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

public sealed class ExchangeOrganization
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string? City { get; set; }

    public string? Country { get; set; }

    public List<string>? Languages { get; set; }
}

public sealed class ExchangePractice
{
    public string ExternalId { get; set; } = "";

    public string Organization { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Problem { get; set; }

    public string? Approach { get; set; }

    public string? Results { get; set; }

    public List<string>? TargetGroups { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Tlp { get; set; }

    public string? Status { get; set; }

    public string? Evidence { get; set; }

    public string? StartedOn { get; set; }

    public ExchangeContact? Contact { get; set; }

    public string? AdaptedFrom { get; set; }

    public ExchangeAdaptation? Adaptation { get; set; }

    public SortedDictionary<string, ExchangeTranslation>? Translations { get; set; }
}

public sealed class ExchangeContact
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}

public sealed class ExchangeAdaptation
{
    public string? LocalContext { get; set; }

    public string? Changes { get; set; }
}

public sealed class ExchangeTranslation
{
    public string? Title { get; set; }

    public string? Summary { get; set; }
}

public sealed class ExchangeMeeting
{
    public string ExternalId { get; set; } = "";

    public string Organization { get; set; } = "";

    public List<string>? Participants { get; set; }

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string StartsAt { get; set; } = "";

    public string? EndsAt { get; set; }

    public string? Mode { get; set; }

    public string? Location { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Tlp { get; set; }

    public List<ExchangeAgendaItem>? Agenda { get; set; }

    public string? Minutes { get; set; }

    public List<string>? Decisions { get; set; }

    public List<ExchangeActionItem>? ActionItems { get; set; }
}

public sealed class ExchangeAgendaItem
{
    public string Title { get; set; } = "";

    public string? Notes { get; set; }
}

public sealed class ExchangeActionItem
{
    public string Title { get; set; } = "";

    public string? Owner { get; set; }

    public string? Due { get; set; }
}
