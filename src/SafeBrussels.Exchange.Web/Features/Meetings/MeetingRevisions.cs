using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Compares revision snapshots field by field.</summary>
public static class MeetingRevisions
{
    public static List<string> ChangedFields(string before, string after)
    {
        var old = JsonNode.Parse(before)!.AsObject();
        var now = JsonNode.Parse(after)!.AsObject();
        return now.Select(p => p.Key)
            .Union(old.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(old[key], now[key]))
            .ToList();
    }

    /// <summary>A short plain-text rendering of one field of a version, to show what someone else changed.</summary>
    public static string Describe(MeetingInput input, string field) => field switch
    {
        "title" => input.Title,
        "minutes" => input.Minutes.Length > 400 ? input.Minutes[..400] + "…" : input.Minutes,
        "agenda" => string.Join(" · ", input.Agenda.Select(a => a.Title)),
        "decisions" => string.Join(" · ", input.Decisions),
        "actionItems" => string.Join(" · ", input.ActionItems.Select(a => a.Title)),
        "startsAt" => input.StartsAt.ToString("g", System.Globalization.CultureInfo.CurrentCulture),
        "endsAt" => input.EndsAt?.ToString("g", System.Globalization.CultureInfo.CurrentCulture) ?? "",
        "location" => input.Location,
        "tlp" => Sharing.TlpLabels.ToLabel(input.Tlp),
        "themes" => string.Join(", ", input.Themes),
        "attendeeNames" => string.Join(", ", input.AttendeeNames),
        _ => "",
    };

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new Infrastructure.Text.ControlCharacters.JsonConverter() },
    };

    public static MeetingInput Read(string snapshot) => JsonSerializer.Deserialize<MeetingInput>(snapshot, SnapshotJson)!;

    /// <summary>The snapshot stored with a revision: the editable fields as JSON.</summary>
    public static string Write(MeetingInput input) => JsonSerializer.Serialize(input, SnapshotJson);
}
